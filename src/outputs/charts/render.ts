// Renders chart specifications to SVG with Vega-Lite and Vega's SVG renderer, in Node, without a browser. The
// libraries are loaded here, on first use, so runs without charts never load them.
import type { ChartPlan, RenderedChart } from './chart.js';
import { measureText } from './text-width.js';

export async function renderCharts(plans: readonly ChartPlan[]): Promise<RenderedChart[]> {
  const [vega, vegaLite] = await libraries();
  const rendered: RenderedChart[] = [];
  const logger = strictLogger(vega);
  for (const plan of plans) {
    // Vega numbers gradients and clip paths across the process: restart the count so each file's bytes depend on
    // its chart alone (report.html makes the ids unique per chart when it inlines them).
    vega.resetSVGDefIds();
    const { spec } = vegaLite.compile(plan.spec, { logger });
    const view = new vega.View(vega.parse(spec), { renderer: 'none', logger });
    const svg = await view.toSVG();
    view.finalize();
    const { spec: _, ...ref } = plan;
    rendered.push({ ...ref, svg: `${svg}\n` });
  }
  return rendered;
}

let loaded: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/** Vega and Vega-Lite, loaded once, with Vega measuring text by our table (its hook, which its typings omit). */
export function libraries(): Promise<[typeof import('vega'), typeof import('vega-lite')]> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    (vega as unknown as { textMetrics: { width: typeof measureText } }).textMetrics.width = measureText;
    return [vega, vegaLite];
  });
  return loaded;
}

/** Warnings about a specification are bugs of ours, not the user's: errors, rather than noise on a stream. */
function strictLogger(vega: typeof import('vega')) {
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    const message = args.join(' ');
    // The codes chart lays labels over bars in each facet: both layers read the same data, as this assumes.
    if (message.startsWith('Detected faceted independent scales that union domain of the same fields from different source')) return logger;
    throw new Error(`chart specification: ${message}`);
  };
  return logger;
}
