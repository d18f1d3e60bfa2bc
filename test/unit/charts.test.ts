// Charts: Vega-Lite specifications rendered to SVG in Node, the same bytes every time, titled and labelled.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.js';
import { planCharts } from '../../src/outputs/charts/plan.js';
import { renderCharts } from '../../src/outputs/charts/render.js';
import { wrapLabel } from '../../src/outputs/charts/names.js';
import { PALETTE } from '../../src/outputs/charts/style.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - {id: funding, label: Funding is scarce and tied to projects that end before anything can grow, type: barrier, category: money, terms: {en: [funding]}}
  - {id: trust, label: Trust, type: enabler, category: people, terms: {en: [trust]}}
`);
const corpus = ['M1', 'M2', 'D1'].map((id, i) => transcriptFrom(`---\ngroup: ${id.startsWith('M') ? 'members' : 'donors'}\nregion: R${i}\n---\nInterviewer: ?\nRespondent: ${i === 0 ? 'Funding.' : 'Trust & funding.'}\n`, id));
const result = analyze(corpus, codebook, { unit: 'turn', by: ['group', 'region'] });
if (!result.ok) throw new Error('analysis failed');
const plans = planCharts(result.value);

describe('charts', () => {
  it('are the codes chart, a heatmap per --by attribute and the saturation curve, each with a file, title and description', () => {
    expect(plans.map((p) => [p.id, p.file])).toEqual([
      ['codes', 'charts/codes.svg'],
      ['by-group', 'charts/by-group.svg'],
      ['by-region', 'charts/by-region.svg'],
      ['saturation', 'charts/saturation.svg'],
    ]);
    for (const p of plans) expect(p.description.length).toBeGreaterThan(40);
  });

  it('render to SVG with their titles and axis titles, the same bytes every time', async () => {
    const [first, second] = [await renderCharts(plans), await renderCharts(plans)];
    expect(second.map((c) => c.svg)).toEqual(first.map((c) => c.svg));
    const svg = Object.fromEntries(first.map((c) => [c.id, c.svg]));
    for (const c of first) {
      expect(c.svg.startsWith('<svg')).toBe(true);
      expect(c.svg).toContain(`>${c.title}</text>`);
    }
    expect(svg['codes']).toContain('% of interviews raising it');
    expect(svg['saturation']).toContain('codes raised so far');
    expect(svg['saturation']).toContain('>interviews</text>');
    expect(svg['by-group']).toContain('>group</text>');
    // Colours only from the colour-blind-safe palette, and the dashed line beside the solid one.
    expect(svg['codes']).toContain(`fill="${PALETTE[0]}"`);
    expect(svg['saturation']).toContain('stroke-dasharray="6,4"');
  });

  it('wrap long code labels on two lines between words, marking a cut with "…"', () => {
    expect(wrapLabel('Funding is scarce and tied to projects that end before anything can grow', 30)).toBe('Funding is scarce and tied to\nprojects that end before…');
    expect(wrapLabel('Trust')).toBe('Trust');
  });
});

describe('the charting library', () => {
  it('is imported by one module only, and only when charts are rendered', () => {
    const dir = path.resolve('src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const importing = files.filter((f) => /from ['"]vega(?:-lite)?['"]|import\(['"]vega/.test(readFileSync(path.join(dir, f), 'utf8').replace(/import type [^;]+;/g, '')));
    expect(importing).toEqual([path.join('outputs', 'charts', 'render.ts')]);
    expect(readFileSync(path.join(dir, 'outputs/charts/render.ts'), 'utf8')).not.toMatch(/^import [^t].*vega/m);
  });
});
