// Timestamps beside speaker labels, interviewer label variants, and recognising the interviewer when no label says.
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/core/transcripts/parse-transcript.js';
import { isQuestion, pickInterviewer } from '../../src/core/transcripts/interviewers.js';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher, matchSpeakerLabel } from '../../src/core/transcripts/speakers.js';
import { formatTime, parseClockTime, parseTime } from '../../src/core/transcripts/time.js';

const isInterviewer = interviewerMatcher(DEFAULT_INTERVIEWER_LABELS);

function parse(text: string, auto = false, labels: readonly string[] = []) {
  const result = parseTranscript(text, 't.txt', { defaultId: 't', defaultLanguage: 'en', isInterviewer: interviewerMatcher([...DEFAULT_INTERVIEWER_LABELS, ...labels]), auto });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}
const turns = (text: string) => {
  const t = parse(text).value;
  return t.turns.map((turn) => [turn.speaker, turn.role, turn.time, t.text.slice(turn.start, turn.end)]);
};

describe('times', () => {
  it('reads clock times as seconds and prints them as hh:mm:ss, with milliseconds only when there are some', () => {
    expect(parseClockTime('00:01:02')).toBe(62);
    expect(parseClockTime('1:02')).toBe(62);
    expect(parseClockTime('75:30')).toBe(4530);
    expect(parseClockTime('00:01:02,5')).toBe(62.5);
    expect(parseClockTime('01:02.250')).toBe(62.25);
    expect(parseClockTime('00:61:00')).toBeUndefined();
    expect(parseClockTime('1:60')).toBeUndefined();
    expect(parseTime('[00:00:07]')).toBe(7);
    expect(parseTime('62.5')).toBe(62.5);
    expect(parseTime('soon')).toBeUndefined();
    expect(formatTime(62)).toBe('00:01:02');
    expect(formatTime(3723.5)).toBe('01:02:03.500');
    expect(formatTime(0.001)).toBe('00:00:00.001');
  });
});

describe('timestamps beside labels', () => {
  it.each([
    ['[00:01:02] Interviewer: How so?', 'Interviewer', 62, 'How so?'],
    ['00:01:02 Speaker 1: How so?', 'Speaker 1', 62, 'How so?'],
    ['(0:07) Respondent: Like this.', 'Respondent', 7, 'Like this.'],
    ['[00:01:02] - Respondent: Like this.', 'Respondent', 62, 'Like this.'],
    ['Speaker 1 (00:05): How so?', 'Speaker 1', 5, 'How so?'],
    ['Interviewer [00:01:02]: How so?', 'Interviewer', 62, 'How so?'],
    ['**Speaker 2** (01:02:03): Like this.', 'Speaker 2', 3723, 'Like this.'],
    ['Respondent: [00:00:09] Like this.', 'Respondent', 9, 'Like this.'],
    ['Respondent: (0:09) Like this.', 'Respondent', 9, 'Like this.'],
  ])('%s', (line, speaker, time, said) => {
    expect(turns(line)).toEqual([[speaker, speaker.startsWith('Interviewer') ? 'interviewer' : 'respondent', time, said]]);
  });

  it('reads a label and time alone on a line with the words below (Otter, Teams)', () => {
    expect(turns('Speaker 1  0:03\nWhat changed?\n\nAna María Pérez  1:02:33\nTrust did.\nSlowly.\n')).toEqual([
      ['Speaker 1', 'respondent', 3, 'What changed?'],
      ['Ana María Pérez', 'respondent', 3753, 'Trust did.\nSlowly.'],
    ]);
  });

  it('never makes a time part of the speaker or the words', () => {
    expect(matchSpeakerLabel('Speaker 2  0:07', isInterviewer)).toEqual({ speaker: 'Speaker 2', length: 15, time: 7 });
    expect(matchSpeakerLabel('Speaker 1 (00:05): Hi', isInterviewer)).toMatchObject({ speaker: 'Speaker 1', time: 5 });
  });

  it('keeps a time in the words after a colon unless bracketed, and leaves lines that are not labels alone', () => {
    expect(turns('Respondent: 10:30 is when we start.')).toEqual([['Respondent', 'respondent', undefined, '10:30 is when we start.']]);
    for (const line of ['10:30 we started', 'It was 10:30', 'Thanks', 'Interviewer', '2023: a hard year', 'Time: 10:30', '12:30 Team meeting: notes']) {
      expect(matchSpeakerLabel(line, isInterviewer), line).toBeUndefined();
    }
  });
});

