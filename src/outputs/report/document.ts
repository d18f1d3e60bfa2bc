// The report as a document of headings, paragraphs, lists, tables, quotes and charts: built once from the analysis,
// then written as Markdown (report.md) and HTML (report.html), so both say the same.
import type { Quote } from '../../core/analysis/quotes.js';
import type { ChartRef } from '../charts/chart.js';

/** Text inside a block; strings are plain text, escaped by each writer. */
export type Inline = string | { readonly strong: string } | { readonly emphasis: string } | { readonly lineBreak: true };

export interface ListItem {
  readonly content: readonly Inline[];
  readonly items?: readonly ListItem[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly numeric: readonly boolean[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly kind: 'quote'; readonly quote: Quote; readonly attribution: string }
  | { readonly kind: 'chart'; readonly chart: ChartRef };

export type ReportDocument = readonly Block[];

/** An id for a heading's anchor: lower case words joined by hyphens ("3.1 People" → "3-1-people"). */
export const anchorOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text, id: anchorOf(text) });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const list = (items: readonly ListItem[]): Block => ({ kind: 'list', items });
export const item = (content: readonly Inline[], items?: readonly ListItem[]): ListItem => (items === undefined || items.length === 0 ? { content } : { content, items });
export const strong = (text: string): Inline => ({ strong: text });
export const emphasis = (text: string): Inline => ({ emphasis: text });
