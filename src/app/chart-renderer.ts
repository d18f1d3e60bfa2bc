// Renders charts in a worker thread started before the corpus is coded: loading Vega (about half of the charts' cost)
// then runs on another core while the main thread codes, instead of after it.
import type { ChartPlan, RenderedChart } from '../outputs/charts/chart.js';
import { startWorker } from './worker-client.js';

export interface ChartRenderer {
  render(plans: readonly ChartPlan[]): Promise<RenderedChart[]>;
  /** Ends the worker; later renders fail. */
  close(): Promise<void>;
}

export function startChartRenderer(): ChartRenderer {
  const worker = startWorker<readonly ChartPlan[], RenderedChart[]>(new URL('./chart-worker.js', import.meta.url), 'rendering the charts');
  return { render: (plans) => worker.request(plans), close: () => worker.close() };
}
