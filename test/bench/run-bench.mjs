// npm run bench [-- --mb 10 --format-mb 2 --runs 3 --unit turn --keep]: generates a synthetic corpus and times a full
// `analyze` on it, then on the first --format-mb of it written as Word files and as WebVTT subtitles, then
// `agreement` between two coders' files made from its codings, then `analyze --qdpx` (exporting the codings as a
// REFI-QDA project) and that project read back. Prints throughput and peak memory. The corpus is random but seeded,
// so runs are comparable.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { mb: { type: 'string', default: '10' }, 'format-mb': { type: 'string', default: '2' }, runs: { type: 'string', default: '3' }, unit: { type: 'string', default: 'turn' }, keep: { type: 'boolean', default: false } } });
const targetBytes = Number(values.mb) * 1024 * 1024;

// A small seeded PRNG (mulberry32): the same corpus on every machine.
let seed = 20230501;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const filler = {
  en: 'we they people organisation network partners work project time year country region local national international media journalists community radio information freedom expression access law government campaign meeting report support members donors allies think really very often always sometimes because when where which about with from into over under between after before during through against without more less many much some other same different new old good hard important difficult possible necessary started continued changed learned asked said felt knew saw made took gave found brought kept'.split(' '),
  es: 'nosotros ellos personas organización red socios trabajo proyecto tiempo año país región local nacional internacional medios periodistas comunidad radio información libertad expresión acceso ley gobierno campaña reunión informe apoyo miembros donantes aliados creo realmente muy siempre a veces porque cuando donde sobre con desde entre después antes durante contra sin más menos muchos otros mismo diferente nuevo bueno difícil importante posible necesario empezamos cambiamos aprendimos dijeron sentimos vimos hicimos dimos encontramos'.split(' '),
};
// Phrases a coder would recognise, so the corpus gets codings at a realistic rate.
const themes = {
  en: ['the same people', 'burned out', 'lived experience', 'were arrested', 'set the agenda', 'tokenism', 'project funding', 'good intentions', 'unpaid work', 'hard to measure', 'took credit', 'self-reflection', 'long-term relationships', 'shared vision', 'power dynamics', 'in person', 'flexible funding', 'local voices', 'the General Meeting', 'other regions', 'another workshop', 'coordination'],
  es: ['los de siempre', 'agotamiento', 'experiencia vivida', 'amenazas', 'fijan la agenda', 'para la foto', 'fondos por proyecto', 'buenas intenciones', 'trabajo gratuito', 'difícil de medir', 'se adueñaron', 'autocrítica', 'largo plazo', 'visión compartida', 'relaciones de poder', 'en persona', 'fondos flexibles', 'voces locales', 'la asamblea', 'otras regiones', 'otro taller', 'coordinación'],
};

function sentence(language) {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(filler[language]));
  if (random() < 0.25) words.splice(Math.floor(random() * words.length), 0, pick(themes[language]));
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function transcript(index) {
  const language = random() < 0.2 ? 'es' : 'en';
  const group = pick(['members', 'members', 'allies', 'donors']);
  const region = pick(['Africa', 'Americas', 'Asia Pacific', 'Europe and Central Asia', 'Middle East and North Africa']);
  const front = [`id: S${String(index).padStart(5, '0')}`, `language: ${language}`, `group: ${group}`, `region: ${region}`];
  const lines = [`---\n${front.join('\n')}\n---\n`];
  const said = [];
  let turns = 0;
  while (lines.join('').length < 45_000) {
    const question = sentence(language);
    lines.push(`Interviewer: ${question}\n\n`);
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => Array.from({ length: 2 + Math.floor(random() * 5) }, () => sentence(language)).join(' '));
    lines.push(`Respondent: ${paragraphs.join('\n\n')}\n\n`);
    said.push({ speaker: 'Interviewer', paragraphs: [question] }, { speaker: 'Respondent', paragraphs });
    turns += 2;
  }
  return { text: lines.join(''), turns, front, said };
}

