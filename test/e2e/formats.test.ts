// Real transcripts end to end: Word, subtitles, turn tables and timestamped text in one folder, unknown files reported,
// interviewers recognised or warned of, a participants table joined, bad input per format refused with its place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from '../helpers/cli.js';
import { docxFile, xlsxFile } from '../helpers/office.js';

type Row = Record<string, string>;
const rowsOf = (csv: string): Row[] => parse(csv, { columns: true }) as Row[];

// Written the way the tools write them: Otter's label-and-time lines, Rev's bracketed times, Zoom's VTT, a
// Whisper-style SRT, an oral-history table, and a Word file with bold labels.
const otter = 'Speaker 1  0:03\nHow did your organisation first get involved?\n\nSpeaker 2  0:07\nThrough a regional meeting. Honestly, competing for the same pot of money made trust hard.\n\nSpeaker 1  1:02:15\nWhat would help now?\n\nSpeaker 2  1:02:20\nFlexible funding, and meeting in person more often.\n';
const rev = '[00:00:05] Interviewer: What did the network change for you?\n[00:00:09] Respondent: We stopped competing for the same pot.\n00:01:10 Interviewer: And the workshops?\n00:01:15 Respondent: Our staff are exhausted; burnout is real.\nInt.: Thanks.\n';
const zoom = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nInterviewer (Dana): How did you first hear about the network?\n\n2\n00:00:04.500 --> 00:00:08.000\nTomás Ruiz: Through a colleague. We were all competing for the same\n\n3\n00:00:08.000 --> 00:00:11.000\nTomás Ruiz: small grants at the time, so trust was hard.\n';
const srt = '1\n00:00:00,000 --> 00:00:03,200\nModerator: What would you change?\n\n2\n00:00:03,400 --> 00:00:07,900\nLucía: More flexible funding,\nless reporting.\n\n3\n00:00:08,000 --> 00:00:10,000\nAnd less burnout in the team.\n';
const archive = 'Speaker,Words,Timestamp\nQ:,What was hardest in the first year?,00:00:12\nAR:,Burnout. We were exhausted &amp; unpaid.,00:00:20\n,And nobody noticed.,00:00:41\n';

