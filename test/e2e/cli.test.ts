// The command line surface: help, version, codebook validate, and what --help loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratch } from '../helpers/cli.js';

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  it('--version prints the package version on stdout', () => {
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists the commands, exit 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('analyze');
    expect(run.stdout).toContain('codebook');
    expect(runCli(['analyze', '--help']).stdout).toContain('--print <output>');
  });

  it.each([['--help'], ['--version'], ['analyze', '--help']])('%s loads neither the coding engine, the stemmers nor the parsers', (...args) => {
    const trace = path.join(scratch(), 'imports.txt');
    const run = runCli(args, { env: { TRACE_IMPORTS: trace }, nodeArgs: ['--import', path.join(ROOT, 'test/helpers/trace-imports.mjs')] });
    expect(run.status).toBe(0);
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).toContain('dist/cli/program.js');
    for (const heavy of ['natural', 'tokenize', 'code-unit', 'compile-codebook', 'analysis/', '/yaml/', 'csv-stringify', 'ora', 'chalk', 'fflate', 'fast-xml-parser', 'interop/', 'mammoth', 'exceljs', 'entities', 'formats/', 'vega', 'charts/']) {
      expect(loaded, heavy).not.toContain(heavy);
    }
  });

  it('a run on text transcripts loads neither the Word, spreadsheet nor subtitle readers', () => {
    const trace = path.join(scratch(), 'imports.txt');
    const cwd = scratch({ 'a.txt': 'Interviewer: Any obstacle?\nRespondent: Burnout.\n' });
    const run = runCli(['analyze', 'a.txt', '--print', 'codings'], { cwd, env: { TRACE_IMPORTS: trace }, nodeArgs: ['--import', path.join(ROOT, 'test/helpers/trace-imports.mjs')] });
    expect(run.status, run.stderr).toBe(0);
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).toContain('dist/formats/text.js');
    for (const heavy of ['mammoth', 'exceljs', 'entities', 'formats/docx', 'formats/subtitles', 'formats/turn-table']) expect(loaded, heavy).not.toContain(heavy);
  });

  it('an unknown command is a usage error, exit 2', () => {
    const run = runCli(['analyse']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'analyse'");
    expect(run.stderr).toContain('Did you mean analyze?');
  });

  it('an unknown option suggests the nearest one, exit 2', () => {
    const run = runCli(['analyze', 'fixtures/example', '--codebok', 'x.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--codebok'");
    expect(run.stderr).toContain('Did you mean --codebook?');
  });

  const commands = [[], ['analyze'], ['merge'], ['agreement'], ['evaluate'], ['init'], ['codebook'], ['codebook', 'validate'], ['codebook', 'lint'], ['codebook', 'export'], ['codebook', 'import']];
  it.each(commands)('--help of "%s" ends with two to four examples of real commands', (...command) => {
    const run = runCli([...command, '--help']);
    expect(run.status).toBe(0);
    const [, block] = run.stdout.split('\nExamples:\n');
    const lines = (block ?? '').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const line of lines) expect(line).toMatch(/^  collab-code \S.* # \S/);
    // The examples use the command they document.
    if (command.length > 0) for (const line of lines) expect(line).toContain(`collab-code ${command.join(' ')}`);
  });
});

describe('codebook validate', () => {
  it('accepts the bundled codebook, exit 0', () => {
    const run = runCli(['codebook', 'validate', 'codebooks/collaboration-code.yaml']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('valid (42 codes, 5 categories, 4 types)');
  });

  it('lists each error with file, line and column and exits 1', () => {
    const run = runCli(['codebook', 'validate', 'fixtures/cases/invalid-codebook.yaml']);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain('fixtures/cases/invalid-codebook.yaml:14:5: error: unknown key "definiton" in a code (did you mean "definition"?)');
    expect(lines).toContain('fixtures/cases/invalid-codebook.yaml:17:9: error: duplicate code id "burnout" (first defined at line 10)');
    expect(run.stderr).toContain(':25:11: error: unknown type "barier" (did you mean "barrier"?)');
    expect(run.stderr).toContain(':28:12: error: terms.en: invalid regular expression');
    expect(run.stderr).toContain(':34:7: error: code "silent" has no terms');
    expect(run.stderr).toContain('invalid-codebook.yaml: 6 errors');
  });

  it('exits 2 when the file cannot be read', () => {
    const run = runCli(['codebook', 'validate', 'missing.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.yaml: error: no such codebook file');
  });

  it('refuses a regular expression written with flags, and a negated: naming an unknown code', () => {
    const cwd = scratch({
      'cb.yaml':
        "categories: [{id: p, label: P}]\ntypes: [{id: b, label: B}]\ncodes:\n  - id: power\n    label: Power\n    type: b\n    category: p\n    definition: d\n    negated: powr\n    terms:\n      en: ['/power/i', privilege]\n",
    });
    const run = runCli(['codebook', 'validate', 'cb.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cb.yaml:11:12: error: terms.en: "/power/i": a regular expression takes no flags');
    expect(run.stderr).toContain('cb.yaml:9:14: error: negated: unknown code "powr" (did you mean "power"?)');
  });

  it('reports YAML syntax errors with their position', () => {
    const cwd = scratch({ 'cb.yaml': 'categories:\n  - id: a\n    label: "unclosed\ntypes: []\n' });
    const run = runCli(['codebook', 'validate', 'cb.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^cb\.yaml:\d+:\d+: error: YAML syntax: /);
  });
});