describe('interviewer labels', () => {
  it('recognise Int, Int., a name in brackets or after a dash', () => {
    for (const label of ['Int', 'Int.', 'INT 2', 'Interviewer (Dan)', 'Interviewer – Dan', 'Interviewer - Dan Brown', 'Entrevistadora (Lucía)']) expect(isInterviewer(label), label).toBe(true);
    for (const label of ['Interviewee', 'Intern', 'Dan', 'Respondent (Dan)']) expect(isInterviewer(label), label).toBe(false);
  });

  it('open turns as labels', () => {
    expect(turns('Int.: Why?\nInterviewer – Dan: And then?\nInterviewer (Dan): Right.\nR: Because.')).toEqual([
      ['Int.', 'interviewer', undefined, 'Why?'],
      ['Interviewer – Dan', 'interviewer', undefined, 'And then?'],
      ['Interviewer (Dan)', 'interviewer', undefined, 'Right.'],
      ['R', 'respondent', undefined, 'Because.'],
    ]);
  });
});

describe('recognising the interviewer', () => {
  const dialogue = 'Dan: How long have you been a member?\nAna: Five years.\nDan: What was hardest?\nAna: Burnout. Who would not be tired? All of us were.\nDan: And what helped?\nAna: Meeting in person.\n';

  it('counts a turn ending with a question mark as a question', () => {
    expect(isQuestion('And what helped?')).toBe(true);
    expect(isQuestion('¿Y qué ayudó?” ')).toBe(true);
    expect(isQuestion('Who would not be tired? Nobody.')).toBe(false);
  });

  it('warns once when two speakers and no interviewer: speakers, turn counts, question shares and what to do', () => {
    const result = parse(dialogue);
    expect(result.value.interviewer).toEqual({
      status: 'unrecognised',
      tallies: [
        { speaker: 'Dan', turns: 3, questions: 3 },
        { speaker: 'Ana', turns: 3, questions: 0 },
      ],
    });
    expect(result.value.turns.every((t) => t.role === 'respondent')).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      file: 't.txt',
      kind: 'no interviewer recognised',
      message: "no interviewer recognised among 2 speakers: Dan (3 turns, 100% questions), Ana (3 turns, 0% questions); every turn is coded as a respondent's",
    });
    expect(result.warnings[0]!.hint).toContain('--interviewer "Dan"');
  });

  it('with auto, picks the speaker whose turns are clearly mostly questions and says so', () => {
    const result = parse(dialogue, true);
    expect(result.value.interviewer).toMatchObject({ status: 'picked', speakers: ['Dan'] });
    expect(result.value.turns.map((t) => t.role)).toEqual(['interviewer', 'respondent', 'interviewer', 'respondent', 'interviewer', 'respondent']);
    expect(result.warnings).toMatchObject([{ kind: 'interviewer picked by --interviewer auto' }]);
  });

  it('with auto, keeps the warning when no speaker stands out', () => {
    expect(pickInterviewer([{ speaker: 'A', turns: 4, questions: 2 }, { speaker: 'B', turns: 4, questions: 0 }])).toBe('A');
    expect(pickInterviewer([{ speaker: 'A', turns: 4, questions: 3 }, { speaker: 'B', turns: 4, questions: 2 }])).toBeUndefined();
    expect(pickInterviewer([{ speaker: 'A', turns: 4, questions: 1 }, { speaker: 'B', turns: 4, questions: 0 }])).toBeUndefined();
    const result = parse('A: Why?\nB: Why not?\nA: Really?\nB: Is it not?\n', true);
    expect(result.value.interviewer.status).toBe('unrecognised');
    expect(result.warnings[0]!.message).toContain('--interviewer auto found no speaker whose turns are clearly mostly questions');
  });

  it('says nothing for a known label, one speaker or none', () => {
    expect(parse('Q: Why?\nDan: Because.\nAna: Indeed.').warnings).toEqual([]);
    expect(parse('Ana: A written answer.').value.interviewer).toEqual({ status: 'single speaker' });
    expect(parse('No labels at all.').value.interviewer).toEqual({ status: 'single speaker' });
    expect(parse(dialogue, false, ['Dan']).value.interviewer).toEqual({ status: 'labelled', speakers: ['Dan'] });
  });
});
