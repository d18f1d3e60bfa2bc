// Writes the report document as one self-contained HTML page (report.html): styles and charts inline, nothing fetched,
// a table of contents, and each quote linked to its line in its transcript.
import { quoteText, type Quote } from '../../core/analysis/quotes.js';
import type { ChartRef, RenderedChart } from '../charts/chart.js';
import type { Block, Inline, ListItem, ReportDocument } from './document.js';

export interface HtmlOptions {
  /** The charts; those rendered are inlined. */
  readonly charts: readonly (ChartRef | RenderedChart)[];
  /** Each transcript's file relative to report.html, for links to quotes. */
  readonly transcriptFiles: ReadonlyMap<string, string>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// The page fetches nothing: the policy forbids every load but its own inline styles, so a stray reference fails loudly.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #111; background: #fff; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; }
h1, h2, h3, nav, table, figcaption, .attribution { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.8rem; line-height: 1.2; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.1rem; margin-top: 1.8rem; }
nav { border: 1px solid #bbb; padding: 0.5rem 1rem; font-size: 0.9rem; }
nav ol { list-style: none; padding-left: 1.2rem; margin: 0.3rem 0; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
td.number, th.number { text-align: right; }
blockquote { margin: 1rem 0 1rem 1.5rem; padding-left: 1rem; border-left: 4px solid #0072B2; }
blockquote p { margin: 0; }
.attribution { font-size: 0.85rem; color: #333; }
figure { margin: 1.5rem 0; overflow-x: auto; }
@media print { figure svg { max-width: 100%; height: auto; } }
figcaption { font-size: 0.85rem; color: #333; }
a { color: #0050a0; }
@media print { nav { display: none; } h2 { break-after: avoid; } blockquote, figure { break-inside: avoid; } }
`;

export function writeHtml(document: ReportDocument, options: HtmlOptions): string {
  const ids = new Map<Block, string>();
  const taken = new Set<string>();
  for (const b of document) {
    if (b.kind !== 'heading') continue;
    let id = b.id || 'section';
    for (let i = 2; taken.has(id); i++) id = `${b.id}-${i}`;
    taken.add(id);
    ids.set(b, id);
  }
  const svgOf = new Map(options.charts.flatMap((c) => ('svg' in c ? [[c.file, c.svg] as const] : [])));
  const title = document.find((b) => b.kind === 'heading' && b.level === 1);
  const body = document.map((b) => {
    const html = blockHtml(b, ids.get(b), svgOf, options.transcriptFiles);
    // The table of contents goes after the title.
    return b === title ? `${html}\n${tableOfContents(document, ids)}` : html;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title?.kind === 'heading' ? title.text : 'Coding report')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableOfContents(document: ReportDocument, ids: ReadonlyMap<Block, string>): string {
  const sections: { link: string; subsections: string[] }[] = [];
  for (const b of document) {
    if (b.kind !== 'heading' || b.level === 1) continue;
    const link = `<a href="#${ids.get(b)!}">${escapeHtml(b.text)}</a>`;
    if (b.level === 2 || sections.length === 0) sections.push({ link, subsections: [] });
    else sections.at(-1)!.subsections.push(link);
  }
  const items = sections.map((s) => (s.subsections.length === 0 ? `<li>${s.link}</li>` : `<li>${s.link}
<ol>
${s.subsections.map((l) => `<li>${l}</li>`).join('\n')}
</ol></li>`));
  return ['<nav aria-label="Contents">', '<strong>Contents</strong>', '<ol>', ...items, '</ol>', '</nav>'].join('\n');
}

const inline = (content: readonly Inline[]): string =>
  content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
      if ('emphasis' in part) return `<em>${escapeHtml(part.emphasis)}</em>`;
      return '<br>';
    })
    .join('');

const listHtml = (items: readonly ListItem[]): string =>
  `<ul>\n${items.map((i) => `<li>${inline(i.content)}${i.items === undefined ? '' : `\n${listHtml(i.items)}`}</li>`).join('\n')}\n</ul>`;

function quoteHtml(quote: Quote, attribution: string, transcriptFiles: ReadonlyMap<string, string>): string {
  const file = transcriptFiles.get(quote.transcript);
  // A line anchor (#L12) opens the transcript at the quote where it is hosted on GitHub or GitLab; elsewhere, the file.
  // The link names the transcript, so it is left out of a report for publication (--no-quote-links).
  const link = file === undefined ? '' : `<a class="source" href="${escapeHtml(encodeURI(file))}#L${quote.line}" title="${escapeHtml(`${quote.transcript}, turn ${quote.turn}, line ${quote.line}`)}">${escapeHtml(`${quote.transcript}, turn ${quote.turn}`)}</a>`;
  const by = attribution === '' ? '' : escapeHtml(attribution);
  const footer = by === '' && link === '' ? '' : `\n<p class="attribution">— ${[by, link].filter((x) => x !== '').join(' · ')}</p>`;
  return `<blockquote>\n<p>“${escapeHtml(quoteText(quote))}”</p>${footer}\n</blockquote>`;
}

function blockHtml(b: Block, id: string | undefined, svgOf: ReadonlyMap<string, string>, transcriptFiles: ReadonlyMap<string, string>): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${escapeHtml(id!)}">${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'list':
      return listHtml(b.items);
    case 'table': {
      const cls = (i: number) => (b.numeric[i] === true ? ' class="number"' : '');
      const head = `<tr>${b.header.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${inline(c)}</td>`).join('')}</tr>`);
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'quote':
      return quoteHtml(b.quote, b.attribution, transcriptFiles);
    case 'chart': {
      const svg = svgOf.get(b.chart.file);
      if (svg === undefined) return '';
      return `<figure>\n${ownIds(svg.trim(), b.chart.id)}\n<figcaption><strong>${escapeHtml(b.chart.title)}.</strong> ${escapeHtml(b.chart.description)}</figcaption>\n</figure>`;
    }
  }
}

/** Vega numbers each chart's gradients and clip paths from 0: prefix them with the chart's id, so one page can hold several. */
const ownIds = (svg: string, chart: string): string => svg.replace(/(id="|url\(#)(gradient_\d+|clip\d+)/g, `$1${chart}-$2`);
