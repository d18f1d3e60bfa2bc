// Which charts a report has: the codes chart, a heatmap per --by attribute, the saturation curve. Pure and cheap: the
// specifications are data; rendering them to SVG (render.ts) loads the charting library.
import type { Analysis } from '../../core/analysis/analyze.js';
import { breakdownChart, breakdownFiles } from './breakdown-chart.js';
import type { ChartPlan } from './chart.js';
import { codesChart } from './codes-chart.js';
import { saturationChart } from './saturation-chart.js';

export function planCharts(analysis: Analysis): ChartPlan[] {
  const files = breakdownFiles(analysis.by);
  return [codesChart(analysis), ...analysis.by.map((a) => breakdownChart(analysis, a, files.get(a)!)), saturationChart(analysis)];
}
