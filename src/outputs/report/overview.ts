// The report's opening sections: the summary (with the most raised codes, ties shown as ties) and the methodology.
import type { Analysis, CodeFrequency } from '../../core/analysis/analyze.js';
import type { PlacementSummary } from '../../core/codings/place-codings.js';
import { quoteSafetyMethod } from '../quote-safety.js';
import { STRENGTH_RULE } from '../../core/coding/strength.js';
import type { CodeType } from '../../core/codebook/codebook.js';
import type { Suggestions } from '../../core/suggestions/suggest-codes.js';
import type { ChartRef } from '../charts/chart.js';
import { heading, item, list, paragraph, strong, type Block, type ListItem } from './document.js';
import { andList, breakdownText, pct, plural, raisedText, SMALL_CELL, SMALL_MARK, smallCells, strengthText } from './wording.js';

/** How many codes "most raised" aims to list; a tie at the cut is listed whole. */
const TOP_CODES = 3;
/** A tie of more codes than this is summed up rather than listed. */
const MAX_TIED_LISTED = 6;
/** How many empty transcripts the report names before "and N more". */
export const EMPTY_NAMED = 20;

/** `firstTypeSection`: the number of the first code type's section, where the tables list every code. */
export function summarySection(analysis: Analysis, chart: ChartRef | undefined, firstTypeSection: number): Block[] {
  const { codebook } = analysis;
  const n = analysis.sampleSize;
  const first = analysis.sample[0];
  const composition = first !== undefined && first.attribute !== 'language' ? ` By ${first.attribute}: ${first.values.map((v) => `${v.value} ${v.interviews} (${pct(v.interviews, n)})`).join(', ')}.` : '';
  const strengths = analysis.frequencies.some((f) => f.byStrength !== undefined) ? ` By evidence strength: ${strengthText(totalStrengths(analysis.frequencies))}.` : '';
  const out: Block[] = [
    heading(2, '1. Summary'),
    paragraph(
      `${plural(n, 'interview was', 'interviews were')} coded with the codebook "${codebook.title}" (${plural(codebook.codes.length, 'code', 'codes')}).${composition} ` +
        `Of ${plural(analysis.respondentTurns, 'respondent turn', 'respondent turns')}, ${analysis.codedTurns} (${pct(analysis.codedTurns, analysis.respondentTurns)}) received at least one code; ` +
        `there are ${plural(analysis.codingCount, 'coding', 'codings')} in all.${strengths}`,
    ),
  ];
  if (analysis.suggestions !== undefined) out.push(paragraph(suggestionsNote(analysis.suggestions, analysis.unit)));
  codebook.types.forEach((type, i) => out.push(...mostRaised(type, analysis.frequencies, n, `section ${firstTypeSection + i}`)));
  if (chart !== undefined) out.push({ kind: 'chart', chart });
  const empty = analysis.interviews.filter((i) => i.isEmpty);
  // A corpus can hold thousands of empty files: name the first few, summary.json lists them all.
  const named = empty.slice(0, EMPTY_NAMED).map((i) => i.id).join(', ');
  const more = empty.length > EMPTY_NAMED ? ` and ${empty.length - EMPTY_NAMED} more (summary.json lists them all)` : '';
  if (empty.length > 0) out.push(paragraph(`Empty transcripts, listed but not counted: ${named}${more}.`));
  return out;
}

/** How many units no coding covers, and how many got suggestions: those are in no count of the report. */
function suggestionsNote(s: Suggestions, unit: string): string {
  return (
    `${plural(s.uncodedUnits, `respondent ${unit} was`, `respondent ${unit}s were`)} left uncoded; ${s.suggestedUnits} of them ${s.suggestedUnits === 1 ? 'has' : 'have'} suggested codes in suggestions.csv ` +
    '(codes whose label, definition and terms share words with the text), for a person to accept or not. Suggestions are not codings: no count here includes them.'
  );
}

/** The codes of a type raised in most interviews. Codes raised in as many interviews are tied, and shown so. */
function mostRaised(type: CodeType, frequencies: readonly CodeFrequency[], n: number, section: string): Block[] {
  const raised = frequencies.filter((f) => f.code.type === type.id && f.interviews > 0);
  const levels = [...new Set(raised.map((f) => f.interviews))].sort((a, b) => b - a);
  const items: ListItem[] = [];
  let listed = 0;
  for (const level of levels) {
    if (listed >= TOP_CODES) break;
    const tied = raised.filter((f) => f.interviews === level);
    listed += tied.length;
    if (tied.length === 1) {
      items.push(item([strong(tied[0]!.code.label), `: ${raisedText(tied[0]!, n)}`]));
      continue;
    }
    const head = `tied: ${tied.length} codes at ${level} of ${n} interviews (${pct(level, n)})`;
    if (tied.length > MAX_TIED_LISTED) items.push(item([`${head}; the table of ${section} lists them`]));
    else items.push(item([`${head}:`], tied.map((f) => item([strong(f.code.label), ...(f.breakdown.length > 0 ? [`: ${breakdownText(f.breakdown)}`] : [])]))));
  }
  return [paragraph(`Most raised among ${type.label}:`), list(items.length > 0 ? items : [item(['none raised'])])];
}

