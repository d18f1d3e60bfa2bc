// npm run bench [-- --shapes a,b,c --codebooks default,large --runs 3 --scale 1 --format-mb 2 --suggest --analyze-only --json --keep]
// Times `analyze` on seeded corpora in three shapes (a: 10 MB in files of about 50 KB; b: 10 MB in files of about
// 2.5 KB; c: one 50 MB file) with the bundled codebook and a generated one of 300 codes and 3,000 terms; then
// the first --format-mb of shape a written as Word files and as WebVTT subtitles, and `agreement` between two
// coders' files made from the codings of shape a, `analyze --qdpx` in turns with `analyze`, and `analyze` in turns with
// `analyze --no-charts` (and, with --suggest, `analyze --suggest` in turns with `analyze`). For each run: MB/s, turns/s, peak memory and MB per CPU-second
// (steadier than wall time on a shared machine); beside them, as yardsticks, how fast the same files are read and,
// where ripgrep (rg) is installed, how fast it counts the lines holding the codebook's word terms. Figures are
// medians of --runs; on a shared machine they are noisy, so compare ratios and runs made side by side. --json
// prints the figures as JSON on stdout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parse as parseYaml } from 'yaml';
import { docxOf, interviews, largeCodebook, seeded, vocabulary, vttOf, writeCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUNDLED = path.resolve(here, '../../codebooks/collaboration-code.yaml');
const { values } = parseArgs({
  options: {
    shapes: { type: 'string', default: 'a,b,c' },
    codebooks: { type: 'string', default: 'default,large' },
    runs: { type: 'string', default: '3' },
    // Multiplies every corpus size: 0.1 for a quick look, 20 to see memory at 200 MB (shape a).
    scale: { type: 'string', default: '1' },
    // How much of shape a is also written as .docx and .vtt files, to time those readers on the same words.
    'format-mb': { type: 'string', default: '2' },
    unit: { type: 'string', default: 'turn' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    suggest: { type: 'boolean', default: false },
    // Only `analyze` per shape and codebook: for memory at 200 MB (--scale 20) without timing agreement, the QDA
    // export, charts, redaction and anonymisation on a corpus that size too.
    'analyze-only': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const MB = 1024 * 1024;
const SHAPES = {
  a: { label: '10 MB in files of ~50 KB', total: 10 * MB, file: 50 * 1024 },
  b: { label: '10 MB in files of ~2.5 KB', total: 10 * MB, file: 2.5 * 1024 },
  c: { label: 'one file of 50 MB', total: 50 * MB, file: Infinity },
};
const log = (line) => process.stderr.write(`${line}\n`);
const dir = mkdtempSync(path.join(tmpdir(), 'collab-code-bench-'));

// The codebooks, and the phrases of each that the corpus carries.
const random = seeded(20230501);
const vocab = vocabulary(random);
const bundledTerms = (() => {
  const book = parseYaml(readFileSync(BUNDLED, 'utf8'));
  const themes = { en: [], es: [] };
  for (const code of book.codes) for (const language of ['en', 'es']) for (const term of code.terms?.[language] ?? []) if (!term.startsWith('/')) themes[language].push(term.replace(/\*/g, ''));
  return themes;
})();
const large = largeCodebook(random, vocab);
writeFileSync(path.join(dir, 'large.yaml'), large.yaml);
const CODEBOOKS = {
  default: { file: BUNDLED, themes: bundledTerms, label: `bundled (${countCodes(BUNDLED)} codes)` },
  large: { file: path.join(dir, 'large.yaml'), themes: large.themes, label: 'generated (300 codes, 3,000 terms)' },
};
log(`vocabulary: ${vocab.en.length} English and ${vocab.es.length} Spanish word forms (Zipf s=1.07); work folder ${dir}`);

function countCodes(file) {
  return parseYaml(readFileSync(file, 'utf8')).codes.length;
}

/** Runs the CLI once through measure.mjs: its wall time, CPU time and peak memory. */
function once(argv, name) {
  const report = path.join(dir, `measure-${name}.json`);
  // stderr is shown only when the command fails.
  const child = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), report, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * MB });
  if (child.status !== 0) throw new Error(`${argv[0]} exited ${child.status}:\n${child.stderr.slice(0, 4000)}`);
  return JSON.parse(readFileSync(report, 'utf8'));
}

/** Runs the CLI `runs` times; the median run and the peak memory of all. */
function time(argv) {
  return summarise(Array.from({ length: Number(values.runs) }, (_, run) => once(argv, String(run))));
}

/** Several commands in turns, so a shared machine's changing load weighs on each alike. */
function timeAlternating(argvs) {
  const results = argvs.map(() => []);
  for (let run = 0; run < Number(values.runs); run++) argvs.forEach((argv, i) => results[i].push(once(argv, `${i}-${run}`)));
  return results.map(summarise);
}

function summarise(results) {
  results.sort((a, b) => a.seconds - b.seconds);
  const cpu = results.map((r) => r.cpuSeconds).sort((a, b) => a - b);
  return { seconds: results[Math.floor(results.length / 2)].seconds, cpuSeconds: cpu[Math.floor(cpu.length / 2)], peakMB: Math.max(...results.map((r) => r.maxRssMB)), runs: results.length };
}

/** How fast the files are read and decoded (warm cache: they were just written), best of three. */
function readSpeed(corpus, bytes) {
  let best = Infinity;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    for (const file of readdirSync(corpus)) decoder.decode(readFileSync(path.join(corpus, file)));
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return bytes / MB / best;
}

/** ripgrep counting lines with any of the codebook's word terms (fixed strings, case-insensitive), or undefined. */
function ripgrepSpeed(corpus, bytes, codebook) {
  const patterns = path.join(dir, 'rg-patterns.txt');
  writeFileSync(patterns, [...new Set([...codebook.themes.en, ...codebook.themes.es])].join('\n'));
  let best = Infinity;
  let lines = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const rg = spawnSync('rg', ['--count', '-i', '-F', '-f', patterns, corpus], { encoding: 'utf8', maxBuffer: 64 * MB });
    if (rg.error !== undefined) return undefined;
    best = Math.min(best, (performance.now() - started) / 1000);
    lines = rg.stdout.split('\n').reduce((n, l) => n + (Number(l.split(':').at(-1)) || 0), 0);
  }
  return { mbPerSecond: bytes / MB / best, matches: lines };
}

const figures = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, unit: values.unit, scale, shapes: [], formats: [], agreement: undefined };
let agreementCorpus;
for (const shapeName of values.shapes.split(',')) {
  const shape = SHAPES[shapeName];
  const corpus = path.join(dir, `corpus-${shapeName}`);
  const themes = { en: [...bundledTerms.en, ...large.themes.en], es: [...bundledTerms.es, ...large.themes.es] };
  const asFormats = [];
  const keepForFormats = (t, before) => void (shapeName === 'a' && before < Number(values['format-mb']) * MB && asFormats.push(t));
  const written = writeCorpus(corpus, interviews(seeded(7 + shapeName.charCodeAt(0)), vocab, themes), shape.total * scale, shape.file * scale, keepForFormats);
  const mb = written.bytes / MB;
  log(`\nshape ${shapeName}: ${shape.label}${scale === 1 ? '' : ` ×${scale}`}: ${written.files} files, ${mb.toFixed(1)} MB, ${written.turns} turns`);
  const read = readSpeed(corpus, written.bytes);
  log(`  read and decode: ${read.toFixed(0)} MB/s`);
  for (const codebookName of values.codebooks.split(',')) {
    const codebook = CODEBOOKS[codebookName];
    const out = path.join(dir, `out-${shapeName}-${codebookName}`);
    const run = time(['analyze', corpus, '--codebook', codebook.file, '--out', out, '--unit', values.unit, '--quiet']);
    const rg = ripgrepSpeed(corpus, written.bytes, codebook);
    const analyzeMBs = mb / run.seconds;
    const row = {
      shape: shapeName,
      codebook: codebookName,
      files: written.files,
      mb: +mb.toFixed(2),
      turns: written.turns,
      seconds: +run.seconds.toFixed(3),
      mbPerSecond: +analyzeMBs.toFixed(2),
      cpuSeconds: +run.cpuSeconds.toFixed(3),
      mbPerCpuSecond: +(mb / run.cpuSeconds).toFixed(2),
      turnsPerSecond: Math.round(written.turns / run.seconds),
      peakRssMB: Math.round(run.peakMB),
      readMBPerSecond: Math.round(read),
      ofReadSpeed: +(analyzeMBs / read).toFixed(4),
      ripgrepMBPerSecond: rg === undefined ? null : +rg.mbPerSecond.toFixed(1),
      ofRipgrep: rg === undefined ? null : +(analyzeMBs / rg.mbPerSecond).toFixed(3),
      runs: run.runs,
    };
    figures.shapes.push(row);
    const versus = rg === undefined ? 'ripgrep: not installed' : `ripgrep ${rg.mbPerSecond.toFixed(1)} MB/s (we are ${(row.ofRipgrep * 100).toFixed(0)}% of it)`;
    log(`  ${codebook.label}: ${run.seconds.toFixed(2)} s  ${analyzeMBs.toFixed(1)} MB/s (${row.mbPerCpuSecond} MB per CPU-second)  ${row.turnsPerSecond} turns/s  peak ${row.peakRssMB} MB  (${(row.ofReadSpeed * 100).toFixed(1)}% of read speed; ${versus})`);
    if (shapeName === 'a' && codebookName === 'default' && !values['analyze-only']) agreementCorpus = { corpus, out };
  }
  if (asFormats.length > 0 && !values['analyze-only']) figures.formats = await timeFormats(asFormats);
}

