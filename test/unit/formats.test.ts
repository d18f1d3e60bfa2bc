// Each transcript format read into the same model: turns with speakers, times and offsets into the text it builds.
import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../src/core/transcripts/build-transcript.js';
import { parseTranscript } from '../../src/core/transcripts/parse-transcript.js';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher } from '../../src/core/transcripts/speakers.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';
import { adviceFor, formatOf, TRANSCRIPT_EXTENSIONS } from '../../src/formats/index.js';
import type { Problem } from '../../src/core/problem.js';
import { docxFile } from '../helpers/office.js';

const isInterviewer = interviewerMatcher(DEFAULT_INTERVIEWER_LABELS);
const utf8 = (text: string) => new TextEncoder().encode(text);

type Read = { ok: true; transcript: Transcript; warnings: readonly Problem[] } | { ok: false; problems: readonly Problem[] };

async function read(file: string, content: string | Uint8Array, turnColumns = {}): Promise<Read> {
  const format = formatOf(file.slice(file.lastIndexOf('.')))!;
  const reader = await format.load();
  const draft = await reader.read(typeof content === 'string' ? utf8(content) : content, { file, defaultId: 'T', defaultLanguage: 'en', isInterviewer, turnColumns });
  if (!draft.ok) return { ok: false, problems: draft.problems };
  const built = buildTranscript(draft.value, { isInterviewer });
  return { ok: true, transcript: built.transcript, warnings: [...draft.warnings, ...built.warnings] };
}

async function turnsOf(file: string, content: string | Uint8Array, turnColumns = {}) {
  const result = await read(file, content, turnColumns);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const t = result.transcript;
  return t.turns.map((turn) => ({ speaker: turn.speaker, role: turn.role, time: turn.time, said: t.text.slice(turn.start, turn.end) }));
}

async function problemsOf(file: string, content: string | Uint8Array): Promise<readonly Problem[]> {
  const result = await read(file, content);
  if (result.ok) throw new Error(`expected ${file} to be refused`);
  return result.problems;
}

/** The text a reader builds, read back as a .txt: the same speakers, times and words. */
function reparsed(t: Transcript) {
  const again = parseTranscript(t.text, 'again.txt', { defaultId: 'T', defaultLanguage: 'en', isInterviewer });
  if (!again.ok) throw new Error('not re-readable');
  return again.value.turns.map((turn) => [turn.speaker, turn.time, again.value.text.slice(turn.start, turn.end)]);
}

describe('the registry', () => {
  it('knows each format by its extension, in any case, and advises on others', () => {
    expect(TRANSCRIPT_EXTENSIONS).toEqual(['.txt', '.md', '.docx', '.vtt', '.srt', '.csv', '.tsv']);
    expect(formatOf('.DOCX')?.name).toBe('Word');
    expect(formatOf('.pdf')).toBeUndefined();
    expect(adviceFor('.pdf')).toContain('export them as .docx or .txt');
    expect(adviceFor('.rtf')).toContain('save them as .docx');
    expect(adviceFor('.m4a')).toContain('transcribe');
    expect(adviceFor('.xyz')).toContain('.txt, .md, .docx');
  });
});

