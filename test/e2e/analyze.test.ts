// The CLI end to end: the built bin run as a subprocess on fixtures, checked on exit codes, stdout, stderr and files.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODEBOOK, digest, EXAMPLE, ROOT, runCli, scratch, scratchWithExample } from '../helpers/cli.js';

const GOLDEN = path.join(ROOT, 'test/golden/example');
const OUTPUT_FILES = ['codings.csv', 'frequencies.csv', 'quotes.csv', 'report.md', 'summary.json'];
const exampleArgs = ['analyze', 'fixtures/example', '--codebook', 'codebooks/collaboration-code.yaml'];


describe('golden outputs for the example corpus', () => {
  beforeAll(() => {
    // UPDATE_GOLDEN=1 npm test rewrites them after an intended change; review the diff before committing.
    if (process.env['UPDATE_GOLDEN'] !== undefined) expect(runCli([...exampleArgs, '--out', GOLDEN]).status).toBe(0);
  });

  it('are up to date (--check exits 0 and writes nothing)', () => {
    const before = digest(GOLDEN);
    const run = runCli([...exampleArgs, '--out', GOLDEN, '--check']);
    expect(run.stderr).toContain('all 5 outputs are up to date');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(digest(GOLDEN)).toBe(before);
  });

  it('are what analyze writes, byte for byte, and the inputs are left untouched', () => {
    const inputs = digest(EXAMPLE);
    const out = scratch();
    const run = runCli([...exampleArgs, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^(?:leak check: warning: [^\n]+\n {2}[^\n]+\n)?Coded 14 interviews: \d+ codings; wrote 5 files to /);
    expect(readdirSync(out).sort()).toEqual(OUTPUT_FILES);
    for (const file of OUTPUT_FILES) expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(readFileSync(path.join(GOLDEN, file), 'utf8'));
    expect(digest(EXAMPLE)).toBe(inputs);
  });

  it('hold no absolute path and no timestamp', () => {
    for (const file of OUTPUT_FILES) {
      const text = readFileSync(path.join(GOLDEN, file), 'utf8');
      expect(text, file).not.toContain(ROOT);
      expect(text, file).not.toMatch(/20\d\d-\d\d-\d\dT/);
    }
  });

  it('give every code of the codebook a frequency row, in codebook order', () => {
    const rows = parse(readFileSync(path.join(GOLDEN, 'frequencies.csv')), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(42);
    expect(Object.keys(rows[0]!)).toEqual(['code_id', 'label', 'type', 'category', 'interviews', 'interviews_pct', 'mentions', 'interviews[group=allies]', 'interviews[group=donors]', 'interviews[group=members]']);
    for (const row of rows) {
      const byGroup = Number(row['interviews[group=allies]']) + Number(row['interviews[group=donors]']) + Number(row['interviews[group=members]']);
      expect(byGroup, row['code_id']).toBe(Number(row['interviews']));
    }
  });

  it('trace every quote and coding to its place in the transcript', () => {
    const text = (id: string) => {
      const file = readdirSync(EXAMPLE).find((f) => f.startsWith(`${id}.`))!;
      return Array.from(readFileSync(path.join(EXAMPLE, file), 'utf8').replace(/\r\n?/g, '\n'));
    };
    const quotes = parse(readFileSync(path.join(GOLDEN, 'quotes.csv')), { columns: true }) as Record<string, string>[];
    expect(quotes.length).toBeGreaterThan(30);
    for (const q of quotes) expect(text(q['transcript']!).slice(Number(q['start']), Number(q['end'])).join('').replace(/\s+/g, ' ')).toBe(q['quote']);
    const codings = parse(readFileSync(path.join(GOLDEN, 'codings.csv')), { columns: true }) as Record<string, string>[];
    for (const c of codings) expect(text(c['transcript']!).slice(Number(c['start']), Number(c['end'])).join('')).toBe(c['text']);
  });
});

describe('--print', () => {
  it.each([
    ['frequencies', 'frequencies.csv'],
    ['codings', 'codings.csv'],
    ['quotes', 'quotes.csv'],
    ['report', 'report.md'],
    ['summary', 'summary.json'],
  ])('%s writes %s to stdout and nothing else, and no file', (name, file) => {
    const cwd = scratchWithExample();
    const run = runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--print', name], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(GOLDEN, file), 'utf8'));
    // Nothing on stderr but the leak check's warning (the example quotes name a few places).
    expect(run.stderr).toMatch(/^(?:leak check: warning: [^\n]+\n {2}[^\n]+\n)?$/);
    expect(existsSync(path.join(cwd, 'collab-code-report'))).toBe(false);
  });

  it('gives the same bytes whatever order the files are listed in', () => {
    const files = readdirSync(EXAMPLE).filter((f) => f !== 'README.md').map((f) => `fixtures/example/${f}`);
    const forwards = runCli(['analyze', ...files, '--print', 'codings']);
    const backwards = runCli(['analyze', ...[...files].reverse(), '--print', 'codings']);
    const globbed = runCli(['analyze', 'fixtures/example/*.txt', 'fixtures/example/*.md', '--print', 'codings']);
    expect(forwards.status).toBe(0);
    expect(backwards.stdout).toBe(forwards.stdout);
    expect(globbed.stdout).toBe(forwards.stdout);
  });

  it('refuses to be combined with --check', () => {
    const run = runCli([...exampleArgs, '--print', 'report', '--check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--print and --check cannot be used together');
  });
});

describe('--check', () => {
  it('lists stale and missing files and exits 1 without writing', () => {
    const out = scratch();
    cpSync(GOLDEN, out, { recursive: true });
    writeFileSync(path.join(out, 'report.md'), 'an old report\n');
    rmSync(path.join(out, 'quotes.csv'));
    const run = runCli([...exampleArgs, '--out', out, '--check']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('report.md: stale');
    expect(run.stderr).toContain('quotes.csv: missing');
    expect(run.stderr).toContain('2 of 5 outputs are out of date');
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toBe('an old report\n');
    expect(existsSync(path.join(out, 'quotes.csv'))).toBe(false);
  });

  it('notices a changed transcript', () => {
    const cwd = scratchWithExample();
    expect(runCli(['analyze', 'transcripts', '--out', 'report'], { cwd }).status).toBe(0);
    writeFileSync(path.join(cwd, 'transcripts/M01.txt'), `${readFileSync(path.join(cwd, 'transcripts/M01.txt'), 'utf8')}\nRespondent: And burnout, always burnout.\n`);
    const run = runCli(['analyze', 'transcripts', '--out', 'report', '--check'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('codings.csv: stale');
  });
});

describe('collab-code.yaml', () => {
  it('holds the settings so CI can run analyze with no arguments', () => {
    const cwd = scratchWithExample();
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\nout: published\nby: [group, region]\nunit: paragraph\n');
    const run = runCli(['analyze'], { cwd });
    expect(run.stderr).toContain('wrote 5 files to published/');
    expect(run.status).toBe(0);
    const header = readFileSync(path.join(cwd, 'published/frequencies.csv'), 'utf8').split('\r\n')[0]!;
    expect(header).toContain('interviews[region=Africa]');
    expect(readFileSync(path.join(cwd, 'published/report.md'), 'utf8')).toContain('unit of coding: paragraph');
    expect(runCli(['analyze', '--check'], { cwd }).status).toBe(0);
  });

  it('is overridden by flags', () => {
    const cwd = scratchWithExample();
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\nby: region\n');
    const run = runCli(['analyze', '--by', 'scope', '--print', 'frequencies'], { cwd });
    expect(run.stdout.split('\r\n')[0]).toContain('interviews[scope=international]');
    expect(run.stdout.split('\r\n')[0]).not.toContain('region=');
  });

  it('rejects unknown settings with the line', () => {
    const cwd = scratchWithExample();
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\noutput: x\n');
    const run = runCli(['analyze'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('collab-code.yaml:2:1: error: unknown setting "output"');
  });
});

describe('transcripts', () => {
  it('read folders recursively, skip READMEs and never read the output folder back', () => {
    const cwd = scratch({ 'in/a/one.txt': 'Respondent: Funding is scarce.', 'in/b/two.md': 'Respondent: Burnout.', 'in/README.md': 'Respondent: not an interview' });
    expect(runCli(['analyze', 'in', '--out', 'in/report'], { cwd }).status).toBe(0);
    const run = runCli(['analyze', 'in', '--out', 'in/report', '--print', 'summary'], { cwd });
    expect((JSON.parse(run.stdout) as { interviews: { id: string }[] }).interviews.map((i) => i.id)).toEqual(['one', 'two']);
  });

  it('warn about an empty transcript and list it in the report as empty', () => {
    const cwd = scratch({ 't/full.txt': 'Respondent: Funding is scarce.', 't/empty.txt': '---\ngroup: donors\n---\n' });
    const run = runCli(['analyze', 't', '--print', 'report'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('t/empty.txt: warning: transcript is empty');
    expect(run.stdout).toContain('Empty transcripts, listed but not counted: empty.');
    expect(run.stdout).toMatch(/\| empty \| .*\| empty \|/);
    expect(run.stdout).toContain('1 interview was coded');
  });

  it('take extra interviewer labels with --interviewer', () => {
    const cwd = scratch({ 't.txt': 'Ana: Is burnout a problem?\nLuis: Burnout is.\n' });
    const codes = (extra: string[]) => runCli(['analyze', 't.txt', '--print', 'codings', ...extra], { cwd }).stdout;
    expect(codes([])).toContain('t,1,,Ana,burnout');
    expect(codes(['--interviewer', 'Ana'])).not.toContain('Ana');
    expect(codes(['--interviewer', 'Ana'])).toContain('t,2,,Luis,burnout');
  });
});

describe('bad input: one clear message, exit 2, nothing written', () => {
  const expectRefusal = (cwd: string, args: string[], ...fragments: string[]) => {
    const run = runCli(args, { cwd });
    expect(run.status, run.stderr).toBe(2);
    for (const fragment of fragments) expect(run.stderr).toContain(fragment);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(cwd, 'collab-code-report'))).toBe(false);
  };

  it('a missing path', () => expectRefusal(scratch(), ['analyze', 'nowhere'], 'nowhere: error: no such file or folder'));

  it('no transcripts named, and no collab-code.yaml', () => expectRefusal(scratch(), ['analyze'], 'error: no transcripts given', 'collab-code.yaml'));

  it('a glob that matches nothing', () => expectRefusal(scratch({ 'a.txt': 'R: hi' }), ['analyze', 'interviews/**/*.md'], 'interviews/**/*.md: error: the pattern matches no transcript (.txt, .md, .docx, .vtt, .srt, .csv, .tsv)'));

  it('no transcripts found', () => expectRefusal(scratch({ 'dir/notes.pdf': 'x' }), ['analyze', 'dir'], 'error: no transcripts found'));

  it('a file that is not a transcript', () => expectRefusal(scratch({ 'a.pdf': 'x' }), ['analyze', 'a.pdf'], 'a.pdf: error: not a transcript', 'export them as .docx or .txt'));

  it('malformed front matter, with file and line', () =>
    expectRefusal(scratch({ 't/bad.txt': '---\ngroup: members\nregion: Africa: North\n---\nRespondent: hi\n', 't/good.txt': 'Respondent: hi' }), ['analyze', 't'], 't/bad.txt:3:9: error: malformed front matter'));

  it('invalid UTF-8, with the byte offset', () =>
    expectRefusal(scratch({ 'latin1.txt': new Uint8Array([0x52, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9]) }), ['analyze', 'latin1.txt'], 'latin1.txt: error: invalid UTF-8 at byte 6', 'save the transcript as UTF-8'));

  it('duplicate ids, naming both files', () =>
    expectRefusal(scratch({ 'a/x.txt': '---\nid: M1\n---\nR: hi', 'b/y.txt': '---\nid: M1\n---\nR: hi' }), ['analyze', 'a', 'b'], 'duplicate transcript id "M1"', 'a/x.txt', 'b/y.txt'));

  it('an unknown --by attribute', () => expectRefusal(scratchWithExample(), ['analyze', 'transcripts', '--by', 'regoin'], 'no transcript gives the attribute "regoin"', 'region'));

  it('an unwritable --out', () => {
    const cwd = scratchWithExample();
    writeFileSync(path.join(cwd, 'taken'), 'a file');
    expectRefusal(cwd, ['analyze', 'transcripts', '--out', 'taken'], 'taken: error: cannot write the outputs here: it is a file');
    expectRefusal(cwd, ['analyze', 'transcripts', '--out', 'taken/sub'], 'taken/sub: error: cannot write the outputs here');
    expect(readFileSync(path.join(cwd, 'taken'), 'utf8')).toBe('a file');
  });

  it('an invalid codebook, with the same messages as validate', () =>
    expectRefusal(scratchWithExample(), ['analyze', 'transcripts', '--codebook', path.join(ROOT, 'fixtures/cases/invalid-codebook.yaml')], ':14:5: error: unknown key "definiton"'));

  it('a missing codebook', () => expectRefusal(scratchWithExample(), ['analyze', 'transcripts', '--codebook', 'nope.yaml'], 'nope.yaml: error: no such codebook file'));

  it('an unknown option or --print value', () => {
    expectRefusal(scratchWithExample(), ['analyze', 'transcripts', '--print', 'everything'], 'everything');
    expectRefusal(scratchWithExample(), ['analyze', 'transcripts', '--frobnicate'], "unknown option '--frobnicate'");
  });
});