/**
 * analyze on the same interviews written as .docx and as .vtt (whose attributes come from a participants table, as a
 * user's would). MB/s counts the interviews' words as text, the same measure as the .txt runs.
 */
async function timeFormats(said) {
  const participants = [['id', 'language', 'group', 'region'], ...said.map((t) => t.front.map((line) => line.slice(line.indexOf(':') + 2)))];
  writeFileSync(path.join(dir, 'participants.csv'), stringify(participants));
  const textMb = said.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / MB;
  const rows = [];
  for (const [ext, write] of [['docx', docxOf], ['vtt', vttOf]]) {
    const folder = path.join(dir, ext);
    mkdirSync(folder);
    let fileBytes = 0;
    for (const t of said) {
      const content = await write(t);
      writeFileSync(path.join(folder, `${t.id}.${ext}`), content);
      fileBytes += Buffer.byteLength(content);
    }
    const table = ext === 'vtt' ? ['--participants', path.join(dir, 'participants.csv')] : [];
    // Without charts: this times reading the format; the charts' cost is timed on its own below.
    const run = time(['analyze', folder, '--out', path.join(dir, `out-${ext}`), '--unit', values.unit, '--quiet', '--no-charts', ...table]);
    rows.push({ format: ext, files: said.length, textMb: +textMb.toFixed(2), fileMb: +(fileBytes / MB).toFixed(2), seconds: +run.seconds.toFixed(3), mbPerSecond: +(textMb / run.seconds).toFixed(2), peakRssMB: Math.round(run.peakMB) });
    log(`  .${ext}: ${said.length} files, ${textMb.toFixed(1)} MB of text in ${(fileBytes / MB).toFixed(1)} MB of files: ${run.seconds.toFixed(2)} s  ${(textMb / run.seconds).toFixed(1)} MB/s  peak ${Math.round(run.peakMB)} MB`);
  }
  return rows;
}

