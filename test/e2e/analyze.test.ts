// The CLI end to end: the built bin run as a subprocess on fixtures, checked on exit codes, stdout, stderr and files.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODEBOOK, digest, EXAMPLE, ROOT, runCli, scratch, scratchWithExample } from '../helpers/cli.js';

const GOLDEN = path.join(ROOT, 'test/golden/example');
const TOP_LEVEL = ['codings.csv', 'cooccurrence.csv', 'frequencies.csv', 'quotes.csv', 'report.html', 'report.md', 'saturation.csv', 'summary.json'];
const OUTPUT_FILES = [...TOP_LEVEL, 'charts/by-group.svg', 'charts/codes.svg', 'charts/saturation.svg'];
const exampleArgs = ['analyze', 'fixtures/example', '--codebook', 'codebooks/collaboration-code.yaml'];


/**
 * A scratch folder laid out as the repository is (the example corpus in fixtures/example, outputs in
 * test/golden/example, a copy of the golden files unless `withGolden` is false), so report.html links to the
 * transcripts by the same relative paths as the golden one.
 */
function mirrorOfRepository(withGolden = true): { cwd: string; out: string } {
  const cwd = scratch();
  cpSync(EXAMPLE, path.join(cwd, 'fixtures/example'), { recursive: true });
  const out = path.join(cwd, 'test/golden/example');
  if (withGolden) cpSync(GOLDEN, out, { recursive: true });
  return { cwd, out };
}

