// How the report words counts: whole percentages from the counts, plurals, breakdowns with their attribute names.
import type { Quote } from '../../core/analysis/quotes.js';
import type { Analysis, CodeFrequency } from '../../core/analysis/analyze.js';
import type { BreakdownCount } from '../../core/analysis/frequencies.js';
import { STRENGTHS, type Strength } from '../../core/coding/strength.js';

/** A breakdown cell of fewer interviews than this is flagged: a share of so few says little. */
export const SMALL_CELL = 5;
export const SMALL_MARK = '†';

// Whole percentages from the counts themselves: rounding the one-decimal figure again could be off by one.
export const pct = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((part * 100) / whole)}%`;
export { plural } from '../../core/wording.js';
/** "a, b and c" */
export const andList = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);
export const decimal = (value: number, digits = 1): string => value.toFixed(digits);

/** "group: allies 1 of 4†, members 4 of 7; region: Africa 2 of 3†" */
export function breakdownText(cells: readonly BreakdownCount[]): string {
  const byAttribute = new Map<string, string[]>();
  for (const b of cells) {
    const list = byAttribute.get(b.attribute) ?? [];
    list.push(`${b.value} ${b.interviews} of ${b.of}${b.of < SMALL_CELL ? SMALL_MARK : ''}`);
    byAttribute.set(b.attribute, list);
  }
  return [...byAttribute].map(([attribute, values]) => `${attribute}: ${values.join(', ')}`).join('; ');
}

/** "raised in 5 of 12 interviews (42%); group: allies 1 of 4†, members 4 of 7" */
export function raisedText(f: CodeFrequency, n: number): string {
  const parts = breakdownText(f.breakdown);
  return `raised in ${f.interviews} of ${n} interviews (${pct(f.interviews, n)})${parts === '' ? '' : `; ${parts}`}`;
}

/** "2 strong, 1 moderate, 3 weak", leaving out strengths with none. */
export function strengthText(counts: Readonly<Record<Strength, number>>): string {
  return STRENGTHS.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

/** Breakdown cells under SMALL_CELL interviews, by attribute: "group: allies (4), donors (3)". */
export function smallCells(analysis: Analysis): string[] {
  return analysis.sample
    .filter((b) => analysis.by.includes(b.attribute))
    .map((b) => ({ attribute: b.attribute, small: b.values.filter((v) => v.interviews < SMALL_CELL) }))
    .filter((b) => b.small.length > 0)
    .map((b) => `${b.attribute}: ${b.small.map((v) => `${v.value} (${v.interviews})`).join(', ')}`);
}

/** Where a quote is: "M01, members, turn 2", with the interview's values of the --by attributes. */
/**
 * What a quote is attributed by in the report: the values of --attribute-quotes, coarsened where few interviewees
 * share them (core/privacy/attribution.ts); nothing by default, as the study did.
 */
export const attributionOf =
  (analysis: Analysis) =>
  (quote: Quote): string =>
    (analysis.quoting.attribution.of.get(quote.transcript)?.values ?? []).map((v) => v.value).join(', ');
