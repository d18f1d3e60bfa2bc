// The code × group heatmap for one --by attribute: the share of each group's interviews raising each code, the count
// written in every cell, groups of fewer than 5 interviews marked. Shades run from white to dark blue, one hue whose
// lightness alone carries the value, so they read without colour vision and in grey.
import type { Analysis } from '../../core/analysis/analyze.js';
import type { TopLevelSpec } from 'vega-lite';
import { SMALL_CELL, SMALL_MARK } from '../report/wording.js';
import { CHARTS_FOLDER, type ChartPlan } from './chart.js';
import { fileSafe, uniqueNames, wrapLabel } from './names.js';
import { CODE_AXIS, CONFIG, INK, ROW_STEP } from './style.js';

export function breakdownChart(analysis: Analysis, attribute: string, file: string): ChartPlan {
  const values = analysis.sample.find((b) => b.attribute === attribute)?.values ?? [];
  const column = new Map(values.map((v) => [v.value, `${v.value} (${v.interviews})${v.interviews < SMALL_CELL ? SMALL_MARK : ''}`]));
  const raised = analysis.frequencies.filter((f) => f.interviews > 0);
  const name = new Map([...uniqueNames(raised.map((f) => f.code))].map(([id, label]) => [id, wrapLabel(label)]));
  const cells = raised.flatMap((f) =>
    f.breakdown
      .filter((b) => b.attribute === attribute)
      .map((b) => ({ code: name.get(f.code.id)!, group: column.get(b.value)!, share: b.of === 0 ? 0 : Math.round((b.interviews * 100) / b.of), count: `${b.interviews}/${b.of}` })),
  );
  const title = `Share of each ${attribute}'s interviews raising each code`;
  const spec: TopLevelSpec = {
    config: CONFIG,
    title: { text: title, subtitle: `codes raised at least once; (n) interviews per ${attribute}; ${SMALL_MARK} fewer than ${SMALL_CELL}` },
    data: { values: cells },
    width: { step: 64 },
    height: { step: ROW_STEP },
    encoding: {
      y: { field: 'code', type: 'nominal', sort: raised.map((f) => name.get(f.code.id)!), title: null, axis: CODE_AXIS },
      x: { field: 'group', type: 'nominal', sort: values.map((v) => column.get(v.value)!), title: attribute, axis: { orient: 'top', labelAngle: 0, labelLimit: 120 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#999999', strokeWidth: 0.5 },
        encoding: { color: { field: 'share', type: 'quantitative', scale: { domain: [0, 100], range: ['#ffffff', '#08306b'], interpolate: 'lab' }, title: '% of interviews', legend: { orient: 'bottom', gradientLength: 160 } } },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'count' },
          // White on the darker half of the scale, black elsewhere: legible in colour and in grey.
          color: { condition: { test: 'datum.share >= 55', value: '#ffffff' }, value: INK },
        },
      },
    ],
  };
  return {
    id: `by-${attribute}`,
    file,
    title,
    description: `A grid of codes (rows) by ${attribute} (columns): each cell gives how many of that ${attribute}'s interviews raised the code, shaded by the share. The table below gives the same figures.`,
    spec,
  };
}

/** The chart file for each --by attribute, unique even when two names differ only in punctuation. */
export function breakdownFiles(attributes: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const taken = new Set<string>();
  for (const attribute of attributes) {
    const base = `${CHARTS_FOLDER}/by-${fileSafe(attribute)}`;
    let file = `${base}.svg`;
    for (let i = 2; taken.has(file); i++) file = `${base}-${i}.svg`;
    taken.add(file);
    files.set(attribute, file);
  }
  return files;
}