describe('WebVTT', () => {
  const zoom = [
    'WEBVTT',
    '',
    '1',
    '00:00:01.000 --> 00:00:04.200',
    'Dana Okafor: Thanks for joining. How did your group first meet the network?',
    '',
    '2',
    '00:00:04.500 --> 00:00:08.000',
    'Tomás Ruiz: Through a regional meeting, back when we were all',
    '',
    '3',
    '00:00:08.000 --> 00:00:11.000',
    'Tomás Ruiz: fighting over the same small grants &amp; donors.',
    '',
  ].join('\n');

  it('takes speakers from "Name:" prefixes, merges consecutive cues of one speaker and keeps the first cue time', async () => {
    expect(await turnsOf('z.vtt', zoom)).toEqual([
      { speaker: 'Dana Okafor', role: 'respondent', time: 1, said: 'Thanks for joining. How did your group first meet the network?' },
      { speaker: 'Tomás Ruiz', role: 'respondent', time: 4.5, said: 'Through a regional meeting, back when we were all fighting over the same small grants & donors.' },
    ]);
  });

  it('takes speakers from voice tags, drops other tags, NOTE and STYLE blocks, and reads minutes-only times', async () => {
    const teams = 'WEBVTT - Teams\n\nNOTE written by a meeting tool\n\nSTYLE\n::cue { color: white }\n\n00:02.000 --> 00:05.000\n<v Interviewer>Could you say <i>more</i>?</v>\n\nc2\n01:01.250 --> 01:04.000\n<v.loud Respondent 1><c.yellow>Yes:</c> the pressure never stops.</v>\n\n01:04.000 --> 01:06.000\nIt really never does.\n';
    expect(await turnsOf('t.vtt', teams)).toEqual([
      { speaker: 'Interviewer', role: 'interviewer', time: 2, said: 'Could you say more?' },
      { speaker: 'Respondent 1', role: 'respondent', time: 61.25, said: 'Yes: the pressure never stops. It really never does.' },
    ]);
  });

  it('builds a text of "[time] Speaker: words" paragraphs that reads back as the same turns', async () => {
    const result = await read('z.vtt', zoom);
    if (!result.ok) throw new Error('refused');
    expect(result.transcript.text).toBe('[00:00:01] Dana Okafor: Thanks for joining. How did your group first meet the network?\n\n[00:00:04.500] Tomás Ruiz: Through a regional meeting, back when we were all fighting over the same small grants & donors.\n');
    expect(reparsed(result.transcript)).toEqual(result.transcript.turns.map((t) => [t.speaker, t.time, result.transcript.text.slice(t.start, t.end)]));
  });

  it('warns when no cue names a speaker (Whisper output) and reads the file as one turn', async () => {
    const result = await read('w.vtt', 'WEBVTT\n\n00:00.000 --> 00:03.000\nWe never had enough money.\n\n00:03.000 --> 00:05.000\nNot once.\n');
    expect(result.ok && result.transcript.turns.length).toBe(1);
    expect(result.ok && result.warnings.map((w) => w.kind)).toEqual(['subtitles without speakers']);
  });

  it('refuses a file without the WEBVTT header, and a cue without a timing line, by line and cue', async () => {
    expect(await problemsOf('x.vtt', '1\n00:00:01.000 --> 00:00:02.000\nHi\n')).toMatchObject([{ file: 'x.vtt', line: 1, message: 'not a WebVTT file: the first line must be "WEBVTT"' }]);
    expect(await problemsOf('x.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA: Hi\n\n00:00:02.000 -> 00:00:03.000\nB: Hello\n')).toMatchObject([{ file: 'x.vtt', line: 6, message: 'cue 2 has no valid timing line' }]);
  });
});

describe('SubRip', () => {
  it('reads numbered cues with comma milliseconds, multi-line cues and italic labels', async () => {
    const srt = '1\r\n00:00:00,000 --> 00:00:03,200\r\n<i>Entrevistadora:</i> ¿Qué cambiaría?\r\n\r\n2\r\n00:00:03,400 --> 00:00:07,900\r\nLucía: Más fondos flexibles,\r\nmenos informes.\r\n\r\n3\r\n00:00:08,000 --> 00:00:10,000\r\nY menos talleres.\r\n';
    expect(await turnsOf('s.srt', srt)).toEqual([
      { speaker: 'Entrevistadora', role: 'interviewer', time: 0, said: '¿Qué cambiaría?' },
      { speaker: 'Lucía', role: 'respondent', time: 3.4, said: 'Más fondos flexibles, menos informes. Y menos talleres.' },
    ]);
  });

  it('refuses a cue whose time line is malformed, naming the cue and its line', async () => {
    expect(await problemsOf('s.srt', '1\n00:00:00,000 --> 00:00:03,200\nQ: Hi?\n\n2\n00:00:03 --> 00:00:07\nA: Hello\n')).toMatchObject([{ line: 6, message: 'cue 2 has no valid timing line' }]);
  });
});

