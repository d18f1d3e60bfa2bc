// report.md: the study-shaped report (summary, methodology, a section per code type, appendix), with counts beside quotes.
import type { Analysis, CodeFrequency } from '../core/analysis/analyze.js';
import type { Quote } from '../core/analysis/quotes.js';
import type { Code, CodeType } from '../core/codebook/codebook.js';
import { compareNatural } from '../core/problem.js';
import { cell, md } from './markdown.js';
import type { OutputContext } from './output.js';

const TOP_CODES = 3;

// Whole percentages from the counts themselves: rounding the one-decimal figure again could be off by one.
const pct = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((part * 100) / whole)}%`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;


/** How many empty transcripts the report names before "and N more". */
const EMPTY_NAMED = 20;
export function formatReportMarkdown(analysis: Analysis, context: OutputContext): string {
  const out: string[] = [];
  const { codebook } = analysis;
  const frequencyOf = new Map(analysis.frequencies.map((f) => [f.code.id, f]));
  const quotesOf = new Map<string, Quote[]>();
  for (const q of analysis.quotes) quotesOf.set(q.code.id, [...(quotesOf.get(q.code.id) ?? []), q]);
  // A quote is attributed to its interview and that interview's values of the --by attributes.
  const interviewById = new Map(analysis.interviews.map((i) => [i.id, i]));
  const groupOf = (id: string): string[] => {
    const interview = interviewById.get(id);
    return analysis.by.map((a) => (a === 'language' ? interview?.language : interview?.attributes[a])).filter((v) => v !== undefined);
  };
  const n = analysis.sampleSize;

  out.push(`# ${md(codebook.title)}: coding report`, '');

  // 1. Summary
  out.push('## 1. Summary', '');
  const first = analysis.sample[0];
  const composition = first !== undefined && first.attribute !== 'language' ? ` By ${first.attribute}: ${first.values.map((v) => `${md(v.value)} ${v.interviews} (${pct(v.interviews, n)})`).join(', ')}.` : '';
  out.push(
    `${plural(n, 'interview was', 'interviews were')} coded with the codebook "${md(codebook.title)}" (${plural(codebook.codes.length, 'code', 'codes')}).${composition} ` +
      `Of ${plural(analysis.respondentTurns, 'respondent turn', 'respondent turns')}, ${analysis.codedTurns} (${pct(analysis.codedTurns, analysis.respondentTurns)}) received at least one code; ` +
      `there are ${plural(analysis.codings.length, 'coding', 'codings')} in all.`,
    '',
  );
  for (const type of codebook.types) {
    const top = analysis.frequencies.filter((f) => f.code.type === type.id && f.interviews > 0).sort((a, b) => b.interviews - a.interviews || b.mentions - a.mentions).slice(0, TOP_CODES);
    out.push(`Most raised among ${md(type.label)}:`, '');
    if (top.length === 0) out.push('- none raised', '');
    else out.push(...top.map((f) => `- **${md(f.code.label)}**: ${raised(f, n)}`), '');
  }
  const empty = analysis.interviews.filter((i) => i.isEmpty);
  // A corpus can hold thousands of empty files: name the first few, summary.json lists them all.
  const named = empty.slice(0, EMPTY_NAMED).map((i) => md(i.id)).join(', ');
  const more = empty.length > EMPTY_NAMED ? ` and ${empty.length - EMPTY_NAMED} more (summary.json lists them all)` : '';
  if (empty.length > 0) out.push(`Empty transcripts, listed but not counted: ${named}${more}.`, '');

  // 2. Methodology
  out.push('## 2. Methodology', '');
  out.push(`The sample is ${plural(n, 'interview', 'interviews')}.`, '');
  for (const b of analysis.sample) {
    out.push(`### Sample by ${md(b.attribute)}`, '', `| ${cell(b.attribute)} | interviews | share |`, '|---|---:|---:|');
    out.push(...b.values.map((v) => `| ${cell(v.value)} | ${v.interviews} | ${pct(v.interviews, n)} |`), '');
  }
  out.push('### Coding', '', ...codingMethod(analysis), '');

  // One section per code type, as the study has for barriers, enablers and the network's role.
  let section = 3;
  for (const type of codebook.types) {
    out.push(...typeSection(section++, type, analysis, frequencyOf, quotesOf, groupOf));
  }

  // Appendix
  out.push('## Appendix', '', '### A. Codebook', '', '| id | label | type | category | definition |', '|---|---|---|---|---|');
  const typeLabel = new Map(codebook.types.map((t) => [t.id, t.label]));
  const categoryLabel = new Map(codebook.categories.map((c) => [c.id, c.label]));
  for (const code of codebook.codes) {
    out.push(`| ${cell(code.id)} | ${cell(code.label)} | ${cell(typeLabel.get(code.type) ?? code.type)} | ${cell(categoryLabel.get(code.category) ?? code.category)} | ${cell(code.definition)} |`);
  }
  const attributes = analysis.sample.map((b) => b.attribute).filter((a) => a !== 'language');
  out.push('', '### B. Interviews', '', `| id | ${[...attributes, 'language'].map(cell).join(' | ')} | coded turns |`, `|---|${[...attributes, 'language'].map(() => '---|').join('')}---:|`);
  let emptyRows = 0;
  for (const i of analysis.interviews) {
    if (i.isEmpty && emptyRows++ >= EMPTY_NAMED) continue;
    const values = [...attributes.map((a) => i.attributes[a] ?? ''), i.language].map(cell);
    out.push(`| ${cell(i.id)} | ${values.join(' | ')} | ${i.isEmpty ? 'empty' : `${i.codedTurns} of ${i.respondentTurns}`} |`);
  }
  if (emptyRows > EMPTY_NAMED) out.push('', `_And ${emptyRows - EMPTY_NAMED} more empty transcripts, listed in summary.json._`);
  out.push('', `_Generated by ${md(context.generator)}; unit of coding: ${analysis.unit}._`, '');
  return out.join('\n');
}

