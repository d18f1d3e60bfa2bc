// The saturation curve: codes raised so far after each interview, in the interviews' order (solid) and on average
// over seeded random orders (dashed), with the level of 90% of the codes marked.
import type { Analysis } from '../../core/analysis/analyze.js';
import type { TopLevelSpec } from 'vega-lite';
import { CHARTS_FOLDER, type ChartPlan } from './chart.js';
import { CONFIG, INK, PALETTE } from './style.js';

// A long stroke in the legend, so the dashes show.
const LEGEND = { orient: 'bottom', symbolType: 'stroke', symbolSize: 900, symbolStrokeWidth: 2, labelLimit: 400 } as const;

export function saturationChart(analysis: Analysis): ChartPlan {
  const s = analysis.saturation;
  const inOrder = 'in order of id';
  const random = `mean of ${s.random.orders} random orders`;
  const points = s.steps.flatMap((step) => [
    { interviews: step.position, codes: step.cumulativeCodes, order: inOrder },
    { interviews: step.position, codes: Math.round(step.randomMeanCodes * 100) / 100, order: random },
  ]);
  const title = 'Codes raised as interviews are added';
  const spec: TopLevelSpec = {
    config: CONFIG,
    title: { text: title, subtitle: `${s.codes} codes raised in ${analysis.sampleSize} interviews; dotted line: 90% of them` },
    width: 480,
    height: 260,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'interviews', type: 'quantitative', title: 'interviews', scale: { domain: [1, Math.max(s.steps.length, 1)] }, axis: { tickMinStep: 1 } },
          y: { field: 'codes', type: 'quantitative', title: 'codes raised so far', scale: { domain: [0, Math.max(s.codes, 1)] } },
          color: { field: 'order', type: 'nominal', scale: { domain: [inOrder, random], range: [PALETTE[0], PALETTE[1]] }, title: null, legend: LEGEND },
          strokeDash: { field: 'order', type: 'nominal', scale: { domain: [inOrder, random], range: [[1, 0], [6, 4]] }, title: null, legend: LEGEND },
        },
      },
      {
        data: { values: [{ level: Math.ceil(s.codes * 0.9) }] },
        mark: { type: 'rule', strokeDash: [2, 3], color: INK },
        encoding: { y: { field: 'level', type: 'quantitative' } },
      },
    ],
  };
  return {
    id: 'saturation',
    file: `${CHARTS_FOLDER}/saturation.svg`,
    title,
    description: `A line chart: after each interview, how many of the ${s.codes} codes had been raised, in order of id and on average over ${s.random.orders} random orders. The saturation section gives the figures.`,
    spec,
  };
}