describe('golden outputs for the example corpus', () => {
  beforeAll(() => {
    // UPDATE_GOLDEN=1 npm test rewrites them after an intended change; review the diff before committing.
    if (process.env['UPDATE_GOLDEN'] !== undefined) expect(runCli([...exampleArgs, '--out', GOLDEN]).status).toBe(0);
  });

  it('are up to date (--check exits 0 and writes nothing)', () => {
    const before = digest(GOLDEN);
    const run = runCli([...exampleArgs, '--out', GOLDEN, '--check']);
    expect(run.stderr).toContain(`all ${OUTPUT_FILES.length} outputs are up to date`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(digest(GOLDEN)).toBe(before);
  });

  it('are what analyze writes, byte for byte, and the inputs are left untouched', () => {
    const inputs = digest(EXAMPLE);
    const { cwd, out } = mirrorOfRepository(false);
    const run = runCli(['analyze', 'fixtures/example', '--codebook', CODEBOOK, '--out', out], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^(?:leak check: warning: [^\\n]+\\n {2}[^\\n]+\\n)?Coded 14 interviews: \\d+ codings; wrote ${OUTPUT_FILES.length} files to `));
    expect(readdirSync(out).sort()).toEqual(['charts', ...TOP_LEVEL]);
    expect(readdirSync(path.join(out, 'charts')).sort()).toEqual(['by-group.svg', 'codes.svg', 'saturation.svg']);
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
    // A quote is its span, line breaks folded, with "…" where it leaves words of the coded passage out.
    for (const q of quotes) expect(text(q['transcript']!).slice(Number(q['start']), Number(q['end'])).join('').replace(/\s+/g, ' ')).toBe(q['quote']!.replace(/^… | …$/g, ''));
    const codings = parse(readFileSync(path.join(GOLDEN, 'codings.csv')), { columns: true }) as Record<string, string>[];
    for (const c of codings) expect(text(c['transcript']!).slice(Number(c['start']), Number(c['end'])).join('')).toBe(c['text']);
  });
});

describe('--print', () => {
  it.each([
    ['frequencies', 'frequencies.csv'],
    ['codings', 'codings.csv'],
    ['quotes', 'quotes.csv'],
    ['cooccurrence', 'cooccurrence.csv'],
    ['saturation', 'saturation.csv'],
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
    // A glob names files itself, so it would take README.md too (folders skip it): name the .md interviews.
    const globbed = runCli(['analyze', 'fixtures/example/*.txt', 'fixtures/example/M*.md', '--print', 'codings']);
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
    const { cwd, out } = mirrorOfRepository();
    writeFileSync(path.join(out, 'report.md'), 'an old report\n');
    rmSync(path.join(out, 'quotes.csv'));
    const run = runCli(['analyze', 'fixtures/example', '--codebook', CODEBOOK, '--out', out, '--check'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('report.md: stale');
    expect(run.stderr).toContain('quotes.csv: missing');
    expect(run.stderr).toContain(`2 of ${OUTPUT_FILES.length} outputs are out of date`);
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
    expect(run.stderr).toContain('wrote 12 files to published/');
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

describe('charts', () => {
  it('--no-charts (or charts: false) writes no SVG, embeds none, removes an earlier run\'s, and never loads the charting library', () => {
    const cwd = scratchWithExample();
    expect(runCli(['analyze', 'transcripts'], { cwd }).status).toBe(0);
    expect(existsSync(path.join(cwd, 'collab-code-report/charts/codes.svg'))).toBe(true);
    const trace = path.join(cwd, 'imports.txt');
    const run = runCli(['analyze', 'transcripts', '--no-charts'], { cwd, env: { TRACE_IMPORTS: trace }, nodeArgs: ['--import', path.join(ROOT, 'test/helpers/trace-imports.mjs')] });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(cwd, 'collab-code-report/charts'))).toBe(false);
    expect(readFileSync(path.join(cwd, 'collab-code-report/report.md'), 'utf8')).not.toContain('](charts/');
    expect(readFileSync(path.join(cwd, 'collab-code-report/report.html'), 'utf8')).not.toContain('<svg');
    expect(readFileSync(trace, 'utf8')).not.toMatch(/node_modules\/vega/);
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\ncharts: false\n');
    expect(runCli(['analyze', '--check'], { cwd }).status).toBe(0);
  });

  it('are loaded only to write them: printing a CSV does not load the library', () => {
    const cwd = scratchWithExample();
    const trace = path.join(cwd, 'imports.txt');
    expect(runCli(['analyze', 'transcripts', '--print', 'frequencies'], { cwd, env: { TRACE_IMPORTS: trace }, nodeArgs: ['--import', path.join(ROOT, 'test/helpers/trace-imports.mjs')] }).status).toBe(0);
    expect(readFileSync(trace, 'utf8')).not.toMatch(/node_modules\/vega/);
  });

  it('--print html gives the page analyze writes, charts inline', () => {
    const cwd = scratchWithExample();
    const printed = runCli(['analyze', 'transcripts', '--print', 'html'], { cwd }).stdout;
    expect(runCli(['analyze', 'transcripts'], { cwd }).status).toBe(0);
    expect(printed).toBe(readFileSync(path.join(cwd, 'collab-code-report/report.html'), 'utf8'));
    expect(printed.match(/<svg /g)).toHaveLength(3);
    // Quotes link to their transcripts, relative to the output folder.
    expect(printed).toMatch(/<a class="source" href="\.\.\/transcripts\/M01\.txt#L\d+"/);
  });

  it('--no-quote-links (and quote_links: false) leaves out the links that name the transcript, for a report to publish', () => {
    const cwd = scratchWithExample();
    const printed = runCli(['analyze', 'transcripts', '--print', 'html', '--no-quote-links'], { cwd }).stdout;
    expect(printed).toContain('<blockquote>');
    expect(printed).not.toContain('class="source"');
    expect(printed).not.toMatch(/M01\.txt/);
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'quote_links: false\n');
    expect(runCli(['analyze', 'transcripts', '--print', 'html'], { cwd }).stdout).toBe(printed);
  });
});

describe('evidence strength', () => {
  const scores = (csv: string) => (parse(csv, { columns: true }) as Record<string, string>[]).map((c) => [Number(c['score']), c['strength']] as const);

  it('labels each automatic coding strong, moderate or weak from its score', () => {
    const all = scores(readFileSync(path.join(GOLDEN, 'codings.csv'), 'utf8'));
    for (const [score, strength] of all) expect(strength).toBe(score >= 3 ? 'strong' : score === 2 ? 'moderate' : 'weak');
    expect(new Set(all.map(([, s]) => s))).toEqual(new Set(['strong', 'moderate', 'weak']));
  });

  it('--min-score (or min_score:) leaves weaker codings out of codings, counts and quotes, and the report says so', () => {
    const cwd = scratchWithExample();
    const run = runCli(['analyze', 'transcripts', '--min-score', '2', '--print', 'codings'], { cwd });
    expect(run.status).toBe(0);
    const kept = scores(run.stdout);
    expect(kept.length).toBeGreaterThan(40);
    expect(kept.every(([score]) => score >= 2)).toBe(true);
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\nmin_score: 2\n');
    const report = runCli(['analyze', '--print', 'report'], { cwd }).stdout;
    expect(report).toMatch(/Codings scoring below 2 \(\d+ codings\) were left out of every count, quote and table \(--min-score 2\)\./);
    expect(report).not.toMatch(/Evidence: [^.]*weak/);
  });

  it('refuses a --min-score or min_score that is not a whole number of 1 or more', () => {
    const cwd = scratchWithExample();
    const bad = runCli(['analyze', 'transcripts', '--min-score', 'two'], { cwd });
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('--min-score must be a whole number of 1 or more, not "two"')]);
    writeFileSync(path.join(cwd, 'collab-code.yaml'), 'transcripts: [transcripts]\nmin_score: 0\n');
    const config = runCli(['analyze'], { cwd });
    expect([config.status, config.stderr]).toEqual([2, expect.stringContaining('collab-code.yaml:2:12: error: "min_score" must be a whole number of 1 or more')]);
  });
});

describe('--gold', () => {
  it('scores the automatic coding in the limitations, with the figures evaluate gives', () => {
    const args = ['fixtures/example', '--gold', 'fixtures/codings/gold.csv'];
    const report = runCli(['analyze', ...args, '--print', 'report']);
    expect(report.status).toBe(0);
    const evaluation = JSON.parse(runCli(['evaluate', ...args, '--format', 'json']).stdout) as { micro: Record<'precision' | 'recall' | 'f1', { value: number }> };
    const { precision, recall, f1 } = evaluation.micro;
    expect(report.stdout).toContain(
      `on the 14 interviews it coded and on turns, the automatic coding had precision ${precision.value.toFixed(3)}, recall ${recall.value.toFixed(3)} and F1 ${f1.value.toFixed(3)}`,
    );
  });

  it('is refused with human codings alone, which have no automatic coding to score', () => {
    const run = runCli(['analyze', 'fixtures/example', '--codings', 'fixtures/codings/gold.csv', '--gold', 'fixtures/codings/gold.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--gold scores the automatic coding');
  });
});
