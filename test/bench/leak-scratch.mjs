import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
const root = process.argv[2];
const dir = path.join(root, process.env.DIR ?? 'fixtures/privacy');
const { parseTranscript } = await import(path.join(root, 'dist/core/transcripts/parse-transcript.js'));
const { interviewerMatcher, DEFAULT_INTERVIEWER_LABELS } = await import(path.join(root, 'dist/core/transcripts/speakers.js'));
const { KnownNameMatcher, namesOfTranscripts } = await import(path.join(root, 'dist/core/privacy/known-names.js'));
const { createLeakCheck } = await import(path.join(root, 'dist/core/privacy/leak-check.js'));
const { compromiseNameFinder } = await import(path.join(root, 'dist/core/privacy/nlp-names.js'));
const nlpOn = process.argv[3] !== 'nonlp';
const nlp = nlpOn ? (await import(path.join(root, 'node_modules/compromise/src/three.js'))).default : undefined;
const isInterviewer = interviewerMatcher(DEFAULT_INTERVIEWER_LABELS);
const ts = readdirSync(dir).filter(f => /\.(txt|md)$/.test(f) && f !== 'README.md').map(f => parseTranscript(readFileSync(path.join(dir, f), 'utf8'), f, { defaultId: f.replace(/\..*/, ''), defaultLanguage: 'en', isInterviewer }).value);
const known = new KnownNameMatcher(namesOfTranscripts(ts));
const check = createLeakCheck({ known, nlp: nlp ? { en: compromiseNameFinder(nlp) } : {} });
const gold = parse(readFileSync(path.join(root, 'fixtures/privacy-key/identifiers.csv')), { columns: true });
let real = 0, all = 0, hit = 0, goldN = 0;
for (const t of ts) {
  for (const turn of t.turns.filter(x => x.role === 'respondent')) {
    const text = t.text.slice(turn.start, turn.end);
    const findings = check(text, t.language);
    const goldSpans = [];
    for (const g of gold.filter(g => g.transcript === t.id)) { let i = -1; while ((i = text.indexOf(g.text, i + 1)) >= 0) goldSpans.push({ s: i, e: i + g.text.length, g }); }
    for (const f of findings) { all++; const ok = goldSpans.some(s => s.s < f.end && f.start < s.e); if (ok) real++; else console.log('FP', t.id, f.kind, f.source, JSON.stringify(f.text)); }
    for (const s of goldSpans) { goldN++; const covered = findings.some(f => f.start <= s.s && f.end >= s.e); if (covered) hit++; else console.log('MISS', t.id, s.g.kind, JSON.stringify(s.g.text), findings.filter(f => f.start < s.e && s.s < f.end).map(f => f.text)); }
  }
}
console.log(`findings ${all}, real ${real}, precision ${(real/all*100).toFixed(1)}%; gold occurrences ${goldN}, covered ${hit}`);