function typeSection(
  number: number,
  type: CodeType,
  analysis: Analysis,
  frequencyOf: ReadonlyMap<string, CodeFrequency>,
  quotesOf: ReadonlyMap<string, readonly Quote[]>,
  groupOf: (id: string) => string[],
): string[] {
  const out: string[] = [`## ${number}. ${md(type.label)}`, ''];
  const n = analysis.sampleSize;
  const codes = analysis.codebook.codes.filter((c) => c.type === type.id);
  if (codes.length === 0) return [...out, 'The codebook has no codes of this type.', ''];
  if (type.description !== undefined) out.push(md(type.description), '');
  const categories = analysis.codebook.categories.filter((c) => codes.some((code) => code.category === c.id));
  const autoFrequencyOf = new Map((analysis.autoFrequencies ?? []).map((f) => [f.code.id, f]));

  out.push('| Category | Codes (interviews raising them) |', '|---|---|');
  for (const category of categories) {
    const bullets = codes.filter((c) => c.category === category.id).map((c) => `• ${cell(c.label)} (${frequencyOf.get(c.id)!.interviews} of ${n})`);
    out.push(`| ${cell(category.label)} | ${bullets.join('<br>')} |`);
  }
  out.push('');

  for (const category of categories) {
    out.push(`### ${number}.${categories.indexOf(category) + 1} ${md(category.label)}`, '');
    for (const code of codes.filter((c) => c.category === category.id)) {
      out.push(...codeEntry(code, frequencyOf.get(code.id)!, quotesOf.get(code.id) ?? [], n, groupOf, autoFrequencyOf.get(code.id)));
    }
  }
  return out;
}

function codeEntry(code: Code, f: CodeFrequency, quotes: readonly Quote[], n: number, groupOf: (id: string) => string[], auto?: CodeFrequency): string[] {
  const byAuto = auto === undefined ? '' : ` Automatic coding: ${auto.interviews === 0 ? 'not raised' : `raised in ${auto.interviews} of ${n}`}.`;
  if (f.interviews === 0) return [`**${md(code.label)}**: not raised in any interview.${byAuto}`, ''];
  const out = [`**${md(code.label)}**: ${raised(f, n)}.${byAuto}`, ''];
  for (const q of quotes) out.push(`> “${md(q.text)}”`, `> — ${md([q.transcript, ...groupOf(q.transcript), `turn ${q.turn}`].join(', '))}`, '');
  return out;
}

/** "raised in 5 of 12 interviews (42%); allies 1 of 4, members 4 of 7" */
function raised(f: CodeFrequency, n: number): string {
  const parts = f.breakdown.map((b) => `${md(b.value)} ${b.interviews} of ${b.of}`);
  return `raised in ${f.interviews} of ${n} interviews (${pct(f.interviews, n)})${parts.length > 0 ? `; ${parts.join(', ')}` : ''}`;
}

/** How the codings were made, in the words of a methods section. */
function codingMethod(analysis: Analysis): string[] {
  const unit = analysis.unit;
  const interviewers = interviewerMethod(analysis);
  const auto =
    `Each respondent ${unit} was coded automatically with every code of the codebook whose terms it contains ` +
    '(single words matched on their stems, phrases, prefixes and regular expressions, per language), ' +
    `unless it also contains one of the code's exclusion terms. ${interviewers}`;
  const trace = 'Every count can be traced to its rows in codings.csv, and every quote to its place in the transcript through quotes.csv.';
  if (!analysis.sources.includes('human')) {
    return [`${auto} An interview raises a code when at least one of its ${unit}s is coded with it; mentions count coded ${unit}s. ${trace}`];
  }
  const coders = [...new Set(analysis.codings.flatMap((c) => (c.source === 'human' ? [c.coder] : [])))].sort(compareNatural);
  const human =
    `The codings were made by hand (${coders.length === 1 ? 'coder' : 'coders'}: ${coders.map(md).join(', ')}) and imported from a codings file or a QDA project, each segment placed in its transcript by its turn, its text or its position in the project. ` +
    'An interview raises a code when at least one segment in it is coded with it; mentions count coded segments; quotes are the coded segments.';
  return analysis.sources.includes('auto') ? [`${human} ${trace}`, '', `For comparison, each code also shows its automatic coding. ${auto}`] : [`${human} ${interviewers} ${trace}`];
}

/** Whose turns were the interviewer's, and in which transcripts none was recognised: what the counts include. */
function interviewerMethod(analysis: Analysis): string {
  const labels = analysis.interviewerLabels;
  const out = [labels.length === 0 ? 'No interviewer turns were recognised.' : `Interviewer turns (${labels.length === 1 ? 'speaker' : 'speakers'} ${list(labels.map((l) => `“${md(l)}”`))}) were not coded.`];
  const picked = analysis.interviews.flatMap((i) => (i.interviewer.status === 'picked' ? [`${md(i.id)} (${md(i.interviewer.speakers[0])})`] : []));
  if (picked.length > 0) {
    out.push(`In ${list(picked)} no label named the interviewer; the speaker whose turns were mostly questions was taken as the interviewer (--interviewer auto).`);
  }
  const unrecognised = analysis.interviews.filter((i) => i.interviewer.status === 'unrecognised').map((i) => md(i.id));
  if (unrecognised.length > 0) {
    out.push(`In ${list(unrecognised)} no interviewer was recognised among several speakers, so every turn was coded as a respondent's, questions included.`);
  }
  return out.join(' ');
}

/** "a", "a and b", "a, b and c" */
const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);
