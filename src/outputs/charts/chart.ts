// What the report knows of a chart: its file, title and a description for readers who cannot see it.
import type { TopLevelSpec } from 'vega-lite';

/** The folder of the output folder that holds the charts: one name, so a run that makes other charts replaces it whole. */
export const CHARTS_FOLDER = 'charts';

export interface ChartRef {
  /** "codes", "by-group" (one per --by attribute), "saturation". */
  readonly id: string;
  /** The SVG file, in the charts folder beside the report ("charts/codes.svg"). */
  readonly file: string;
  readonly title: string;
  /** Alternative text: what the chart shows, in words. */
  readonly description: string;
}

/** A chart and its Vega-Lite specification (data inline), before rendering. */
export interface ChartPlan extends ChartRef {
  readonly spec: TopLevelSpec;
}

export interface RenderedChart extends ChartRef {
  readonly svg: string;
}
