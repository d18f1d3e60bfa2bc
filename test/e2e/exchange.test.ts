// Exchange with QDA tools end to end: the review loop (analyze --qdpx → a tool → a .qdpx back into analyze, agreement
// and evaluate), codebook export and import, and damaged projects, through the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CODEBOOK, EXAMPLE, ROOT, runCli, scratch, scratchWithExample } from '../helpers/cli.js';
import { INTERVIEWS, nvivoProject, qdpx, qualcoderProject } from '../helpers/qdpx.js';
import { qdcSchemaErrors, qdpxSchemaErrors } from '../helpers/refi-schemas.js';

type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(readFileSync(file), { columns: true }) as Row[];

/** A folder with our two interviews and the projects given. */
const withInterviews = (files: Record<string, string | Uint8Array> = {}) => scratch({ ...Object.fromEntries(Object.entries(INTERVIEWS).map(([n, t]) => [`interviews/${n}`, t])), ...files });

describe('analyze --qdpx', () => {
  it('writes collab-code.qdpx beside the outputs: schema-valid, the same bytes every run, covered by --check', async () => {
    const cwd = scratchWithExample();
    const run = runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--qdpx', '--out', 'report'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('wrote 12 files to report/');
    const bytes = readFileSync(path.join(cwd, 'report/collab-code.qdpx'));
    expect(await qdpxSchemaErrors(bytes)).toEqual([]);
    expect(runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--qdpx', '--out', 'again'], { cwd }).status).toBe(0);
    expect(readFileSync(path.join(cwd, 'again/collab-code.qdpx')).equals(bytes)).toBe(true);

    const check = runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--qdpx', '--out', 'report', '--check'], { cwd });
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('all 12 outputs are up to date');
    writeFileSync(path.join(cwd, 'transcripts/M01.txt'), `${readFileSync(path.join(cwd, 'transcripts/M01.txt'), 'utf8')}\nRespondent: One more thing about funding.\n`);
    const stale = runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--qdpx', '--out', 'report', '--check'], { cwd });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('report/collab-code.qdpx: stale');
  });

  it('is switched on by qdpx: true in collab-code.yaml', () => {
    const cwd = scratchWithExample();
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\nout: report\nqdpx: true\n');
    expect(runCli(['analyze'], { cwd }).status).toBe(0);
    expect(readFileSync(path.join(cwd, 'report/collab-code.qdpx')).length).toBeGreaterThan(1000);
  });

  it('names the automatic coder with its version and each human coder as users', () => {
    const cwd = scratchWithExample();
    const run = runCli(['analyze', 'transcripts', '--codings', path.join(ROOT, 'fixtures/codings/coder-b.csv'), '--auto', '--qdpx', '--out', 'report'], { cwd });
    expect(run.status).toBe(0);
    const qde = new TextDecoder().decode(unzipSync(readFileSync(path.join(cwd, 'report/collab-code.qdpx')))['project.qde']);
    const users = [...qde.matchAll(/<User guid="[^"]+" name="([^"]+)"/g)].map((m) => m[1]);
    expect(users).toEqual([expect.stringMatching(/^collab-code \d+\.\d+\.\d+ \(automatic coding\)$/), 'coder-b']);
  });
});

describe('the review loop: a project exported, corrected in a QDA tool, read back', () => {
  it('gives back the same codings from an unchanged export, by position', () => {
    const cwd = scratchWithExample();
    expect(runCli(['analyze', 'transcripts', '--qdpx', '--out', 'first'], { cwd }).status).toBe(0);
    const back = runCli(['analyze', 'transcripts', '--codings', 'first/collab-code.qdpx', '--codebook', CODEBOOK, '--out', 'second'], { cwd });
    expect(back.status).toBe(0);
    const key = (r: Row) => `${r['transcript']} ${r['start']}-${r['end']} ${r['code_id']}`;
    const first = csv(path.join(cwd, 'first/codings.csv'));
    const second = csv(path.join(cwd, 'second/codings.csv'));
    expect(second.map(key).sort()).toEqual(first.map(key).sort());
    expect(new Set(second.map((r) => r['coder']))).toEqual(new Set([expect.stringMatching(/\(automatic coding\)$/)]));
    expect(back.stderr).toMatch(/first\/collab-code\.qdpx: \d+ of \d+ segments placed \(\d+ by position\), 0 unplaced/);
  });

  it('analyses a project exported by a tool from its own sources, attributes from its cases', () => {
    const cwd = scratch({ 'team.qdpx': nvivoProject() });
    const run = runCli(['analyze', 'team.qdpx', '--codings', 'team.qdpx', '--by', 'Stakeholder group', '--out', 'report'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('positions count UTF-16 units over CRLF line ends');
    // Read for its sources and for its codings, the project warns once.
    expect(run.stderr).not.toContain('2 times');
    const rows = csv(path.join(cwd, 'report/codings.csv'));
    expect(rows.map((r) => [r['transcript'], r['code_id'], r['coder'], r['text']])).toEqual([
      ['R01', 'Barriers > Exhaustion and burnout', 'ana', 'we are exhausted 😩 after the café meetings in Bogotá'],
      ['R01', 'Barriers > Rivalry for funding', 'ana', 'Everyone competes for the same grants'],
      ['R01', 'Barriers > Rivalry for funding', 'ben', 'nobody shares contacts'],
      ['R01', 'Enablers > Flexible funding', 'ben', 'Core funding that lasts more than a year 🙏'],
    ]);
    expect(readFileSync(path.join(cwd, 'report/frequencies.csv'), 'utf8')).toContain('interviews[Stakeholder group=members]');
  });

  it('measures agreement between coders of two tools’ projects', () => {
    const cwd = withInterviews({ 'nvivo.qdpx': nvivoProject(), 'qualcoder.qdpx': qualcoderProject(1) });
    const run = runCli(['agreement', 'nvivo.qdpx', 'qualcoder.qdpx', '--transcripts', 'interviews', '--format', 'json'], { cwd });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { coders: string[] };
    expect(result.coders).toEqual(['ana', 'ben', 'elif']);
  });

  it('evaluates the automatic coding against a gold project', () => {
    const cwd = withInterviews({ 'gold.qdpx': qualcoderProject(1) });
    const codebook = path.join(cwd, 'codebook.yaml');
    writeFileSync(codebook, 'title: t\nlanguage: en\ncategories: [{id: people, label: People}, {id: money, label: Money}]\ntypes: [{id: code, label: Codes}]\ncodes:\n  - {id: burnout, label: Exhaustion and burnout, type: code, category: people, definition: d, terms: {en: [exhausted, agotamiento]}}\n  - {id: rivalry, label: Rivalry for funding, type: code, category: money, definition: d, terms: {en: [compet*], es: [competencia]}}\n  - {id: funding, label: Flexible funding, type: code, category: money, definition: d, terms: {en: [core funding], es: [fondos flexibles]}}\n');
    const run = runCli(['evaluate', 'interviews', '--gold', 'gold.qdpx', '--codebook', 'codebook.yaml', '--format', 'json'], { cwd });
    expect(run.status).toBe(0);
    const evaluation = JSON.parse(run.stdout) as { micro: { recall: { value: number } } };
    expect(evaluation.micro.recall.value).toBe(1);
    expect(run.stderr).toContain('gold.qdpx: 4 of 4 segments placed (4 by position), 0 unplaced');
  });

  it('takes a .qdc or .qdpx codebook where no terms are needed, and refuses it for automatic coding', () => {
    const cwd = withInterviews({ 'team.qdpx': qualcoderProject(1) });
    const run = runCli(['analyze', 'interviews', '--codings', 'team.qdpx', '--codebook', 'team.qdpx', '--out', 'report'], { cwd });
    expect(run.status).toBe(0);
    const frequencies = csv(path.join(cwd, 'report/frequencies.csv'));
    expect(frequencies.map((r) => [r['code_id'], r['category'], r['mentions']])).toEqual([
      ['exhaustion-and-burnout', 'people', '2'],
      ['rivalry-for-funding', 'money', '1'],
      ['flexible-funding', 'money', '1'],
    ]);
    const auto = runCli(['analyze', 'interviews', '--codebook', 'team.qdpx', '--out', 'auto'], { cwd });
    expect(auto.status).toBe(2);
    expect(auto.stderr).toContain('team.qdpx has no terms, so it cannot code automatically');
  });
});

describe('damaged projects', () => {
  it('a truncated archive is bad input, exit 2, naming the file', () => {
    const whole = qualcoderProject(1);
    const cwd = withInterviews({ 'team.qdpx': whole.subarray(0, Math.floor(whole.length / 2)) });
    const run = runCli(['analyze', 'interviews', '--codings', 'team.qdpx', '--out', 'report'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^team\.qdpx: error: not a readable zip archive/m);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('malformed XML is bad input, exit 2, naming the entry, line and column', () => {
    const cwd = withInterviews({ 'team.qdpx': qdpx({ 'project.qde': '<?xml version="1.0"?>\n<Project name="x">\n  <Users>\n    <User guid="1" name="a">\n  </Users>\n</Project>\n' }) });
    const run = runCli(['analyze', 'interviews', '--codings', 'team.qdpx', '--out', 'report'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^team\.qdpx\/project\.qde:5:\d+: error: malformed XML: /m);
  });

  it('a source kept outside the archive is found with --sources', () => {
    const entries = unzipSync(qualcoderProject(1));
    const qde = new TextDecoder().decode(entries['project.qde']).replace(/plainTextPath="internal:\/\/([^"]+)"/, 'plainTextPath="relative:///elsewhere/R01.txt"');
    const moved = zipSync(Object.fromEntries([...Object.entries(entries).filter(([n]) => n !== 'project.qde'), ['project.qde', new TextEncoder().encode(qde)]]));
    const cwd = withInterviews({ 'projects/team.qdpx': moved });
    const without = runCli(['analyze', 'interviews', '--codings', 'projects/team.qdpx', '--out', 'a'], { cwd });
    expect(without.stderr).toContain('1 source kept outside the archive not found, so 2 codings in them skipped: R01.txt');
    const found = runCli(['analyze', 'interviews', '--codings', 'projects/team.qdpx', '--sources', 'interviews', '--out', 'b'], { cwd });
    expect(found.status).toBe(0);
    expect(found.stderr).toContain('found: R01.txt (interviews/R01.txt)');
    expect(csv(path.join(cwd, 'b/codings.csv'))).toHaveLength(4);
  });
});

describe('codebook export and import', () => {
  it('exports a codebook as a schema-valid .qdc, and imports it back as YAML that validates but for the terms', async () => {
    const cwd = scratch();
    const out = runCli(['codebook', 'export', CODEBOOK, '--out', 'cc.qdc'], { cwd });
    expect(out.status).toBe(0);
    expect(await qdcSchemaErrors(readFileSync(path.join(cwd, 'cc.qdc'), 'utf8'))).toEqual([]);
    const back = runCli(['codebook', 'import', 'cc.qdc', '--out', 'codebook.yaml'], { cwd });
    expect(back.status).toBe(0);
    expect(back.stderr).toContain('codebook.yaml: 42 codes (0 with terms), 5 categories, 4 types from cc.qdc');
    const yaml = readFileSync(path.join(cwd, 'codebook.yaml'), 'utf8');
    expect(yaml).toMatch(/^# Imported from cc\.qdc by collab-code /);
    expect(yaml).toContain('# Add terms, then check it with: collab-code codebook validate codebook.yaml');
    const validate = runCli(['codebook', 'validate', 'codebook.yaml'], { cwd });
    expect(validate.stderr).toContain('codebook.yaml: 42 errors');
    expect(validate.stderr.split('\n').filter((l) => l.includes('error:')).every((l) => l.includes('has no terms'))).toBe(true);
  });

  it('imports quanteda and LIWC dictionaries, writing to stdout without --out', () => {
    const cwd = scratch({ 'policy.yml': 'barriers:\n  burnout: [exhausted, burn* out]\n', 'emotions.dic': '%\n1\tposemo\n%\nhope*\t1\n' });
    const quanteda = runCli(['codebook', 'import', 'policy.yml'], { cwd });
    expect(quanteda.status).toBe(0);
    expect(quanteda.stdout).toContain('en: [ exhausted, burn* out ]');
    const liwc = runCli(['codebook', 'import', 'emotions.dic', '--language', 'es'], { cwd });
    expect(liwc.stdout).toContain('es: [ hope* ]');
    expect(runCli(['codebook', 'import', 'notes.txt'], { cwd }).stderr).toContain('cannot tell the format from the extension ".txt"');
  });
});

describe('loading', () => {
  it('a plain analyze loads neither the zip nor the XML library', () => {
    const trace = path.join(scratch(), 'imports.txt');
    const run = runCli(['analyze', EXAMPLE, '--print', 'frequencies'], { env: { TRACE_IMPORTS: trace }, nodeArgs: ['--import', path.join(ROOT, 'test/helpers/trace-imports.mjs')] });
    expect(run.status).toBe(0);
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).not.toContain('fflate');
    expect(loaded).not.toContain('fast-xml-parser');
  });
});