/** The transcript as Word writes it: front matter and turns as paragraphs, each label a bold run. */
async function docxOf(t) {
  const { Document, Packer, Paragraph, TextRun } = await import('docx');
  const paragraph = (runs) => new Paragraph({ children: runs });
  const children = [paragraph([new TextRun('---')]), ...t.front.map((l) => paragraph([new TextRun(l)])), paragraph([new TextRun('---')])];
  for (const turn of t.said) {
    turn.paragraphs.forEach((p, i) => children.push(paragraph(i === 0 ? [new TextRun({ text: `${turn.speaker}:`, bold: true }), new TextRun(` ${p}`)] : [new TextRun(p)])));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The transcript as a meeting tool's captions: cues of about 12 words, "Speaker: words", two seconds apart. */
function vttOf(t) {
  const cues = ['WEBVTT', ''];
  let second = 0;
  const clock = (s) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  for (const turn of t.said) {
    const words = turn.paragraphs.join(' ').split(' ');
    for (let i = 0; i < words.length; i += 12) {
      cues.push(`${clock(second)} --> ${clock(second + 2)}`, `${turn.speaker}: ${words.slice(i, i + 12).join(' ')}`, '');
      second += 2;
    }
  }
  return cues.join('\n');
}

const dir = mkdtempSync(path.join(tmpdir(), 'collab-code-bench-'));
const corpus = path.join(dir, 'corpus');
mkdirSync(corpus);
let bytes = 0;
let turns = 0;
let files = 0;
// The first --format-mb of the corpus also as .docx and .vtt files, to time those readers on the same words.
const formats = { docx: { dir: path.join(dir, 'docx'), bytes: 0, fileBytes: 0, files: 0 }, vtt: { dir: path.join(dir, 'vtt'), bytes: 0, fileBytes: 0, files: 0 } };
// Subtitles have no front matter: their attributes come from a participants table, as a user's would.
const participants = [['id', 'language', 'group', 'region']];
for (const f of Object.values(formats)) mkdirSync(f.dir);
while (bytes < targetBytes) {
  const t = transcript(files);
  const name = `S${String(files).padStart(5, '0')}`;
  writeFileSync(path.join(corpus, `${name}.txt`), t.text);
  if (bytes < Number(values['format-mb']) * 1024 * 1024) {
    const written = { docx: await docxOf(t), vtt: vttOf(t) };
    for (const [ext, content] of Object.entries(written)) {
      writeFileSync(path.join(formats[ext].dir, `${name}.${ext}`), content);
      formats[ext].bytes += Buffer.byteLength(t.text);
      formats[ext].fileBytes += Buffer.byteLength(content);
      formats[ext].files++;
    }
    participants.push(t.front.map((line) => line.slice(line.indexOf(':') + 2)));
  }
  bytes += Buffer.byteLength(t.text);
  turns += t.turns;
  files++;
}
writeFileSync(path.join(dir, 'participants.csv'), stringify(participants));
const mb = bytes / 1024 / 1024;
process.stderr.write(`corpus: ${files} transcripts, ${mb.toFixed(1)} MB, ${turns} turns (unit: ${values.unit})\n`);

/** Runs the CLI once through measure.mjs: its wall time and peak memory. */
function once(argv, label) {
  const report = path.join(dir, `measure-${label}.json`);
  // stderr (progress, one warning per unplaced segment) is shown only when the command fails.
  const child = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), report, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${argv[0]} exited ${child.status}:\n${child.stderr}`);
  return JSON.parse(readFileSync(report, 'utf8'));
}

const summarise = (results) => {
  results.sort((a, b) => a.seconds - b.seconds);
  return { median: results[Math.floor(results.length / 2)], peak: Math.max(...results.map((r) => r.maxRssMB)), runs: results.length };
};

/** Runs the CLI `runs` times; the median run and the peak memory of all. */
const time = (argv) => summarise(Array.from({ length: Number(values.runs) }, (_, run) => once(argv, run)));

/** Runs several commands in turn, `runs` rounds, so a shared machine's changing load weighs on each alike. */
function timeAlternating(argvs) {
  const results = argvs.map(() => []);
  for (let run = 0; run < Number(values.runs); run++) argvs.forEach((argv, i) => results[i].push(once(argv, `${i}-${run}`)));
  return results.map(summarise);
}

const analyzed = time(['analyze', corpus, '--out', path.join(dir, 'out'), '--unit', values.unit]);
console.log(`analyze, median of ${analyzed.runs}: ${analyzed.median.seconds.toFixed(2)} s  ${(mb / analyzed.median.seconds).toFixed(1)} MB/s  ${Math.round(turns / analyzed.median.seconds)} turns/s  peak memory ${analyzed.peak.toFixed(0)} MB`);

// MB/s counts the transcripts' words as text (the same measure as the .txt run), the files' own size beside it.
for (const [ext, f] of Object.entries(formats)) {
  const table = ext === 'vtt' ? ['--participants', path.join(dir, 'participants.csv')] : [];
  const timed = time(['analyze', f.dir, '--out', path.join(dir, `out-${ext}`), '--unit', values.unit, ...table]);
  const textMb = f.bytes / 1024 / 1024;
  console.log(`analyze .${ext} (${f.files} files, ${textMb.toFixed(1)} MB of text in ${(f.fileBytes / 1024 / 1024).toFixed(1)} MB of files), median of ${timed.runs}: ${timed.median.seconds.toFixed(2)} s  ${(textMb / timed.median.seconds).toFixed(1)} MB/s  peak memory ${timed.peak.toFixed(0)} MB`);
}

// The leak check runs in every analyze above, on the quotes; --redact all also checks every coded stretch, and
// anonymise every whole transcript (node test/bench/leak-check.mjs --corpus DIR gives the check's own share).
const redactedAll = time(['analyze', corpus, '--out', path.join(dir, 'out-redacted'), '--unit', values.unit, '--redact', 'all']);
console.log(`analyze --redact all, median of ${redactedAll.runs}: ${redactedAll.median.seconds.toFixed(2)} s  peak memory ${redactedAll.peak.toFixed(0)} MB`);
const anonymised = time(['anonymise', corpus, '--out', path.join(dir, 'anonymised')]);
console.log(`anonymise, median of ${anonymised.runs}: ${anonymised.median.seconds.toFixed(2)} s  ${(mb / anonymised.median.seconds).toFixed(2)} MB/s  peak memory ${anonymised.peak.toFixed(0)} MB`);

// Two coders from the automatic codings: A gives each as text (its unit's first 25 words, line breaks flattened, as
// exports do), B as a turn number for 85% of them; A also has 200 segments found nowhere, the costly case.
const codings = parse(readFileSync(path.join(dir, 'out', 'codings.csv'), 'utf8'), { columns: true });
const ids = [...new Set(codings.map((c) => c.transcript))];
const coderA = codings.map((c) => [c.transcript, c.code_id, c.text.split(/\s+/).slice(0, 25).join(' ')]);
for (let i = 0; i < 200; i++) coderA.push([pick(ids), 'burnout', Array.from({ length: 25 }, () => pick(filler.en)).join(' ')]);
const coderB = codings.filter(() => random() < 0.85).map((c) => [c.transcript, c.code_id, c.turn]);
writeFileSync(path.join(dir, 'a.csv'), stringify([['transcript', 'code', 'text'], ...coderA]));
writeFileSync(path.join(dir, 'b.csv'), stringify([['transcript', 'code', 'turn'], ...coderB]));
const segments = coderA.length + coderB.length;
const agreed = time(['agreement', path.join(dir, 'a.csv'), path.join(dir, 'b.csv'), '--transcripts', corpus, '--unit', values.unit, '--format', 'csv', '--unplaced', path.join(dir, 'unplaced.csv')]);
console.log(`agreement, median of ${agreed.runs}: ${agreed.median.seconds.toFixed(2)} s  ${Math.round(segments / agreed.median.seconds)} segments/s (${segments} segments, 200 unplaceable)  peak memory ${agreed.peak.toFixed(0)} MB`);

// The same analyze with --qdpx: what exporting the codings as a REFI-QDA project adds, against analyze's own time
// (the issue asks for no more than twice). Then that project read back as human codings, placed by position.
const [plain, exported] = timeAlternating([
  ['analyze', corpus, '--out', path.join(dir, 'out-plain'), '--unit', values.unit],
  ['analyze', corpus, '--out', path.join(dir, 'out-qdpx'), '--unit', values.unit, '--qdpx'],
]);
const exportSeconds = exported.median.seconds - plain.median.seconds;
const project = path.join(dir, 'out-qdpx', 'collab-code.qdpx');
const projectMB = readFileSync(project).length / 1024 / 1024;
console.log(`analyze --qdpx, median of ${exported.runs} (alternating with analyze: ${plain.median.seconds.toFixed(2)} s): ${exported.median.seconds.toFixed(2)} s  export ${exportSeconds.toFixed(2)} s = ${(exportSeconds / plain.median.seconds).toFixed(2)} × analyze's own time (${codings.length} codings, ${projectMB.toFixed(1)} MB .qdpx)  peak memory ${exported.peak.toFixed(0)} MB`);
const imported = time(['analyze', corpus, '--out', path.join(dir, 'out-import'), '--unit', values.unit, '--codings', project, '--codebook', path.join(here, '../../codebooks/collaboration-code.yaml')]);
console.log(`analyze --codings collab-code.qdpx, median of ${imported.runs}: ${imported.median.seconds.toFixed(2)} s  ${Math.round(codings.length / imported.median.seconds)} codings/s  peak memory ${imported.peak.toFixed(0)} MB`);
// --keep leaves the corpus for profiling, e.g. node --cpu-prof bin/collab-code.js analyze DIR/corpus
if (values.keep) process.stderr.write(`kept: ${corpus}\n`);
else rmSync(dir, { recursive: true, force: true });
