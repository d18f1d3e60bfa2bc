// The worker thread that renders charts (chart-renderer.ts): it loads Vega as soon as it starts, then renders each
// list of charts it is sent.
import { parentPort } from 'node:worker_threads';
import type { ChartPlan } from '../outputs/charts/chart.js';
import { libraries, renderCharts } from '../outputs/charts/render.js';

// Only loading: rendering small charts to warm Vega up would shorten the wait after coding on an idle machine, but
// cost more than it saves where the cores are busy (measured; README, Development).
const ready = libraries();
parentPort!.on('message', (request: { readonly id: number; readonly plans: readonly ChartPlan[] }) => {
  ready
    .then(() => renderCharts(request.plans))
    .then(
      (charts) => parentPort!.postMessage({ id: request.id, charts }),
      (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
});
