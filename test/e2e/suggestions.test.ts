// analyze --suggest end to end: suggestions.csv for the units the terms missed, and accepted suggestions read back
// as human codings.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CODEBOOK, runCli, scratch, scratchWithExample } from '../helpers/cli.js';

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file), { columns: true }) as Row[];

describe('analyze --suggest', () => {
  const cwd = scratchWithExample();
  const run = runCli(['analyze', 'transcripts', '--unit', 'sentence', '--suggest', '--out', 'out'], { cwd });
  const suggestions = readCsv(path.join(cwd, 'out/suggestions.csv'));

  it('writes suggestions.csv beside the other outputs and says how many uncoded units have suggestions', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/(\d+) sentences were left uncoded; (\d+) of them have suggested codes in out\/suggestions.csv/);
    expect(Object.keys(suggestions[0]!)).toEqual(['transcript', 'turn', 'start', 'end', 'rank', 'code_id', 'code_label', 'score', 'evidence', 'accept', 'text']);
    const [, uncoded, suggested] = /(\d+) sentences were left uncoded; (\d+) of them/.exec(run.stderr)!;
    expect(new Set(suggestions.map((s) => `${s['transcript']} ${s['start']}`)).size).toBe(Number(suggested));
    expect(readFileSync(path.join(cwd, 'out/report.md'), 'utf8')).toContain(`${uncoded} respondent sentences were left uncoded; ${suggested} of them have suggested codes in suggestions.csv`);
  });

  it('suggests only for units no coding covers, at most three codes each, ranked by score', () => {
    const codings = readCsv(path.join(cwd, 'out/codings.csv'));
    const coded = new Set(codings.map((c) => `${c['transcript']} ${c['start']}`));
    const units = new Map<string, Row[]>();
    for (const s of suggestions) units.set(`${s['transcript']} ${s['start']}`, [...(units.get(`${s['transcript']} ${s['start']}`) ?? []), s]);
    for (const [unit, rows] of units) {
      expect(coded.has(unit), unit).toBe(false);
      expect(rows.map((r) => Number(r['rank']))).toEqual([1, 2, 3].slice(0, rows.length));
      const scores = rows.map((r) => Number(r['score']));
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('gives the shared words and the fields they came from', () => {
    for (const s of suggestions) expect(s['evidence']).toMatch(/^[^;]+ \((label|definition|use_when|terms)(, (definition|use_when|terms))*\)(; [^;]+ \([a-z_, ]+\))+$/);
  });

  it('are never counted as codings', () => {
    const plain = runCli(['analyze', 'transcripts', '--unit', 'sentence', '--print', 'codings'], { cwd });
    expect(readFileSync(path.join(cwd, 'out/codings.csv'), 'utf8')).toBe(plain.stdout);
  });

  it('turns on with suggest: true in collab-code.yaml, and --print suggestions', () => {
    const dir = scratchWithExample();
    writeFileSync(path.join(dir, 'collab-code.yaml'), 'transcripts: [transcripts]\nunit: sentence\nsuggest: true\nout: report\n');
    expect(runCli(['analyze'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'report/suggestions.csv'), 'utf8')).toBe(readFileSync(path.join(cwd, 'out/suggestions.csv'), 'utf8'));
    expect(runCli(['analyze', '--print', 'suggestions'], { cwd: dir }).stdout).toBe(readFileSync(path.join(cwd, 'out/suggestions.csv'), 'utf8'));
  });

  it('show the unit\'s text, with names and contact details replaced under --redact all, as codings.csv', () => {
    const sentence = suggestions[0]!['text']!.replace(/[.!?]$/, '');
    const dir = scratch({ 'T1.txt': `Respondent: ${sentence}, as Ana Pérez wrote from ana.perez@example.org.\n` });
    const print = (extra: string[]) => runCli(['analyze', 'T1.txt', '--unit', 'sentence', '--suggest', '--print', 'suggestions', ...extra], { cwd: dir });
    const plain = print([]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('ana.perez@example.org');
    const redacted = print(['--redact', 'all']);
    expect(redacted.status, redacted.stderr).toBe(0);
    expect(redacted.stdout).toContain('[email]');
    expect(redacted.stdout).not.toMatch(/ana\.perez|Pérez/);
  });

  it('are not written without --suggest', () => {
    const dir = scratchWithExample();
    expect(runCli(['analyze', 'transcripts', '--out', 'out'], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, 'out/suggestions.csv'))).toBe(false);
  });

  it('accepted with a name in the accept column, read back as that person\'s codings', () => {
    const accepted = suggestions.filter((s) => s['rank'] === '1').slice(0, 3);
    const file = path.join(cwd, 'reviewed.csv');
    const rows = suggestions.map((s) => ({ ...s, accept: accepted.includes(s) ? 'Amina' : '' }));
    writeFileSync(file, stringify(rows, { header: true }));
    const back = runCli(['analyze', 'transcripts', '--unit', 'sentence', '--codebook', CODEBOOK, '--codings', 'reviewed.csv', '--print', 'codings'], { cwd });
    expect(back.status, back.stderr).toBe(0);
    const codings = parse(back.stdout, { columns: true }) as Row[];
    expect(codings.map((c) => [c['transcript'], c['code_id'], c['coder'], c['start'], c['end']]).sort()).toEqual(
      accepted.map((s) => [s['transcript'], s['code_id'], 'Amina', s['start'], s['end']]).sort(),
    );
  });

  it('none accepted is an error that says what to do', () => {
    const file = path.join(scratch(), 'none.csv');
    writeFileSync(file, readFileSync(path.join(cwd, 'out/suggestions.csv')));
    const back = runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--codings', file], { cwd });
    expect(back.status).toBe(2);
    expect(back.stderr).toContain(`none of the ${suggestions.length} suggestions is accepted`);
    expect(back.stderr).toContain('write your name in the accept column');
  });
});
