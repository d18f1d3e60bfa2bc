// Writes the report document as Markdown (report.md): GitHub-flavoured tables, quotes as block quotes, charts as images.
import { quoteText } from '../../core/analysis/quotes.js';
import { cell, md } from '../markdown.js';
import type { Block, Inline, ListItem, ReportDocument } from './document.js';

const inline = (content: readonly Inline[], inCell = false): string =>
  content
    .map((part) => {
      if (typeof part === 'string') return inCell ? cell(part) : md(part);
      if ('strong' in part) return `**${inCell ? cell(part.strong) : md(part.strong)}**`;
      if ('emphasis' in part) return `_${inCell ? cell(part.emphasis) : md(part.emphasis)}_`;
      return '<br>';
    })
    .join('');

function listLines(items: readonly ListItem[], indent = ''): string[] {
  return items.flatMap((i) => [`${indent}- ${inline(i.content)}`, ...listLines(i.items ?? [], `${indent}  `)]);
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${md(b.text)}`, ''];
    case 'paragraph':
      return [inline(b.content), ''];
    case 'list':
      return [...listLines(b.items), ''];
    case 'table':
      return [
        `| ${b.header.map(cell).join(' | ')} |`,
        `|${b.numeric.map((n) => (n ? '---:|' : '---|')).join('')}`,
        ...b.rows.map((row) => `| ${row.map((c) => inline(c, true)).join(' | ')} |`),
        '',
      ];
    case 'quote':
      return [`> “${md(quoteText(b.quote))}”`, ...(b.attribution === '' ? [] : [`> — ${md(b.attribution)}`]), ''];
    case 'chart':
      return [`![${cell(b.chart.description)}](${b.chart.file} "${b.chart.title.replace(/"/g, "'")}")`, ''];
  }
}

export const writeMarkdown = (document: ReportDocument): string => document.flatMap(block).join('\n');
