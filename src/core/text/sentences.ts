// Sentence boundaries, for sentence units and for cutting quotes out of long turns.
import type { Language } from './language.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

const segmenters = new Map<Language, Intl.Segmenter>();

/** Sentences of text[start, end) as trimmed UTF-16 spans into `text`. */
export function sentenceSpans(text: string, start: number, end: number, language: Language): Span[] {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  const spans: Span[] = [];
  // A line break alone is where a transcript was wrapped, not where a sentence ends (Unicode's rules break there):
  // segment with those as spaces, which keeps every offset. Blank lines still end a sentence.
  const unwrapped = text.slice(start, end).replace(/(\S[ \t]*)\n(?=[ \t]*\S)/g, '$1 ');
  for (const { segment, index } of segmenter.segment(unwrapped)) {
    const trimmed = trimSpan(text, start + index, start + index + segment.length);
    if (trimmed.end > trimmed.start) spans.push(trimmed);
  }
  return spans;
}

/** Narrows [start, end) so it neither starts nor ends with white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