if (agreementCorpus !== undefined) {
  // Two coders from the automatic codings: A gives each as text (its unit's first 25 words, line breaks flattened, as
  // exports do), B as a turn number for 85% of them; A also has 200 segments found nowhere, the costly case.
  const pick = (list) => list[Math.floor(random() * list.length)];
  const codings = parse(readFileSync(path.join(agreementCorpus.out, 'codings.csv'), 'utf8'), { columns: true });
  const ids = [...new Set(codings.map((c) => c.transcript))];
  const coderA = codings.map((c) => [c.transcript, c.code_id, c.text.split(/\s+/).slice(0, 25).join(' ')]);
  for (let i = 0; i < 200; i++) coderA.push([pick(ids), 'burnout', Array.from({ length: 25 }, () => pick(vocab.en)).join(' ')]);
  const coderB = codings.filter(() => random() < 0.85).map((c) => [c.transcript, c.code_id, c.turn]);
  writeFileSync(path.join(dir, 'a.csv'), stringify([['transcript', 'code', 'text'], ...coderA]));
  writeFileSync(path.join(dir, 'b.csv'), stringify([['transcript', 'code', 'turn'], ...coderB]));
  const segments = coderA.length + coderB.length;
  const agreed = time(['agreement', path.join(dir, 'a.csv'), path.join(dir, 'b.csv'), '--transcripts', agreementCorpus.corpus, '--unit', values.unit, '--format', 'csv', '--quiet']);
  figures.agreement = { segments, unplaceable: 200, seconds: +agreed.seconds.toFixed(3), segmentsPerSecond: Math.round(segments / agreed.seconds), peakRssMB: Math.round(agreed.peakMB) };
  log(`\nagreement on shape a: ${agreed.seconds.toFixed(2)} s  ${figures.agreement.segmentsPerSecond} segments/s (${segments} segments, 200 unplaceable)  peak ${figures.agreement.peakRssMB} MB`);
}