describe('a folder of mixed formats', () => {
  let cwd: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(async () => {
    const word = await docxFile([
      [{ text: 'Interview W1', bold: true }],
      [{ text: 'Interviewer:', bold: true }, { text: ' What was the first obstacle?' }],
      [{ text: 'Respondent:', bold: true }, { text: ' Burnout. Our team was exhausted after the elections.' }],
    ]);
    cwd = scratch({
      'interviews/otter.txt': otter,
      'interviews/rev.md': rev,
      'interviews/zoom.vtt': zoom,
      'interviews/whisper.srt': srt,
      'interviews/archive.csv': archive,
      'interviews/word.docx': word,
      'interviews/~$word.docx': 'lock',
      'interviews/notes/a.pdf': '%PDF',
      'interviews/notes/b.pdf': '%PDF',
      'interviews/old.doc': 'x',
    });
    run = runCli(['analyze', 'interviews', '--print', 'codings'], { cwd });
  });

  it('reads every format, with the turn time in codings.csv', () => {
    expect(run.status, run.stderr).toBe(0);
    const rows = rowsOf(run.stdout);
    const where = (t: string) => rows.filter((r) => r.transcript === t).map((r) => [r.turn, r.time, r.speaker, r.code_id]);
    expect(where('otter')).toContainEqual(['2', '00:00:07', 'Speaker 2', 'funding-rivalry']);
    expect(where('otter')).toContainEqual(['4', '01:02:20', 'Speaker 2', 'meeting-in-person']);
    expect(where('rev')).toEqual([['2', '00:00:09', 'Respondent', 'funding-rivalry'], ['4', '00:01:15', 'Respondent', 'burnout']]);
    expect(where('zoom')).toContainEqual(['2', '00:00:04.500', 'Tomás Ruiz', 'funding-rivalry']);
    expect(where('whisper').map((r) => r.slice(0, 3))).toContainEqual(['2', '00:00:03.400', 'Lucía']);
    expect(where('archive')).toContainEqual(['2', '00:00:20', 'AR', 'burnout']);
    expect(where('word')).toEqual([['2', '', 'Respondent', 'burnout']]);
    expect(rows.find((r) => r.transcript === 'archive')!.text).toBe('Burnout. We were exhausted & unpaid.\n\nAnd nobody noticed.');
  });

  it('gives each quote its turn and the turn\'s time in quotes.csv, so it can be found again in the recording', () => {
    const quotes = runCli(['analyze', 'interviews', '--print', 'quotes'], { cwd });
    expect(quotes.status, quotes.stderr).toBe(0);
    const rows = rowsOf(quotes.stdout);
    const timeOf = new Map(rowsOf(run.stdout).map((c) => [`${c.transcript} ${c.turn}`, c.time]));
    expect(rows.length).toBeGreaterThan(3);
    for (const q of rows) expect(q.time, `${q.transcript} turn ${q.turn}`).toBe(timeOf.get(`${q.transcript} ${q.turn}`));
    expect(rows.filter((q) => q.transcript === 'zoom').map((q) => [q.turn, q.time])).toContainEqual(['2', '00:00:04.500']);
    expect(rows.filter((q) => q.transcript === 'word').map((q) => q.time)).toEqual(['']);
  });

  it('never codes a known interviewer and reports the files it does not read once per extension', () => {
    expect(rowsOf(run.stdout).filter((r) => /^(Interviewer|Int\.|Moderator|Q|Speaker 1)/.test(r.speaker!))).toEqual([]);
    expect(run.stderr).toContain('interviews: warning: 2 .pdf files skipped, not transcripts: interviews/notes/a.pdf, interviews/notes/b.pdf\n  export them as .docx or .txt');
    expect(run.stderr).toContain('interviews: warning: 1 .doc file skipped, not transcripts: interviews/old.doc\n  save them as .docx');
    expect(run.stderr).not.toContain('~$word');
  });

  it('warns of the Otter transcript, whose speakers no label names as the interviewer', () => {
    expect(run.stderr).toContain("interviews/otter.txt: warning: no interviewer recognised among 2 speakers: Speaker 1 (2 turns, 100% questions), Speaker 2 (2 turns, 0% questions); every turn is coded as a respondent's");
    expect(run.stderr).toContain('if Speaker 1 is the interviewer, add --interviewer "Speaker 1"');
    expect(rowsOf(run.stdout).some((r) => r.transcript === 'otter' && r.speaker === 'Speaker 1')).toBe(false); // its questions raise no code here
  });
});

