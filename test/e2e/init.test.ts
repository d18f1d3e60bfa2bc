// `collab-code init`: a starter study in which analyze runs with no options, never overwriting unasked.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/io/read-config.js';
import { CODEBOOK, ROOT, runCli, scratch } from '../helpers/cli.js';

describe('init', () => {
  it('writes a study into an empty folder, in which analyze then runs with no options', () => {
    const dir = path.join(scratch(), 'my study');
    const init = runCli(['init', dir]);
    expect(init.status).toBe(0);
    expect(init.stdout).toBe('');
    expect(init.stderr).toContain('Next:');
    expect(init.stderr).toContain('collab-code analyze ');
    expect(readdirSync(dir).sort()).toEqual(['codebook.schema.json', 'codebook.yaml', 'collab-code.yaml', 'interviews']);

    const validate = runCli(['codebook', 'validate', 'codebook.yaml'], { cwd: dir });
    expect(validate.stderr).toContain('valid (2 codes, 2 categories, 2 types)');
    const analyze = runCli(['analyze'], { cwd: dir });
    expect(analyze.status).toBe(0);
    expect(analyze.stderr).toContain('Coded 1 interview: ');
    const frequencies = readFileSync(path.join(dir, 'collab-code-report/frequencies.csv'), 'utf8');
    // The sample transcript raises both starter codes.
    expect(frequencies).toMatch(/burnout,Exhaustion and burnout,barrier,people,1,100,/);
    expect(frequencies).toMatch(/flexible-funding,.*,enabler,resources,1,100,/);
  });

  it('refuses to overwrite anything that exists, writing nothing, unless --force', () => {
    const dir = scratch({ 'codebook.yaml': 'mine\n' });
    const refused = runCli(['init'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('codebook.yaml already exists; nothing was written');
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(dir)).toEqual(['codebook.yaml']);
    expect(readFileSync(path.join(dir, 'codebook.yaml'), 'utf8')).toBe('mine\n');

    expect(runCli(['init', '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'codebook.yaml'), 'utf8')).toContain('id: burnout');
  });

  it('--from study copies the bundled study codebook', () => {
    const dir = scratch();
    expect(runCli(['init', dir, '--from', 'study']).status).toBe(0);
    expect(readFileSync(path.join(dir, 'codebook.yaml'), 'utf8')).toBe(readFileSync(CODEBOOK, 'utf8'));
  });

  it("collab-code.yaml names every setting, commented where it is optional", () => {
    const template = readFileSync(path.join(ROOT, 'templates/init/collab-code.yaml'), 'utf8');
    for (const key of CONFIG_KEYS) expect(template, key).toMatch(new RegExp(`^(?:# )?${key}:`, 'm'));
  });

  it('leaves a non-empty folder it refused exactly as it was, even with a transcripts folder', () => {
    const dir = scratch({ 'interviews/P01.txt': 'Respondent: mine.\n' });
    writeFileSync(path.join(dir, 'notes.md'), 'x');
    expect(runCli(['init'], { cwd: dir }).status).toBe(2);
    expect(existsSync(path.join(dir, 'collab-code.yaml'))).toBe(false);
  });
});