if (agreementCorpus !== undefined) {
  // analyze --qdpx in turns with analyze: what exporting the codings as a REFI-QDA project adds, against analyze's own
  // time; then that project read back as human codings, placed by position.
  const { corpus } = agreementCorpus;
  const [plain, exported] = timeAlternating([
    ['analyze', corpus, '--out', path.join(dir, 'out-plain'), '--unit', values.unit, '--quiet'],
    ['analyze', corpus, '--out', path.join(dir, 'out-qdpx'), '--unit', values.unit, '--quiet', '--qdpx'],
  ]);
  const project = path.join(dir, 'out-qdpx', 'collab-code.qdpx');
  const projectMB = readFileSync(project).length / MB;
  const codings = parse(readFileSync(path.join(dir, 'out-qdpx', 'codings.csv'), 'utf8'), { columns: true }).length;
  const imported = time(['analyze', corpus, '--out', path.join(dir, 'out-import'), '--unit', values.unit, '--quiet', '--codings', project, '--codebook', BUNDLED]);
  const exportSeconds = exported.seconds - plain.seconds;
  figures.qdpx = { codings, projectMB: +projectMB.toFixed(2), analyzeSeconds: +plain.seconds.toFixed(3), withQdpxSeconds: +exported.seconds.toFixed(3), exportOfAnalyze: +(exportSeconds / plain.seconds).toFixed(2), importSeconds: +imported.seconds.toFixed(3), importCodingsPerSecond: Math.round(codings / imported.seconds) };
  log(`analyze --qdpx on shape a, in turns with analyze (${plain.seconds.toFixed(2)} s): ${exported.seconds.toFixed(2)} s, export ${exportSeconds.toFixed(2)} s = ${figures.qdpx.exportOfAnalyze} × analyze's own time (${codings} codings, ${projectMB.toFixed(1)} MB .qdpx)  peak ${Math.round(exported.peakMB)} MB`);
  log(`analyze --codings collab-code.qdpx: ${imported.seconds.toFixed(2)} s  ${figures.qdpx.importCodingsPerSecond} codings/s  peak ${Math.round(imported.peakMB)} MB`);
}

