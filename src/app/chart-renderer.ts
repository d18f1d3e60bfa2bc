// Renders charts in a worker thread started before the corpus is coded: loading Vega (about half of the charts' cost)
// then runs on another core while the main thread codes, instead of after it.
import { Worker } from 'node:worker_threads';
import type { ChartPlan, RenderedChart } from '../outputs/charts/chart.js';

export interface ChartRenderer {
  render(plans: readonly ChartPlan[]): Promise<RenderedChart[]>;
  /** Ends the worker; later renders fail. */
  close(): Promise<void>;
}

type Reply = { readonly id: number; readonly charts: RenderedChart[] } | { readonly id: number; readonly error: string };

export function startChartRenderer(): ChartRenderer {
  const worker = new Worker(new URL('./chart-worker.js', import.meta.url));
  // An idle worker must not keep the process alive; one with a render pending must.
  worker.unref();
  const pending = new Map<number, { resolve: (charts: RenderedChart[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  const settle = (id: number, outcome: (p: { resolve: (c: RenderedChart[]) => void; reject: (e: Error) => void }) => void) => {
    const request = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (request !== undefined) outcome(request);
  };
  worker.on('message', (reply: Reply) =>
    settle(reply.id, (p) => ('error' in reply ? p.reject(new Error(`rendering the charts failed: ${reply.error}`)) : p.resolve(reply.charts))),
  );
  const failAll = (error: Error) => {
    for (const id of [...pending.keys()]) settle(id, (p) => p.reject(error));
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the chart worker stopped (exit code ${code})`)));
  return {
    render(plans) {
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, plans });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
