// The codes chart: for each category, the share of interviews raising each code, code types side by side
// (barriers beside enablers), each bar labelled with its count. One faceted chart rather than a panel per category
// and type: Vega compiles and renders it several times faster.
import type { Analysis } from '../../core/analysis/analyze.js';
import type { TopLevelSpec } from 'vega-lite';
import { CHARTS_FOLDER, type ChartPlan } from './chart.js';
import { uniqueNames, wrapLabel } from './names.js';
import { CODE_AXIS, CONFIG, INK, PALETTE, ROW_STEP } from './style.js';

export function codesChart(analysis: Analysis): ChartPlan {
  const { codebook } = analysis;
  const n = analysis.sampleSize;
  const frequencyOf = new Map(analysis.frequencies.map((f) => [f.code.id, f]));
  const name = uniqueNames(codebook.codes.map((c) => ({ id: c.id, label: c.label })));
  // Panels in reading order: per category, its code types in codebook order, so that with two columns barriers sit
  // beside enablers.
  const panels: string[] = [];
  const values = codebook.categories.flatMap((category) =>
    codebook.types.flatMap((type) => {
      const codes = codebook.codes.filter((c) => c.category === category.id && c.type === type.id);
      if (codes.length === 0) return [];
      // "The network's role: what works" needs no category before it.
      const panel = type.label.startsWith(category.label) ? type.label : `${category.label}: ${type.label}`;
      panels.push(panel);
      return codes
        .map((c, order) => ({ panel, type: type.label, code: wrapLabel(name.get(c.id)!), share: frequencyOf.get(c.id)!.interviewsPct, count: `${frequencyOf.get(c.id)!.interviews} of ${n}`, order }))
        .sort((a, b) => b.share - a.share || a.order - b.order);
    }),
  );
  const types = codebook.types.map((t) => t.label);
  const spec: TopLevelSpec = {
    config: CONFIG,
    title: { text: 'Codes by share of interviews raising them', subtitle: `${n} interviews; one panel per category and code type` },
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: panels, title: null, header: { labelFontWeight: 'bold', labelAnchor: 'start', labelLimit: 520 } },
    columns: 2,
    spec: {
      width: 180,
      height: { step: ROW_STEP },
      encoding: {
        // Each code is in one panel only: one order for all gives each panel its own, by share.
        y: { field: 'code', type: 'nominal', sort: values.map((v) => v.code), title: null, axis: CODE_AXIS },
        x: { field: 'share', type: 'quantitative', scale: { domain: [0, 100] }, title: '% of interviews raising it' },
        color: { field: 'type', type: 'nominal', scale: { domain: types, range: types.map((_, i) => PALETTE[i % PALETTE.length]!) }, legend: null },
      },
      layer: [
        { mark: { type: 'bar', stroke: INK, strokeWidth: 0.5 } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { text: { field: 'count' }, color: { value: INK } } },
      ],
    },
    resolve: { scale: { y: 'independent' }, axis: { y: 'independent' } },
  };
  return {
    id: 'codes',
    file: `${CHARTS_FOLDER}/codes.svg`,
    title: 'Codes by share of interviews raising them',
    description: `Bar charts, one per category and code type: for each code, the share of the ${n} interviews that raised it, with the count. The same figures are in the sections below and in frequencies.csv.`,
    spec,
  };
}
