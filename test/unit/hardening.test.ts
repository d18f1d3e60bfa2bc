// The parts behind the hostile-input cases (test/e2e/hostile-input.test.ts), each on its own: the regex screen and
// analysis, the time budget, the file-name matcher, complete writes to stdout, chunked CSV, leftover clean-up, quotes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/app/analyze.js';
import { InputError } from '../../src/app/errors.js';
import { BudgetExceeded, withinBudget } from '../../src/app/time-budget.js';
import { startWorker } from '../../src/app/worker-client.js';
import { refuseExponentialBacktracking } from '../../src/core/codebook/regex-analysis.js';
import { mayBacktrackExponentially } from '../../src/core/codebook/regex-safety.js';
import { quoteSpan } from '../../src/core/analysis/quote-span.js';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import { matchesName } from '../../src/io/find-files.js';
import { cleanLeftovers } from '../../src/io/leftovers.js';
import { OutputError, writeAllSync } from '../../src/io/write-stdout.js';
import { formatCsv, formatCsvChunks } from '../../src/outputs/csv.js';
import { CODEBOOK, scratch } from '../helpers/cli.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const regexTermsOf = (yaml: string): string[] =>
  JSON.stringify(parseYaml(yaml))
    .match(/"\/(?:[^"\\]|\\.)+\/"/g)!
    .map((quoted) => (JSON.parse(quoted) as string).slice(1, -1));

describe('the regex screen', () => {
  it('sends repeated groups and backreferences to the analysis', () => {
    for (const pattern of [String.raw`(\w+\s?)+$`, '(?:a|b)*c', '(ab){2,}', '(ab){3}', String.raw`(a)\1`, String.raw`(?<w>a)\k<w>`]) expect(mayBacktrackExponentially(pattern), pattern).toBe(true);
  });

  it('clears patterns whose only quantifiers are on characters, classes or optional groups', () => {
    for (const pattern of [String.raw`\bfund\w*\b`, '.{0,60}', '(?:few |old )?people', String.raw`[()]+x`, String.raw`\)+`, '(ab){1}', String.raw`\p{L}+ing`]) expect(mayBacktrackExponentially(pattern), pattern).toBe(false);
  });

  it('clears every regex term of the bundled codebook, so a run with it never loads the analyser', () => {
    const patterns = regexTermsOf(readFileSync(CODEBOOK, 'utf8'));
    expect(patterns.length).toBeGreaterThan(3);
    for (const pattern of patterns) expect(mayBacktrackExponentially(pattern), pattern).toBe(false);
  });
});

describe('the regex analysis', () => {
  it('refuses exponential backtracking and names the quantifier', () => {
    expect(refuseExponentialBacktracking(String.raw`(\w+\s?)+$`)).toMatch(/exponential time .*\(\\w\+\\s\?\)\+/);
    expect(refuseExponentialBacktracking('(a+)+b')).toContain('exponential');
  });

  it('accepts what is at worst polynomial, lookbehinds and named groups', () => {
    for (const pattern of [String.raw`(?:\w+\s){2,}$`, String.raw`(?<!un)paid`, String.raw`(?<word>\w+) again`, String.raw`.*fund.*`]) expect(refuseExponentialBacktracking(pattern), pattern).toBeUndefined();
  });
});

describe('the time budget', () => {
  it('returns what the work returns', () => {
    expect(withinBudget(() => 42, 1000)).toBe(42);
  });

  it('stops a regex that would run for hours', () => {
    expect(() => withinBudget(() => /(a|a)*b/u.test('a'.repeat(40)), 200)).toThrow(BudgetExceeded);
  });

  it('names the term and the turn when coding overruns it', async () => {
    const dir = scratch({
      'codebook.yaml': `title: T\nlanguage: en\ncategories: [{id: people, label: People}]\ntypes: [{id: barrier, label: Barriers}]\ncodes:\n  - id: slow\n    label: Slow\n    type: barrier\n    category: people\n    definition: d\n    terms:\n      en: ['/(a|a)*b/']\n`,
      'T1.txt': `Interviewer: Hello?\n\nRespondent: fine\n\nInterviewer: And?\n\nRespondent: ${'a'.repeat(40)}!\n`,
    });
    const run = analyze({ paths: ['T1.txt'], cwd: dir, codebook: 'codebook.yaml', codingBudget: { fixedMs: 300, perMbMs: 0, perRunMs: 200 } });
    const error = (await run.catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems[0]).toMatchObject({ file: 'T1.txt', line: 7 });
    expect(error.problems[0]!.message).toBe('coding stopped: the regular expression term /(a|a)*b/ took more than 0.2 s on turn 4 of "T1"');
  });
});

describe('file names against patterns with many *', () => {
  it('match as the glob library matches them', () => {
    const names = ['interview-2023-final.txt', 'interview.txt', '.hidden-2023.txt', 'a-b-c.md', 'aaaa.txt', 'x'];
    const patterns = ['*', '*.txt', 'interview*2023*final*.txt', '*-*-*.md', '?-?-?.md', 'a*a*a*.txt', '*2023*', '.hidden*'];
    for (const pattern of patterns) for (const name of names) expect(matchesName(pattern, name), `${pattern} ~ ${name}`).toBe(picomatch(pattern)(name));
  });
});

