// node test/bench/leak-check.mjs [--corpus DIR] (after npm run build): the leak check's precision and recall on our
// privacy fixtures, each finding of every respondent turn compared with the identifiers the fixtures list, with and
// without the NLP library; and, given a corpus (npm run bench -- --keep prints one), the cost of the check in analyze.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (module) => import(path.join(root, 'dist', module));
const { values } = parseArgs({ options: { corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } } });

const { parseTranscript } = await dist('core/transcripts/parse-transcript.js');
const { interviewerMatcher, DEFAULT_INTERVIEWER_LABELS } = await dist('core/transcripts/speakers.js');
const { KnownNameMatcher, namesOfTranscripts, namesFromList } = await dist('core/privacy/known-names.js');
const { createLeakCheck } = await dist('core/privacy/leak-check.js');
const { compromiseNameFinder } = await dist('core/privacy/nlp-names.js');
const { default: nlp } = await import('compromise');

const isInterviewer = interviewerMatcher(DEFAULT_INTERVIEWER_LABELS);
const SETS = [
  ['privacy (written with the check: in-sample)', 'fixtures/privacy', 'fixtures/privacy-key/identifiers.csv', 'fixtures/privacy-key/private-names.txt'],
  ['privacy-holdout (written after it)', 'fixtures/privacy-holdout', 'fixtures/privacy-holdout/identifiers.csv'],
  ['example corpus (no identifiers listed: every finding is shown)', 'fixtures/example'],
];

for (const [name, dir, goldFile, namesFile] of SETS) {
  const files = readdirSync(path.join(root, dir)).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md');
  const transcripts = files.map((f) => parseTranscript(readFileSync(path.join(root, dir, f), 'utf8').replace(/\r\n?/g, '\n'), f, { defaultId: f.replace(/\..*$/, ''), defaultLanguage: 'en', isInterviewer }).value);
  const names = [...namesOfTranscripts(transcripts), ...(namesFile === undefined ? [] : namesFromList(readFileSync(path.join(root, namesFile), 'utf8'), namesFile))];
  const gold = goldFile === undefined ? [] : parse(readFileSync(path.join(root, goldFile)), { columns: true });
  for (const withNlp of [true, false]) {
    const check = createLeakCheck({ known: new KnownNameMatcher(names), nlp: withNlp ? { en: compromiseNameFinder(nlp) } : {} });
    let findings = 0;
    let real = 0;
    let occurrences = 0;
    let covered = 0;
    const notes = [];
    for (const t of transcripts) {
      for (const turn of t.turns.filter((x) => x.role === 'respondent')) {
        const text = t.text.slice(turn.start, turn.end);
        const found = check(text, t.language);
        const truth = [];
        for (const g of gold.filter((g) => g.transcript === t.id)) for (let i = text.indexOf(g.text); i >= 0; i = text.indexOf(g.text, i + 1)) truth.push({ start: i, end: i + g.text.length, g });
        for (const f of found) {
          findings++;
          if (truth.some((s) => s.start < f.end && f.start < s.end)) real++;
          else notes.push(`  not listed: ${t.id} ${f.kind} (${f.source}) "${f.text}"`);
        }
        for (const s of truth) {
          occurrences++;
          if (found.some((f) => f.start <= s.start && f.end >= s.end)) covered++;
          else notes.push(`  missed: ${t.id} ${s.g.kind} "${s.g.text}"`);
        }
      }
    }
    const pct = (a, b) => (b === 0 ? '-' : `${((a * 100) / b).toFixed(1)}%`);
    console.log(`${name}, ${withNlp ? 'with compromise' : 'patterns, known names and heuristic only'}: ${findings} findings, ${real} listed (precision ${goldFile === undefined ? '-' : pct(real, findings)}); ${covered} of ${occurrences} listed occurrences covered (recall ${pct(covered, occurrences)})`);
    if (values.verbose || goldFile === undefined) for (const n of notes) console.log(n);
  }
}

if (values.corpus !== undefined) {
  // Each finder's speed on the respondent turns of the first 40 transcripts.
  const { findContactDetails } = await dist('core/privacy/contact-patterns.js');
  const { findNamesByHeuristic } = await dist('core/privacy/name-heuristic.js');
  const turns = [];
  for (const f of readdirSync(values.corpus).sort().slice(0, 40)) {
    const t = parseTranscript(readFileSync(path.join(values.corpus, f), 'utf8'), f, { defaultId: f, defaultLanguage: 'en', isInterviewer }).value;
    for (const u of t.turns) if (u.role === 'respondent') turns.push([t.text.slice(u.start, u.end), t.language]);
  }
  const mb = turns.reduce((n, [text]) => n + Buffer.byteLength(text), 0) / 1048576;
  const finder = compromiseNameFinder(nlp);
  for (const [name, find] of [['contact patterns', (text) => findContactDetails(text)], ['name heuristic', (text, language) => findNamesByHeuristic(text, language)], ['compromise (English turns)', (text, language) => (language === 'en' ? finder(text) : [])]]) {
    const started = performance.now();
    for (const [text, language] of turns) find(text, language);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${name}: ${seconds.toFixed(2)} s for ${mb.toFixed(2)} MB of respondent turns (${(mb / seconds).toFixed(2)} MB/s)`);
  }

  // The check's share of an analyze run: from its progress stage to the end of the use case, in this process.
  const { analyze } = await dist('app/analyze.js');
  for (const redact of ['none', 'all']) {
    let checkStarted = 0;
    const started = performance.now();
    const reporter = { warn: () => undefined, info: () => undefined, progress: (p) => void (p.stage.startsWith('Checking') ? (checkStarted = performance.now()) : undefined) };
    const { analysis } = await analyze({ paths: [values.corpus], redact }, reporter);
    const ended = performance.now();
    console.log(
      `analyze --redact ${redact} on ${values.corpus}: ${((ended - started) / 1000).toFixed(2)} s in all, the leak check ${((ended - checkStarted) / 1000).toFixed(2)} s ` +
        `(${analysis.privacy.checked.quotes} quotes, ${analysis.privacy.checked.codings} coded stretches, the NLP library loaded once)`,
    );
  }
}
