// The worker thread that renders charts (chart-renderer.ts): it loads and warms up Vega as soon as it starts, then
// renders each list of charts it is sent.
import { parentPort } from 'node:worker_threads';
import type { ChartPlan } from '../outputs/charts/chart.js';
import { renderCharts, warmUp } from '../outputs/charts/render.js';

const ready = warmUp();
parentPort!.on('message', (request: { readonly id: number; readonly plans: readonly ChartPlan[] }) => {
  ready
    .then(() => renderCharts(request.plans))
    .then(
      (charts) => parentPort!.postMessage({ id: request.id, charts }),
      (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
});