export function methodologySection(analysis: Analysis): Block[] {
  const n = analysis.sampleSize;
  const out: Block[] = [heading(2, '2. Methodology'), paragraph(`The sample is ${plural(n, 'interview', 'interviews')}.`)];
  for (const b of analysis.sample) {
    out.push(heading(3, `Sample by ${b.attribute}`), {
      kind: 'table',
      header: [b.attribute, 'interviews', 'share'],
      numeric: [false, true, true],
      rows: b.values.map((v) => [[v.value], [String(v.interviews)], [pct(v.interviews, n)]]),
    });
  }
  out.push(heading(3, 'Coding'), ...codingMethod(analysis));
  out.push(heading(3, 'Quotes'), ...quoteSafetyMethod(analysis));
  if (analysis.frequencies.some((f) => f.byStrength !== undefined)) out.push(heading(3, 'Evidence strength'), ...evidenceMethod(analysis));
  if (smallCells(analysis).length > 0) {
    out.push(paragraph(`In breakdowns, ${SMALL_MARK} marks a group of fewer than ${SMALL_CELL} interviews: a share of so few interviews says little (see Limitations).`));
  }
  return out;
}

function evidenceMethod(analysis: Analysis): Block[] {
  const totals = totalStrengths(analysis.frequencies);
  const all = totals.strong + totals.moderate + totals.weak;
  const out = [
    paragraph(
      `Each automatic coding has a strength read from its score, the sum of the weights of the term occurrences behind it (a term weighs its number of words, a regular expression 2): ${STRENGTH_RULE}. ` +
        `Of the ${plural(all, 'automatic coding', 'automatic codings')}, ${strengthText(totals) || 'none'}. Each code below gives its own; quotes are taken from the strongest codings first.`,
    ),
  ];
  if (analysis.minScore !== undefined) {
    const { score, dropped } = analysis.minScore;
    out.push(paragraph(`Codings scoring below ${score} (${plural(dropped, 'coding', 'codings')}) were left out of every count, quote and table (--min-score ${score}).`));
  }
  return out;
}

const totalStrengths = (frequencies: readonly CodeFrequency[]) => {
  const totals = { strong: 0, moderate: 0, weak: 0 };
  for (const f of frequencies) for (const s of ['strong', 'moderate', 'weak'] as const) totals[s] += f.byStrength?.[s] ?? 0;
  return totals;
};

/** How the codings were made, in the words of a methods section. */
function codingMethod(analysis: Analysis): Block[] {
  const unit = analysis.unit;
  const interviewers = interviewerMethod(analysis);
  const auto =
    `Each respondent ${unit} was coded automatically with every code of the codebook whose terms it contains ` +
    '(single words matched on their stems, phrases, prefixes and regular expressions, per language), ' +
    `unless it also contains one of the code's exclusion terms. ${interviewers}`;
  const trace = 'Every count can be traced to its rows in codings.csv, and every quote to its place in the transcript through quotes.csv.';
  if (!analysis.sources.includes('human')) {
    return [paragraph(`${auto} An interview raises a code when at least one of its ${unit}s is coded with it; mentions count coded ${unit}s. ${trace}`)];
  }
  const coders = analysis.humanCoders;
  const human =
    `The codings were made by hand (${coders.length === 1 ? 'coder' : 'coders'}: ${coders.join(', ')}) and imported from a codings file or a QDA project, each segment placed in its transcript by its turn, its text or its position in the project, ` +
    "and kept to the respondent's words: a segment that also held the interviewer's words or a speaker label was clipped to its respondent part(s), one coding per respondent turn. " +
    'An interview raises a code when at least one segment in it is coded with it; mentions count coded segments; quotes are taken from the coded segments.';
  const out = [paragraph(analysis.sources.includes('auto') ? `${human} ${trace}` : `${human} ${interviewers} ${trace}`)];
  if (analysis.humanPlacement !== undefined) out.push(paragraph(placementText(analysis.humanPlacement)));
  if (analysis.sources.includes('auto')) out.push(paragraph(`For comparison, each code also shows its automatic coding. ${auto}`));
  return out;
}

/** Whose turns were the interviewer's, and in which transcripts none was recognised: what the counts include. */
function interviewerMethod(analysis: Analysis): string {
  const labels = analysis.interviewerLabels;
  const out = [labels.length === 0 ? 'No interviewer turns were recognised.' : `Interviewer turns (${labels.length === 1 ? 'speaker' : 'speakers'} ${andList(labels.map((l) => `“${l}”`))}) were not coded.`];
  const picked = analysis.interviews.flatMap((i) => (i.interviewer.status === 'picked' ? [`${i.id} (${i.interviewer.speakers[0]})`] : []));
  if (picked.length > 0) {
    out.push(`In ${andList(picked)} no label named the interviewer; the speaker whose turns were mostly questions was taken as the interviewer (--interviewer auto).`);
  }
  const unrecognised = analysis.interviews.filter((i) => i.interviewer.status === 'unrecognised').map((i) => i.id);
  if (unrecognised.length > 0) {
    out.push(`In ${andList(unrecognised)} no interviewer was recognised among several speakers, so every turn was coded as a respondent's, questions included.`);
  }
  return out.join(' ');
}

/** "Of 120 coded segments, 117 were placed, 2 of them clipped to the respondent's words. Not counted (…): 2 that lay wholly in interviewer turns." */
export function placementText(p: PlacementSummary): string {
  const clipped = p.clipped > 0 ? `, ${p.clipped} of them clipped to the respondent's words` : '';
  const left = [
    p.unplaced['interviewer-only'] > 0 ? `${p.unplaced['interviewer-only']} that lay wholly in interviewer turns or the front matter` : '',
    p.unplaced['not-found'] > 0 ? `${p.unplaced['not-found']} not found in the transcript` : '',
    p.unplaced['no-such-turn'] > 0 ? `${p.unplaced['no-such-turn']} naming a turn the transcript does not have` : '',
  ].filter((s) => s !== '');
  const notCounted = left.length > 0 ? ` Not counted (unplaced-codings.csv lists them): ${andList(left)}.` : '';
  return `Of ${plural(p.segments, 'coded segment', 'coded segments')}, ${p.placed} ${p.placed === 1 ? 'was' : 'were'} placed${clipped}.${notCounted}`;
}
