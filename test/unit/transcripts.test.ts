import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher, matchSpeakerLabel } from '../../src/core/transcripts/speakers.js';
import { parseTranscript } from '../../src/core/transcripts/parse-transcript.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';

const isInterviewer = interviewerMatcher(DEFAULT_INTERVIEWER_LABELS);
const options = { defaultId: 'file-name', defaultLanguage: 'en' as const, isInterviewer };

function parse(text: string): Transcript {
  const result = parseTranscript(text, 't.txt', options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
const said = (t: Transcript) => t.turns.map((turn) => [turn.index, turn.speaker, turn.role, t.text.slice(turn.start, turn.end)]);

describe('speaker turns', () => {
  it('numbers turns from 1 in reading order, interviewer turns included', () => {
    const t = parse('Interviewer: Hello?\nRespondent: Hi.\nInterviewer: And?\nRespondent: Well.\n');
    expect(said(t)).toEqual([
      [1, 'Interviewer', 'interviewer', 'Hello?'],
      [2, 'Respondent', 'respondent', 'Hi.'],
      [3, 'Interviewer', 'interviewer', 'And?'],
      [4, 'Respondent', 'respondent', 'Well.'],
    ]);
  });

  it('keeps following lines and paragraphs in the turn until the next label', () => {
    const t = parse('Q: Why?\nA: First line\nsecond line.\n\nA new paragraph.\nQ: Thanks.');
    expect(said(t)[1]).toEqual([2, 'A', 'respondent', 'First line\nsecond line.\n\nA new paragraph.']);
  });

  it('does not code the text before the first label', () => {
    const t = parse('Interview 4, Nairobi\nDate: 3 May 2023\nLength: 40 min\n\nInterviewer: Hi.\nRespondent: Hello.');
    expect(said(t).map(([i, s]) => [i, s])).toEqual([
      [1, 'Interviewer'],
      [2, 'Respondent'],
    ]);
  });

  it('treats a file without labels as one respondent turn', () => {
    const t = parse('Written answer.\n\nSecond paragraph.\n');
    expect(said(t)).toEqual([[1, '', 'respondent', 'Written answer.\n\nSecond paragraph.']]);
  });

  it('reads Markdown bold labels and numbered interviewers', () => {
    const t = parse('**Interviewer 2:** Hi.\n**Participant**: Hello.\n__Moderator__: Ok.');
    expect(said(t)).toEqual([
      [1, 'Interviewer 2', 'interviewer', 'Hi.'],
      [2, 'Participant', 'respondent', 'Hello.'],
      [3, 'Moderator', 'interviewer', 'Ok.'],
    ]);
  });

  it('recognises the default interviewer labels, case-insensitively, with numbers', () => {
    for (const label of ['Interviewer', 'interviewer 3', 'Q', 'Q1', 'I', 'Moderator', 'Facilitator', 'Researcher 2', 'Entrevistadora']) {
      expect(isInterviewer(label), label).toBe(true);
    }
    for (const label of ['Respondent', 'A', 'Participant 1', 'Entrevistada', 'Interviewee']) expect(isInterviewer(label), label).toBe(false);
  });

  it('takes extra interviewer labels', () => {
    expect(interviewerMatcher(['Ana'])('ana 2')).toBe(true);
  });

  it('does not mistake a sentence with a colon, a header line or a URL for a label', () => {
    expect(matchSpeakerLabel('The problem is: money.', isInterviewer)).toBeUndefined();
    expect(matchSpeakerLabel('Date: 12 May', isInterviewer)).toBeUndefined();
    expect(matchSpeakerLabel('https://example.org/page', isInterviewer)).toBeUndefined();
    expect(matchSpeakerLabel('10:30 we started', isInterviewer)).toBeUndefined();
    expect(matchSpeakerLabel('Ana María: Sí.', isInterviewer)).toMatchObject({ speaker: 'Ana María' });
  });

  it('points turn offsets into the whole normalised text, front matter included', () => {
    const text = '---\ngroup: donors\n---\nInterviewer: Hi.\nRespondent: Funding matters.\n';
    const t = parse(text);
    const turn = t.turns[1]!;
    expect(text.slice(turn.start, turn.end)).toBe('Funding matters.');
  });
});

describe('front matter', () => {
  it('gives id, language and attributes', () => {
    const t = parse('---\nid: M09\nlanguage: es\ngroup: members\nregion: Americas\nyear: 2023\n---\nEntrevistadora: ¿Sí?\nRespondente: Sí.');
    expect(t).toMatchObject({ id: 'M09', language: 'es', attributes: { group: 'members', region: 'Americas', year: '2023' } });
  });

  it('defaults the id to the file name and the language to the codebook', () => {
    expect(parse('Respondent: hi')).toMatchObject({ id: 'file-name', language: 'en', attributes: {} });
  });

  it('reports malformed YAML with the file line', () => {
    const result = parseTranscript('---\ngroup: members\nregion: [Africa\n---\nRespondent: hi', 't.txt', options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 't.txt', line: expect.any(Number), message: expect.stringContaining('malformed front matter') });
    if (!result.ok) expect(result.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports front matter that is never closed', () => {
    const result = parseTranscript('---\ngroup: members\nRespondent: hi', 't.txt', options);
    expect(result.ok ? undefined : result.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('never closed') });
  });

  it('reports an unsupported language at its line', () => {
    const result = parseTranscript('---\ngroup: x\nlanguage: fr\n---\nR: hi', 't.txt', options);
    expect(result.ok ? undefined : result.problems[0]).toMatchObject({ line: 3, message: 'unsupported language "fr"' });
  });

  it('rejects list values for attributes', () => {
    const result = parseTranscript('---\ngroup: [a, b]\n---\nR: hi', 't.txt', options);
    expect(result.ok ? undefined : result.problems[0]?.message).toContain('single value');
  });
});

describe('empty transcripts', () => {
  it('are parsed with a warning, not an error', () => {
    const result = parseTranscript('---\ngroup: members\n---\n\n', 'e.txt', options);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.turns).toEqual([]);
      expect(result.warnings[0]?.message).toContain('empty');
    }
  });

  it('include transcripts where only the interviewer speaks', () => {
    const result = parseTranscript('Interviewer: Hello? Anyone?\n', 'e.txt', options);
    expect(result.ok && result.warnings.length).toBe(1);
  });
});
