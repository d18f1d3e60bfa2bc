// Warnings for people: each kind once with a count (--verbose: all; --quiet: none), errors always, and nothing a
// file name or cell could smuggle into the terminal.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../helpers/cli.js';

// Seven segments that are nowhere in the transcripts: seven warnings of one kind.
const codings = ['transcript,code,text', ...Array.from({ length: 7 }, (_, i) => `M01,burnout,words that were never said number ${i}`)].join('\n');

const warningLines = (stderr: string) => stderr.split('\n').filter((line) => /^(?:\S.*: )?warning: /.test(line));

describe('repeated warnings', () => {
  const dir = scratch({ 'codings.csv': codings });
  const args = ['analyze', 'fixtures/example', '--codings', path.join(dir, 'codings.csv'), '--codebook', 'codebooks/collaboration-code.yaml'];

  it('are one line per kind with the count and the first three places', () => {
    const run = runCli([...args, '--out', scratch()]);
    expect(run.status).toBe(0);
    const lines = warningLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`warning: segment not placed: 7 times, at ${dir}/codings.csv:2, ${dir}/codings.csv:3, ${dir}/codings.csv:4 (4 more; --verbose lists all)`);
    expect(run.stderr).toContain('first: ');
  });

  it('are listed one by one with --verbose, before or after the command', () => {
    for (const verbose of [[...args, '--verbose'], ['--verbose', ...args]]) {
      const run = runCli([...verbose, '--out', scratch()]);
      expect(run.status).toBe(0);
      expect(warningLines(run.stderr)).toHaveLength(7);
    }
  });

  it('are silenced by --quiet, as are information and progress, with the same exit code and outputs', () => {
    const out = scratch();
    const run = runCli([...args, '--quiet', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(readdirSync(out)).toContain('report.md');
  });

  it('are silenced by quiet: true in collab-code.yaml', () => {
    const project = scratch({ 'collab-code.yaml': 'quiet: true\n', 'codings.csv': codings, 'transcripts/M01.txt': 'Interviewer: Hello?\n\nRespondent: We are exhausted.\n' });
    const run = runCli(['analyze', 'transcripts', '--codings', 'codings.csv', '--codebook', path.resolve('codebooks/collaboration-code.yaml')], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});

describe('errors', () => {
  it('are never silenced by --quiet', () => {
    const run = runCli(['analyze', 'no-such-folder', '--quiet', '--out', scratch()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-folder: error: no such file or folder');
  });

  it('show control characters of file names as escapes, not as terminal commands', () => {
    const dir = scratch({ 'bad\u001b]0;pwned\u0007\rname.txt': Uint8Array.from([0x52, 0x3a, 0x20, 0xff]) });
    const run = runCli(['analyze', dir, '--out', scratch()]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/[\u001b\u0007\r]/);
    expect(run.stderr).toContain('bad\\u001b]0;pwned\\u0007\\u000dname.txt');
  });
});

describe('agreement and evaluate', () => {
  it('write no list of unplaced segments unless asked (--unplaced)', () => {
    const rows = codings.split('\n').slice(1).map((row, i) => `${i % 2 === 0 ? 'ana' : 'ben'},${row}`);
    const dir = scratch({ 'codings.csv': ['coder,transcript,code,text', ...rows].join('\n') });
    const run = runCli(['agreement', 'codings.csv', '--transcripts', path.resolve('fixtures/example'), '--codebook', path.resolve('codebooks/collaboration-code.yaml')], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('give --unplaced FILE to list them');
    expect(existsSync(path.join(dir, 'unplaced-codings.csv'))).toBe(false);
  });
});