if (agreementCorpus !== undefined) {
  // analyze in turns with analyze --no-charts: what the charts add (Vega loaded in a worker thread, three SVGs rendered
  // and inlined in report.html), in wall time and in CPU time, steadier on a shared machine.
  const { corpus } = agreementCorpus;
  const [charts, none] = timeAlternating([
    ['analyze', corpus, '--out', path.join(dir, 'out-charts'), '--unit', values.unit, '--quiet'],
    ['analyze', corpus, '--out', path.join(dir, 'out-no-charts'), '--unit', values.unit, '--quiet', '--no-charts'],
  ]);
  const share = (a, b) => +((a - b) / b).toFixed(2);
  figures.charts = { withSeconds: +charts.seconds.toFixed(3), withoutSeconds: +none.seconds.toFixed(3), wallAdded: share(charts.seconds, none.seconds), cpuAdded: share(charts.cpuSeconds, none.cpuSeconds), peakWithMB: Math.round(charts.peakMB), peakWithoutMB: Math.round(none.peakMB) };
  log(`analyze on shape a, in turns with analyze --no-charts (${none.seconds.toFixed(2)} s, ${none.cpuSeconds.toFixed(2)} CPU s): ${charts.seconds.toFixed(2)} s, ${charts.cpuSeconds.toFixed(2)} CPU s: charts add ${Math.round(figures.charts.wallAdded * 100)}% wall, ${Math.round(figures.charts.cpuAdded * 100)}% CPU  peak ${figures.charts.peakWithMB} MB (${figures.charts.peakWithoutMB} MB without)`);
}

if (agreementCorpus !== undefined && values.suggest) {
  // analyze --suggest in turns with analyze: what suggesting codes for the units no coding covers adds.
  const { corpus } = agreementCorpus;
  const [plain, suggested] = timeAlternating([
    ['analyze', corpus, '--out', path.join(dir, 'out-plain'), '--unit', values.unit, '--quiet'],
    ['analyze', corpus, '--out', path.join(dir, 'out-suggest'), '--unit', values.unit, '--quiet', '--suggest'],
  ]);
  const rows = parse(readFileSync(path.join(dir, 'out-suggest', 'suggestions.csv'), 'utf8'), { columns: true }).length;
  const share = (a, b) => +((a - b) / b).toFixed(2);
  figures.suggest = { suggestions: rows, withSeconds: +suggested.seconds.toFixed(3), withoutSeconds: +plain.seconds.toFixed(3), wallAdded: share(suggested.seconds, plain.seconds), cpuAdded: share(suggested.cpuSeconds, plain.cpuSeconds), peakWithMB: Math.round(suggested.peakMB) };
  log(`analyze --suggest on shape a, in turns with analyze (${plain.seconds.toFixed(2)} s, ${plain.cpuSeconds.toFixed(2)} CPU s): ${suggested.seconds.toFixed(2)} s, ${suggested.cpuSeconds.toFixed(2)} CPU s: suggestions add ${Math.round(figures.suggest.wallAdded * 100)}% wall, ${Math.round(figures.suggest.cpuAdded * 100)}% CPU (${rows} suggestions)  peak ${figures.suggest.peakWithMB} MB`);
}

if (agreementCorpus !== undefined) {
  // The leak check runs in every analyze above, on the quotes; --redact all also checks every coded stretch, and
  // anonymise every whole transcript (node test/bench/leak-check.mjs --corpus DIR gives the check's own share).
  const { corpus } = agreementCorpus;
  const redacted = time(['analyze', corpus, '--out', path.join(dir, 'out-redacted'), '--unit', values.unit, '--quiet', '--no-charts', '--redact', 'all']);
  const anonymised = time(['anonymise', corpus, '--out', path.join(dir, 'anonymised'), '--quiet']);
  figures.privacy = { redactAllSeconds: +redacted.seconds.toFixed(3), anonymiseSeconds: +anonymised.seconds.toFixed(3), peakRedactAllMB: Math.round(redacted.peakMB), peakAnonymiseMB: Math.round(anonymised.peakMB) };
  log(`analyze --redact all on shape a: ${redacted.seconds.toFixed(2)} s  peak ${figures.privacy.peakRedactAllMB} MB; anonymise: ${anonymised.seconds.toFixed(2)} s  peak ${figures.privacy.peakAnonymiseMB} MB`);
}

if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
// --keep leaves the corpora for profiling, e.g. node --cpu-prof bin/collab-code.js analyze DIR/corpus-a
if (values.keep) log(`kept: ${dir}`);
else rmSync(dir, { recursive: true, force: true });