describe('interviewers nobody labelled', () => {
  const files = {
    'interviews/M01.txt': 'Dan: How long have you been a member?\nAna: Five years. Burnout is our biggest problem.\nDan: Is burnout common in the network?\nAna: Everyone is exhausted.\nDan: What helped?\nAna: Meeting in person.\n',
    'interviews/M02.txt': 'DB: Why did you join?\nLuis: Because of the trainings.\nDB: Did competition for funding get in the way?\nLuis: Not for us.\n',
  };

  it('are warned of and their questions coded, until --interviewer auto picks them; the report says which', () => {
    const cwd = scratch(files);
    const warned = runCli(['analyze', 'interviews', '--print', 'codings'], { cwd });
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain('warning: no interviewer recognised: 2 times, at interviews/M01.txt, interviews/M02.txt');
    expect(rowsOf(warned.stdout).some((r) => r.speaker === 'Dan')).toBe(true);

    const auto = runCli(['analyze', 'interviews', '--interviewer', 'auto', '--out', 'out'], { cwd });
    expect(auto.status, auto.stderr).toBe(0);
    expect(auto.stderr).toContain('interviewer picked by --interviewer auto: 2 times');
    expect(auto.stderr).toContain('first: interviews/M01.txt: warning: interviewer picked by --interviewer auto: Dan (3 turns, 100% questions); not Ana (3 turns, 0% questions)');
    const codings = rowsOf(readFileSync(path.join(cwd, 'out/codings.csv'), 'utf8'));
    expect(codings.filter((r) => r.speaker === 'Dan' || r.speaker === 'DB')).toEqual([]);
    const report = readFileSync(path.join(cwd, 'out/report.md'), 'utf8');
    // The report and summary.json withhold a label that is a name (initials stay: they identify no one alone).
    expect(report).toContain('Interviewer turns (speakers “DB” and “\\[name\\]”) were not coded. In M01 (\\[name\\]) and M02 (DB) no label named the interviewer');
    const summary = JSON.parse(readFileSync(path.join(cwd, 'out/summary.json'), 'utf8')) as { interviewers: unknown; interviews: { interviewer: unknown }[] };
    expect(summary.interviewers).toEqual({ labels: ['DB', '[name]'], picked_automatically: [{ transcript: 'M01', speaker: '[name]' }, { transcript: 'M02', speaker: 'DB' }], unrecognised: [] });
    expect(summary.interviews[0]!.interviewer).toEqual({ status: 'picked', speakers: ['[name]'] });
  });

  it('are picked with interviewers: auto in collab-code.yaml, and listed as unrecognised in the report without it', () => {
    const cwd = scratch({ ...files, 'collab-code.yaml': 'transcripts: interviews\ninterviewers: auto\n' });
    const run = runCli(['analyze', '--print', 'report'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(--interviewer auto)');
    const without = runCli(['analyze', 'interviews', '--print', 'report'], { cwd: scratch(files) });
    expect(without.stdout).toContain("No interviewer turns were recognised. In M01 and M02 no interviewer was recognised among several speakers, so every turn was coded as a respondent's, questions included.");
  });
});

describe('a participants table', () => {
  const transcripts = {
    'interviews/M01.txt': 'Interviewer: What gets in the way?\nRespondent: Burnout, mostly.\n',
    'interviews/M02.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>And for you?</v>\n\n00:00:03.000 --> 00:00:06.000\n<v Respondent>Competition for funding.</v>\n',
    'interviews/D01.txt': '---\ngroup: donors\n---\nInterviewer: Any obstacle?\nRespondent: Our own reporting rules, and burnout among grantees.\n',
  };

  it('gives attributes usable with --by from a .csv, even inside the transcripts folder, with warnings naming both places', () => {
    const cwd = scratch({
      ...transcripts,
      'interviews/participants.csv': 'Participant ID,Name,group,Career stage\nM01,A. Person,members,early\nM02,B. Person,members,senior\nD01,C. Person,allies,senior\nX09,D. Person,allies,early\n',
    });
    const run = runCli(['analyze', 'interviews', '--participants', 'interviews/participants.csv', '--by', 'group,Career stage', '--print', 'frequencies'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    const burnout = rowsOf(run.stdout).find((r) => r.code_id === 'burnout')!;
    expect(burnout).toMatchObject({ interviews: '2', 'interviews[group=donors]': '1', 'interviews[group=members]': '1', 'interviews[Career stage=early]': '1', 'interviews[Career stage=senior]': '1' });
    expect(run.stderr).toContain('interviews/participants.csv:5: warning: row "X09" names no transcript (column "Participant ID")');
    expect(run.stderr).toContain('interviews/D01.txt: warning: front matter group "donors" contradicts interviews/participants.csv:4 (group "allies"); the front matter\'s value is kept');
    const report = runCli(['analyze', 'interviews', '--participants', 'interviews/participants.csv', '--print', 'report'], { cwd });
    // Names stay in the table: only the columns broken down by (group by default) are published.
    expect(report.stdout).not.toContain('A. Person');
    expect(report.stdout).toContain('### Sample by group');
    expect(report.stdout).not.toContain('Career stage');
  });

  it('reads the first sheet of an .xlsx from collab-code.yaml, dates and times as written, not serial numbers', async () => {
    const sheet = await xlsxFile(
      [
        ['file', 'group', 'interviewed', 'start'],
        ['M01', 'members', new Date(Date.UTC(2023, 4, 14)), { time: new Date(Date.UTC(1899, 11, 30, 14, 30)) }],
        ['M02', 'allies', new Date(Date.UTC(2023, 5, 2)), { time: new Date(Date.UTC(1899, 11, 30, 9, 5)) }],
        ['D01', 'donors', new Date(Date.UTC(2023, 5, 2)), { time: new Date(Date.UTC(1899, 11, 30, 16, 0)) }],
      ],
      true,
    );
    const cwd = scratch({ ...transcripts, 'people.xlsx': sheet, 'collab-code.yaml': 'transcripts: interviews\nparticipants: people.xlsx\nparticipants_id: file\nby: [interviewed, start]\n' });
    const run = runCli(['analyze', '--print', 'frequencies'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    const header = run.stdout.split('\n')[0]!;
    expect(header).toContain('interviews[interviewed=2023-05-14],interviews[interviewed=2023-06-02]');
    expect(header).toContain('interviews[start=09:05],interviews[start=14:30],interviews[start=16:00]');
  });
});

describe('tables that are inputs of another kind', () => {
  it('are not read as turn tables when they sit among the transcripts', () => {
    const cwd = scratch({
      'interviews/M01.txt': 'Interviewer: What gets in the way?\nRespondent: Burnout, mostly.\nInterviewer: And?\nRespondent: Rivalry for funding.\n',
      'interviews/alice.csv': 'transcript,code,turn\nM01,burnout,2\n',
      'interviews/bob.csv': 'transcript,code,turn\nM01,burnout,2\nM01,funding-rivalry,4\n',
    });
    const agreed = runCli(['agreement', 'interviews/alice.csv', 'interviews/bob.csv', '--transcripts', 'interviews', '--format', 'csv'], { cwd });
    expect(agreed.status, agreed.stderr).toBe(0);
    const evaluated = runCli(['evaluate', 'interviews', '--gold', 'interviews/bob.csv', '--format', 'csv'], { cwd: scratch({ 'interviews/M01.txt': 'Q: Why?\nA: Burnout.\n', 'interviews/bob.csv': 'transcript,code,turn\nM01,burnout,2\n' }) });
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const analyzed = runCli(['analyze', 'interviews', '--codings', 'interviews/alice.csv', '--codings', 'interviews/bob.csv', '--print', 'frequencies'], { cwd });
    expect(analyzed.status, analyzed.stderr).toBe(0);
  });
});

describe('bad input per format: exit 2, the file and where', () => {
  const refused = (files: Record<string, string | Uint8Array>, args: string[], ...fragments: string[]) => {
    const run = runCli(['analyze', ...args], { cwd: scratch(files) });
    expect(run.status, run.stderr).toBe(2);
    for (const fragment of fragments) expect(run.stderr).toContain(fragment);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  };

  it('a corrupt .docx', () => refused({ 'a.docx': 'PK\u0003\u0004 truncated' }, ['a.docx'], 'a.docx: error: not a readable Word document', 'save it again as "Word Document (.docx)"'));
  it('a .vtt without its header', () => refused({ 'a.vtt': '00:00:01.000 --> 00:00:02.000\nHi\n' }, ['a.vtt'], 'a.vtt:1: error: not a WebVTT file: the first line must be "WEBVTT"'));
  it('an .srt cue without a time line', () => refused({ 'a.srt': '1\n00:00:01,000 --> 00:00:02,000\nA: Hi\n\n2\nB: Hello\n' }, ['a.srt'], 'a.srt:5: error: cue 2 has no valid timing line'));
  it('a turn table without a text column', () => refused({ 't.csv': 'speaker,said_what\nQ,Hi\n' }, ['t.csv'], 't.csv:1: error: not a turn table: no text column', '--turn-columns text=NAME'));
  it('a mapped turn column that is not there', () => refused({ 't.csv': 'speaker,text\nQ,Hi\n' }, ['t.csv', '--turn-columns', 'text=Words'], 't.csv:1: error: not a turn table: no column "Words" (for text)'));
  it('a participants table naming no transcript', () => refused({ 'i/a.txt': 'R: hi', 'p.csv': 'x,y\n1,2\n' }, ['i', '--participants', 'p.csv'], 'p.csv:1: error: no column names the transcripts'));
});

describe('encodings', () => {
  it('reads a UTF-16 transcript, with or without a byte-order mark', () => {
    const utf16 = (text: string, bom: boolean) => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const text = '---\r\nlanguage: es\r\n---\r\nEntrevistador: ¿Qué obstáculos?\r\nEntrevistada: El agotamiento del equipo.\r\n';
    const run = runCli(['analyze', '.', '--print', 'codings'], { cwd: scratch({ 'a.txt': utf16(text, true), 'b.txt': utf16(text, false) }) });
    expect(run.status, run.stderr).toBe(0);
    expect(rowsOf(run.stdout).map((r) => [r.transcript, r.speaker, r.code_id, r.text])).toEqual([
      ['a', 'Entrevistada', 'burnout', 'El agotamiento del equipo.'],
      ['b', 'Entrevistada', 'burnout', 'El agotamiento del equipo.'],
    ]);
  });
});
