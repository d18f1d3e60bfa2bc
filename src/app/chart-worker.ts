// The worker thread that renders charts (chart-renderer.ts): it loads Vega as soon as it starts, then renders each
// list of charts it is sent.
import { parentPort } from 'node:worker_threads';
import type { ChartPlan } from '../outputs/charts/chart.js';
import { libraries, renderCharts } from '../outputs/charts/render.js';
import { answerRequests } from './worker-client.js';

// Only loading: rendering small charts to warm Vega up would shorten the wait after coding on an idle machine, but
// cost more than it saves where the cores are busy (measured; README, Development).
answerRequests(parentPort!, libraries(), (_, plans: readonly ChartPlan[]) => renderCharts(plans));
