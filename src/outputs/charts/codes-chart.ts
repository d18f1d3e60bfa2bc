// The codes chart: for each category, the share of interviews raising each code, code types side by side
// (barriers beside enablers), each bar labelled with its count.
import type { Analysis } from '../../core/analysis/analyze.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartPlan } from './chart.js';
import { uniqueNames, wrapLabel } from './names.js';
import { CODE_AXIS, CONFIG, INK, PALETTE, ROW_STEP } from './style.js';

export function codesChart(analysis: Analysis): ChartPlan {
  const { codebook } = analysis;
  const n = analysis.sampleSize;
  const typeIndex = new Map(codebook.types.map((t, i) => [t.id, i]));
  const frequencyOf = new Map(analysis.frequencies.map((f) => [f.code.id, f]));
  const name = uniqueNames(codebook.codes.map((c) => ({ id: c.id, label: c.label })));
  const rows = codebook.categories
    .map((category) => {
      const types = codebook.types.filter((t) => codebook.codes.some((c) => c.category === category.id && c.type === t.id));
      return {
        hconcat: types.map((type) => {
          const values = codebook.codes
            .filter((c) => c.category === category.id && c.type === type.id)
            .map((c, order) => {
              const f = frequencyOf.get(c.id)!;
              return { code: wrapLabel(name.get(c.id)!), share: f.interviewsPct, count: `${f.interviews} of ${n}`, order };
            })
            .sort((a, b) => b.share - a.share || a.order - b.order);
          return {
            // "The network's role: what works" needs no category before it.
            title: { text: type.label.startsWith(category.label) ? type.label : `${category.label}: ${type.label}`, fontSize: 12 },
            data: { values },
            width: 180,
            height: { step: ROW_STEP },
            layer: [
              { mark: { type: 'bar' as const, color: PALETTE[typeIndex.get(type.id)! % PALETTE.length]!, stroke: INK, strokeWidth: 0.5 } },
              { mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 10, color: INK }, encoding: { text: { field: 'count' } } },
            ],
            encoding: {
              y: { field: 'code', type: 'nominal' as const, sort: values.map((v) => v.code), title: null, axis: CODE_AXIS },
              x: { field: 'share', type: 'quantitative' as const, scale: { domain: [0, 100] }, title: '% of interviews raising it' },
            },
          };
        }),
      };
    })
    .filter((row) => row.hconcat.length > 0);
  const spec: TopLevelSpec = {
    config: CONFIG,
    title: { text: 'Codes by share of interviews raising them', subtitle: `${n} interviews; one panel per category and code type` },
    vconcat: rows,
  };
  return {
    id: 'codes',
    file: 'chart-codes.svg',
    title: 'Codes by share of interviews raising them',
    description: `Bar charts, one per category and code type: for each code, the share of the ${n} interviews that raised it, with the count. The same figures are in the sections below and in frequencies.csv.`,
    spec,
  };
}
