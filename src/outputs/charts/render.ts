// Renders chart specifications to SVG with Vega-Lite and Vega's SVG renderer, in Node, without a browser. The
// libraries are loaded here, on first use, so runs without charts never load them.
import type { ChartPlan, RenderedChart } from './chart.js';

export async function renderCharts(plans: readonly ChartPlan[]): Promise<RenderedChart[]> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // Warnings about a specification are bugs of ours, not the user's: make them errors rather than noise on a stream.
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    throw new Error(`chart specification: ${args.join(' ')}`);
  };
  const rendered: RenderedChart[] = [];
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
