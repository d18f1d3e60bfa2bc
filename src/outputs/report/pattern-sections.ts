// The report's sections across codes: breakdowns by each attribute, codes that go together, and saturation.
import type { Analysis } from '../../core/analysis/analyze.js';
import type { ChartRef } from '../charts/chart.js';
import { newCodesAtEnd } from './limitations.js';
import { heading, item, list, paragraph, strong, type Block } from './document.js';
import { attributionOf, decimal, pct, plural, SMALL_CELL, SMALL_MARK } from './wording.js';

/** Per --by attribute: a chart (when charts are made) and the table behind it, codes raised only. */
export function breakdownSection(number: number, analysis: Analysis, chartOf: (id: string) => ChartRef | undefined): Block[] {
  if (analysis.by.length === 0) return [];
  const raised = analysis.frequencies.filter((f) => f.interviews > 0);
  const out: Block[] = [
    heading(2, `${number}. Codes by ${analysis.by.join(' and by ')}`),
    paragraph(
      `How many interviews of each ${analysis.by.join(' and each ')} raised each code (codes raised at least once). ` +
        `A share of a group of fewer than ${SMALL_CELL} interviews (${SMALL_MARK}) says little.`,
    ),
  ];
  for (const attribute of analysis.by) {
    const values = analysis.sample.find((b) => b.attribute === attribute)?.values ?? [];
    out.push(heading(3, `By ${attribute}`));
    const chart = chartOf(`by-${attribute}`);
    if (chart !== undefined) out.push({ kind: 'chart', chart });
    out.push({
      kind: 'table',
      header: ['code', ...values.map((v) => `${v.value} (${v.interviews})${v.interviews < SMALL_CELL ? SMALL_MARK : ''}`)],
      numeric: [false, ...values.map(() => true)],
      rows: raised.map((f) => [
        [f.code.label],
        ...values.map((v) => {
          const b = f.breakdown.find((c) => c.attribute === attribute && c.value === v.value)!;
          return [`${b.interviews} (${pct(b.interviews, b.of)})`];
        }),
      ]),
    });
  }
  return out;
}

export function cooccurrenceSection(number: number, analysis: Analysis): Block[] {
  const unit = analysis.sources[0] === 'human' ? 'turn' : analysis.unit;
  const out: Block[] = [heading(2, `${number}. Codes that go together`)];
  if (analysis.cooccurrence.length === 0) return [...out, paragraph(`No two codes were given to the same ${unit}.`)];
  const attribution = attributionOf(analysis);
  out.push(
    paragraph(
      `${plural(analysis.cooccurrence.length, 'pair', 'pairs')} of codes were given to the same ${unit} at least once (cooccurrence.csv lists them all, with the Jaccard index: ` +
        `the ${unit}s coded with both over those coded with either). The pairs sharing most ${unit}s, each with a quote from a ${unit} where they meet, when one of the report's quotes is such a ${unit}:`,
    ),
  );
  const quoteById = new Map(analysis.quotes.map((q) => [q.id, q]));
  for (const { pair, quoteId } of analysis.strongestPairs) {
    // The example is one of the report's quotes, chosen and checked as every quote is; without one, the pair stands alone.
    const quote = quoteId === undefined ? undefined : quoteById.get(quoteId);
    out.push(list([item([strong(pair.a.label), ' and ', strong(pair.b.label), `: ${plural(pair.units, unit, `${unit}s`)} with both, Jaccard ${decimal(pair.jaccard, 2)}.`])]));
    if (quote !== undefined) out.push({ kind: 'quote', quote, attribution: attribution(quote) });
  }
  return out;
}

export function saturationSection(number: number, analysis: Analysis, chart: ChartRef | undefined): Block[] {
  const s = analysis.saturation;
  const out: Block[] = [heading(2, `${number}. Saturation`)];
  if (s.codes === 0) return [...out, paragraph('No code was raised, so there is nothing to saturate.')];
  const at = (position: number) => `${position} (${s.steps[position - 1]!.transcript})`;
  const tail = s.steps.at(-1)!;
  out.push(
    paragraph(
      `Whether more interviews would still have brought new codes: in the interviews' order (by id), 90% of the ${plural(s.codes, 'code', 'codes')} raised had appeared after interview ${at(s.inOrder.at90)} of ${analysis.sampleSize}, ` +
        `and all of them after interview ${at(s.inOrder.at100)}. Averaged over ${s.random.orders} random orders of the interviews (drawn with a fixed seed, ${s.random.seed}, so the figures are reproducible), ` +
        `90% had appeared after ${decimal(s.random.at90)} interviews and all after ${decimal(s.random.at100)}. ` +
        `The last interview brought ${plural(tail.newCodes, 'new code', 'new codes')} in this order, and ${decimal(newCodesAtEnd(analysis))} on average in random orders. saturation.csv gives each step.`,
    ),
  );
  if (chart !== undefined) out.push({ kind: 'chart', chart });
  return out;
}
