// Coding in worker threads (analyze --threads N) gives the bytes coding in the main thread gives; a term that
// backtracks without end is named as it is without threads; a signal stops a threaded run at once.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, digest, EXAMPLE, longTranscript, ROOT, runCli, scratch } from '../helpers/cli.js';

const codebookWith = (terms: string) =>
  `title: T\nlanguage: en\ncategories: [{id: people, label: People}]\ntypes: [{id: barrier, label: Barriers}]\ncodes:\n  - id: slow\n    label: Slow\n    type: barrier\n    category: people\n    definition: d\n    terms:\n      en: [${terms}]\n`;

describe.each([
  ['the example corpus and default settings', EXAMPLE, []],
  ['the example corpus by sentence, with breakdowns, suggestions and a QDA project', EXAMPLE, ['--unit', 'sentence', '--by', 'group', '--suggest', '--qdpx']],
  ['the privacy corpus, redacted throughout', path.join(ROOT, 'fixtures/privacy'), ['--redact', 'all', '--unit', 'paragraph']],
])('--threads 3 against --threads 1: %s', (_, corpus, settings) => {
  it('writes the same bytes, every file', () => {
    const cwd = scratch();
    cpSync(corpus, path.join(cwd, 'transcripts'), { recursive: true });
    for (const [threads, out] of [['1', 'one'], ['3', 'three']] as const) {
      const run = runCli(['analyze', 'transcripts', ...settings, '--threads', threads, '--out', out, '-q'], { cwd });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    const one = digest(path.join(cwd, 'one'));
    expect(one.split('\n').length).toBeGreaterThanOrEqual(8);
    expect(digest(path.join(cwd, 'three'))).toBe(one);
  });
});

describe('a transcript longer than a request to a worker (1 MB), coded in threads', () => {
  it('is coded a stretch of turns at a time, with the same bytes as in the main thread, by turn and by sentence', () => {
    // With a character outside the Basic Multilingual Plane, so that code point offsets differ from UTF-16 ones.
    const text = longTranscript(2.6 * 1024 * 1024, 'id: LONG\ngroup: allies\n', (body, n) => body.replace('Respondent:', `Respondent: (part ${n} 😀)`));
    const cwd = scratch({ 'transcripts/LONG.txt': text, 'transcripts/short.txt': readFileSync(path.join(EXAMPLE, 'A01.txt'), 'utf8').replace('id: A01', 'id: SHORT') });
    for (const unit of ['turn', 'sentence']) {
      for (const [threads, out] of [['1', `one-${unit}`], ['2', `two-${unit}`]] as const) {
        const run = runCli(['analyze', 'transcripts', '--unit', unit, '--threads', threads, '--no-charts', '--out', out, '-q'], { cwd });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
      }
      const one = digest(path.join(cwd, `one-${unit}`));
      expect(readFileSync(path.join(cwd, `one-${unit}`, 'codings.csv'), 'utf8').split('\n').length).toBeGreaterThan(1000);
      expect(digest(path.join(cwd, `two-${unit}`))).toBe(one);
    }
  }, 120_000);
});

describe('a regular expression term that backtracks without end, coded in threads', () => {
  it('stops coding and names the term and the turn, as in the main thread', () => {
    const cwd = scratch({
      'codebook.yaml': codebookWith(`'/(a|a)*b/'`),
      't/T1.txt': 'Respondent: fine\n\nRespondent: all good\n',
      't/T2.txt': `Interviewer: Hello?\n\nRespondent: fine\n\nInterviewer: And?\n\nRespondent: ${'a'.repeat(40)}!\n`,
    });
    const runs = ['1', '2'].map((threads) => runCli(['analyze', 't', '--codebook', 'codebook.yaml', '--threads', threads, '--out', 'out'], { cwd }));
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('coding stopped: the regular expression term /(a|a)*b/ took more than');
      expect(run.stderr).toContain('on turn 4 of "T2"');
    }
    expect(existsSync(path.join(cwd, 'out'))).toBe(false);
  }, 60_000);

  it('SIGTERM stops it at once, exit 143, nothing written', async () => {
    const cwd = scratch({ 'codebook.yaml': codebookWith(`'/(a|a)*b/'`), 't/T1.txt': `Respondent: ${'a'.repeat(40)}!\n`, 't/T2.txt': 'Respondent: fine\n' });
    const child = spawn(process.execPath, [BIN, 'analyze', 't', '--codebook', 'codebook.yaml', '--threads', '2', '--out', 'out'], { cwd, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    setTimeout(() => child.kill('SIGTERM'), 1500);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // Not 2: the signal acted before the time budget stopped coding (10 s).
    expect(code).toBe(143);
    expect(stderr).toContain('collab-code: stopped by SIGTERM');
    expect(existsSync(path.join(cwd, 'out'))).toBe(false);
  });
});

describe('--threads refuses, exit 2', () => {
  it.each(['0', 'two', '-1'])('%s', (threads) => {
    const run = runCli(['analyze', 'fixtures/example', '--threads', threads, '--out', 'never'], { cwd: ROOT });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--threads must be a whole number of 1 or more, not "${threads}"`);
  });
});

describe('how many threads code', () => {
  it('a corpus held whole: one per core (up to 4) from 64 MB of text, else the main thread; or as asked', async () => {
    const { codingThreads, THREADS_FROM_CHARS } = await import('../../src/app/coding-threads.js');
    const corpus = (chars: number, count = 8) => Array.from({ length: count }, () => ({ text: { length: chars / count } })) as never;
    expect(codingThreads(corpus(THREADS_FROM_CHARS - 8), undefined)).toBe(1);
    expect(codingThreads(corpus(THREADS_FROM_CHARS), undefined)).toBe(Math.min(availableParallelism(), 4));
    expect(codingThreads(corpus(8), 3)).toBe(3);
    expect(codingThreads(corpus(8, 2), 3)).toBe(2);
  });

  it('a corpus streamed through: one worker per core but one (at least one, up to 4) from 64 MB, else none; or as asked, 1 meaning none', async () => {
    const { streamingWorkers, THREADS_FROM_CHARS } = await import('../../src/app/coding-threads.js');
    expect(streamingWorkers(THREADS_FROM_CHARS - 1, undefined)).toBe(0);
    expect(streamingWorkers(THREADS_FROM_CHARS, undefined)).toBe(Math.max(1, Math.min(availableParallelism(), 5) - 1));
    expect([1, 2, 3].map((asked) => streamingWorkers(THREADS_FROM_CHARS, asked))).toEqual([0, 2, 3]);
  });
});