describe('turn tables', () => {
  const archive = [
    'Speaker,Transcript,Timestamp,Tape',
    'DB:,What was hardest in the first year?,00:00:12,1',
    'AR:,"Honestly, the competition for grants. Everyone wanted the same donors&#8217; attention.",00:00:20,1',
    ',"And we were tired, all of us.",00:00:41,1',
    'DB:,Thank you.,00:01:02,1',
  ].join('\n');

  it('finds columns by common names; an empty speaker continues the turn; trailing colons and entities are cleaned', async () => {
    expect(await turnsOf('a.csv', archive)).toEqual([
      { speaker: 'DB', role: 'respondent', time: 12, said: 'What was hardest in the first year?' },
      { speaker: 'AR', role: 'respondent', time: 20, said: 'Honestly, the competition for grants. Everyone wanted the same donors’ attention.\n\nAnd we were tired, all of us.' },
      { speaker: 'DB', role: 'respondent', time: 62, said: 'Thank you.' },
    ]);
  });

  it('maps other column names with --turn-columns, reads tabs, plain-second times and no time column', async () => {
    const tsv = 'Who said it\tUtterance text\tSecs\nInterviewer\tAny problems?\t3.5\nRespondent\tBurnout.\t9\n';
    expect(await turnsOf('a.tsv', tsv, { speaker: 'who said it', text: 'utterance text', time: 'secs' })).toEqual([
      { speaker: 'Interviewer', role: 'interviewer', time: 3.5, said: 'Any problems?' },
      { speaker: 'Respondent', role: 'respondent', time: 9, said: 'Burnout.' },
    ]);
    expect((await turnsOf('b.csv', 'speaker,text\nQ,Why?\nA,Because.\n')).map((t) => t.time)).toEqual([undefined, undefined]);
  });

  it('warns of a time it cannot read, naming the row', async () => {
    const result = await read('a.csv', 'speaker,text,time\nQ,Why?,soon\nA,Because.,0:05\n');
    expect(result.ok && result.warnings).toMatchObject([{ line: 2, kind: 'unreadable time', message: 'time "soon" is not a time; the turn has none' }]);
  });

  it('refuses a table without a text column, listing its columns and how to map one', async () => {
    const [problem] = await problemsOf('p.csv', 'id,group,region\nM01,members,Africa\n');
    expect(problem).toMatchObject({ file: 'p.csv', line: 1 });
    expect(problem!.message).toContain('not a turn table: no text column');
    expect(problem!.hint).toContain('its columns: id, group, region; name yours with --turn-columns text=NAME,speaker=NAME');
  });
});

describe('Word', () => {
  it('reads paragraphs as lines: bold labels in their own run, tabs after labels, labels after a line break', async () => {
    const docx = await docxFile([
      [{ text: 'Interview 7 — regional coordinator', bold: true }],
      'Date: 3 March 2023',
      [{ text: 'Interviewer:', bold: true }, { text: ' How did the first year go?' }],
      [{ text: 'Respondent', bold: true }, { text: ':' }, { text: 'Slowly. We were short of staff.', tab: true }],
      'We still are, if I am honest.',
      [{ text: 'Interviewer:', bold: true }, { text: ' And the network?' }, { text: 'Respondent: It helped a lot.', break: true }],
    ]);
    expect(await turnsOf('w.docx', docx)).toEqual([
      { speaker: 'Interviewer', role: 'interviewer', time: undefined, said: 'How did the first year go?' },
      { speaker: 'Respondent', role: 'respondent', time: undefined, said: 'Slowly. We were short of staff.\n\nWe still are, if I am honest.' },
      { speaker: 'Interviewer', role: 'interviewer', time: undefined, said: 'And the network?' },
      { speaker: 'Respondent', role: 'respondent', time: undefined, said: 'It helped a lot.' },
    ]);
  });

  it('reads front matter and Otter-style labels with times alone on a line', async () => {
    const docx = await docxFile(['---', 'id: W2', 'group: donors', '---', 'Speaker 1  0:03', 'What changed?', 'Speaker 2  0:09', 'Trust did.']);
    const result = await read('w.docx', docx);
    if (!result.ok) throw new Error('refused');
    expect(result.transcript).toMatchObject({ id: 'W2', attributes: { group: 'donors' } });
    expect(result.transcript.turns.map((t) => [t.speaker, t.time, result.transcript.text.slice(t.start, t.end)])).toEqual([
      ['Speaker 1', 3, 'What changed?'],
      ['Speaker 2', 9, 'Trust did.'],
    ]);
  });

  it('refuses a file that is not a Word document', async () => {
    const [problem] = await problemsOf('bad.docx', 'this was an old .doc renamed');
    expect(problem).toMatchObject({ file: 'bad.docx', severity: 'error' });
    expect(problem!.message).toContain('not a readable Word document');
    expect(problem!.hint).toContain('save it again as "Word Document (.docx)"');
  });
});