describe('writing to stdout', () => {
  type Call = { offset: number; length: number };
  const recorder = (behaviour: (call: Call, n: number) => number) => {
    const written: number[] = [];
    let n = 0;
    const write = (_fd: number, buffer: Uint8Array, offset: number, length: number) => {
      const count = behaviour({ offset, length }, n++);
      written.push(...buffer.subarray(offset, offset + count));
      return count;
    };
    return { written, write };
  };

  it('continues short writes until every byte is out', () => {
    const { written, write } = recorder(({ length }) => Math.min(3, length));
    writeAllSync(1, 'données: ünïcode, and more', write);
    expect(Buffer.from(written).toString('utf8')).toBe('données: ünïcode, and more');
  });

  it('waits out a full pipe (EAGAIN)', () => {
    const { written, write } = recorder(({ length }, n) => {
      if (n % 2 === 0) throw Object.assign(new Error('busy'), { code: 'EAGAIN' });
      return Math.min(4, length);
    });
    writeAllSync(1, 'a full pipe', write);
    expect(Buffer.from(written).toString('utf8')).toBe('a full pipe');
  });

  it('turns a full disk into an error naming the cause, and passes EPIPE on for a quiet exit', () => {
    const failing = (code: string) => () => {
      throw Object.assign(new Error(code), { code });
    };
    expect(() => writeAllSync(1, 'x', failing('ENOSPC'))).toThrow(OutputError);
    expect(() => writeAllSync(1, 'x', failing('ENOSPC'))).toThrow(/no space left on the device/);
    expect(() => writeAllSync(1, 'x', failing('EPIPE'))).toThrow(expect.objectContaining({ code: 'EPIPE' }));
  });
});

describe('CSV in chunks', () => {
  it('is the same text as CSV in one string, across chunk boundaries of rows and of size', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`T${i}`, i, i % 7 === 0 ? `a turn\nover "two" lines ${'x'.repeat(i % 3 === 0 ? 2000 : 5)}` : '=1+1', '']);
    const chunks = [...formatCsvChunks(['transcript', 'turn', 'text', 'empty'], rows, (row) => row)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(formatCsv(['transcript', 'turn', 'text', 'empty'], rows));
  });
});

describe('leftovers of killed runs', () => {
  const dead = 4194305; // above Linux's pid_max

  it('are removed, and outputs moved aside for a swap that never finished are put back', () => {
    const dir = scratch({ [`.report.collab-code-${dead}-1.old/report.md`]: 'the previous report', [`.report.collab-code-${dead}-2.tmp/report.md`]: 'half' });
    cleanLeftovers(dir, 'report');
    expect(readdirSync(dir)).toEqual(['report']);
    expect(readFileSync(path.join(dir, 'report/report.md'), 'utf8')).toBe('the previous report');
  });

  it('of a run still alive are left alone', async () => {
    const sleeper = spawn('sleep', ['30']);
    const dir = scratch({ [`.report.collab-code-${sleeper.pid}-1.tmp/report.md`]: 'being written' });
    cleanLeftovers(dir, 'report');
    expect(existsSync(path.join(dir, `.report.collab-code-${sleeper.pid}-1.tmp`))).toBe(true);
    sleeper.kill();
  });

  it('of other outputs beside them are not touched', () => {
    const dir = scratch({ [`.other.collab-code-${dead}-1.tmp/x`]: 'not ours to clean now' });
    mkdirSync(path.join(dir, 'report'));
    writeFileSync(path.join(dir, 'report/report.md'), 'current');
    cleanLeftovers(dir, 'report');
    expect(readdirSync(dir).sort()).toEqual([`.other.collab-code-${dead}-1.tmp`, 'report']);
  });
});

describe('quotes from a turn that never ends a sentence', () => {
  it('are cut around the term, at spaces, not the whole turn', () => {
    const words = Array.from({ length: 5000 }, (_, i) => (i === 3000 ? 'exhausted' : `word${i % 50}`)).join(' ');
    const transcript = transcriptFrom(`Respondent: ${words}`);
    const codebook = codebookFrom('  - id: burnout\n    label: Burnout\n    type: barrier\n    category: people\n    definition: d\n    terms:\n      en: [exhausted]\n');
    const [coding] = codeTranscript(transcript, compileCodebook(codebook), 'turn');
    const { span } = quoteSpan(coding!, transcript);
    const quote = transcript.text.slice(span.start, span.end);
    expect(quote.length).toBeLessThanOrEqual(400);
    expect(quote).toContain('exhausted');
    expect(quote).toMatch(/^word\d+ .* word\d+$/);
  });
});

describe('a worker thread that fails', () => {
  it('fails the request waiting and every later one, rather than leaving them waiting', async () => {
    const dir = scratch({ 'fails.mjs': "throw new Error('cannot start');\n" });
    const worker = startWorker<number, number>(pathToFileURL(path.join(dir, 'fails.mjs')), 'the test worker');
    await expect(worker.request(1)).rejects.toThrow(/the test worker failed: cannot start/);
    // Once it has stopped, nothing would ever answer.
    await worker.close();
    await expect(worker.request(2)).rejects.toThrow(/the test worker failed: cannot start/);
  });
});
