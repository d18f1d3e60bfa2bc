// Human codings as a QDA tool exports them, segments running from the interviewer's words into the answer: no quote
// holds interviewer text or a speaker label, in English or Spanish.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CODEBOOK, ROOT, runCli, scratch } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'fixtures/qda-export');
const out = scratch();
const run = runCli(
  ['analyze', path.join(FIXTURE, 'transcripts'), '--interviewer', 'Dan', '--codings', path.join(FIXTURE, 'codings.csv'), '--columns', 'transcript=Document name,text=Segment,coder=Author', '--codebook', CODEBOOK, '--out', out],
  { cwd: out },
);
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
const rows = (file: string) => parse(read(file), { columns: true }) as Record<string, string>[];
const transcript = (id: string) => readFileSync(path.join(FIXTURE, 'transcripts', `${id}.txt`), 'utf8');
// Every line an interviewer says, and every speaker label, in the fixture's transcripts.
const interviewerLines = ['Q01', 'Q02'].flatMap((id) => [...transcript(id).matchAll(/^(?:Dan|Entrevistadora): (.+)$/gm)].map((m) => m[1]!));

describe('a QDA export whose segments run from the question into the answer', () => {
  it('is analysed, with a count of the segments placed, clipped and left out', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('7 of 8 segments placed (7 exactly), 1 unplaced; 4 clipped to the respondent\'s words');
    expect(run.stderr).toMatch(/codings\.csv:\d+: warning: segment coded ".*Meeting people in person.*" in Q01 not placed: found, but outside every respondent turn/);
  });

  it('quotes no interviewer words and no speaker label, in the report, quotes.csv, summary.json or report.html', () => {
    const quotes = rows('quotes.csv').map((q) => q['quote']!);
    expect(quotes.length).toBeGreaterThan(4);
    const report = read('report.md');
    const quoted = [...report.matchAll(/^> “(.*)”$/gm)].map((m) => m[1]!);
    for (const text of [...quotes, ...quoted]) {
      expect(text).not.toMatch(/\b(?:Dan|Amara|Lucía|Entrevistadora):/);
      for (const line of interviewerLines) {
        // Any run of four words of an interviewer's line is theirs ("Got it. Okay. And when", "Claro, claro. Perfecto.").
        const words = line.split(/\s+/);
        for (let i = 0; i + 4 <= words.length; i++) expect(text, line).not.toContain(words.slice(i, i + 4).join(' '));
      }
      expect(text).not.toContain('Got it');
      expect(text).not.toContain('Claro, claro');
    }
    expect(read('report.html')).not.toContain('Got it. Okay.');
    expect(read('summary.json')).not.toContain('Claro, claro');
  });

  it("credits each quote to the respondent who said it, at the respondent's turn", () => {
    for (const q of rows('quotes.csv')) expect(['Amara', 'Lucía']).toContain(q['speaker']);
    const agenda = rows('quotes.csv').find((q) => q['code_id'] === 'agenda-by-donors')!;
    expect(agenda).toMatchObject({ transcript: 'Q01', turn: '4', speaker: 'Amara' });
    expect(agenda['quote']!.startsWith('Uh, I would like to')).toBe(true);
    const standardised = rows('quotes.csv').find((q) => q['code_id'] === 'standardised-management')!;
    expect(standardised).toMatchObject({ transcript: 'Q02', turn: '4', speaker: 'Lucía' });
    expect(standardised['quote']!.startsWith('O sea, eh, lo más difícil')).toBe(true);
  });

  it('splits a segment over two answers into one coding per answer, and counts one lying wholly in an interviewer turn in the method', () => {
    const meeting = rows('codings.csv').filter((c) => c['code_id'] === 'meeting-in-person');
    expect(meeting.map((c) => [c['turn'], c['speaker']])).toEqual([
      ['6', 'Amara'],
      ['8', 'Amara'],
    ]);
    expect(meeting[1]!['text']).toBe('And honestly, we were exhausted before that meeting.');
    expect(read('report.md')).toContain(
      "Of 8 coded segments, 7 were placed, 4 of them clipped to the respondent's words. Not counted (unplaced-codings.csv lists them): 1 that lay wholly in interviewer turns or the front matter.",
    );
    expect(rows('unplaced-codings.csv').map((u) => u['text'])).toEqual(['Right. Mm-hmm. What has helped, in your experience?']);
  });

  it('quotes a long segment around its middle with "…", not from its first, filler-laden sentences', () => {
    const free = rows('quotes.csv').find((q) => q['code_id'] === 'free-labour' && q['transcript'] === 'Q01')!;
    expect(free['quote']).toMatch(/^… .* …$/);
    expect(free['quote']).toContain('nobody pays us for the hours we spend reviewing their drafts');
    expect(free['quote']).not.toContain('Uh, I would like');
  });
});
