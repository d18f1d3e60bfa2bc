// npm run bench [-- --mb 10 --runs 3 --unit turn --keep]: generates a synthetic corpus and times a full `analyze` on it.
// Prints throughput (MB/s, turns/s) and peak memory. The corpus is random but seeded, so runs are comparable.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { mb: { type: 'string', default: '10' }, runs: { type: 'string', default: '3' }, unit: { type: 'string', default: 'turn' }, keep: { type: 'boolean', default: false } } });
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
  const lines = [`---\nid: S${String(index).padStart(5, '0')}\nlanguage: ${language}\ngroup: ${group}\nregion: ${region}\n---\n`];
  let turns = 0;
  while (lines.join('').length < 45_000) {
    lines.push(`Interviewer: ${sentence(language)}\n\n`);
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => Array.from({ length: 2 + Math.floor(random() * 5) }, () => sentence(language)).join(' '));
    lines.push(`Respondent: ${paragraphs.join('\n\n')}\n\n`);
    turns += 2;
  }
  return { text: lines.join(''), turns };
}

const dir = mkdtempSync(path.join(tmpdir(), 'collab-code-bench-'));
const corpus = path.join(dir, 'corpus');
mkdirSync(corpus);
let bytes = 0;
let turns = 0;
let files = 0;
while (bytes < targetBytes) {
  const t = transcript(files);
  writeFileSync(path.join(corpus, `S${String(files).padStart(5, '0')}.txt`), t.text);
  bytes += Buffer.byteLength(t.text);
  turns += t.turns;
  files++;
}
const mb = bytes / 1024 / 1024;
process.stderr.write(`corpus: ${files} transcripts, ${mb.toFixed(1)} MB, ${turns} turns (unit: ${values.unit})\n`);

const results = [];
for (let run = 1; run <= Number(values.runs); run++) {
  const report = path.join(dir, `measure-${run}.json`);
  const child = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), report, 'analyze', corpus, '--out', path.join(dir, 'out'), '--unit', values.unit], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`analyze exited ${child.status}`);
  results.push(JSON.parse(readFileSync(report, 'utf8')));
}
results.sort((a, b) => a.seconds - b.seconds);
const median = results[Math.floor(results.length / 2)];
const peak = Math.max(...results.map((r) => r.maxRssMB));
console.log(`analyze, median of ${results.length}: ${median.seconds.toFixed(2)} s  ${(mb / median.seconds).toFixed(1)} MB/s  ${Math.round(turns / median.seconds)} turns/s  peak memory ${peak.toFixed(0)} MB`);
// --keep leaves the corpus for profiling, e.g. node --cpu-prof bin/collab-code.js analyze DIR/corpus
if (values.keep) process.stderr.write(`kept: ${corpus}\n`);
else rmSync(dir, { recursive: true, force: true });
