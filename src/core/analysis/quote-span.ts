// Cuts a coded passage down to its strongest stretch: around the terms that fired for an automatic coding, around
// the middle of a person's segment. Lengths leave fillers out (see fillers.ts).
import type { Coding } from '../coding/coding.js';
import { contentLength } from '../text/fillers.js';
import type { Language } from '../text/language.js';
import { sentenceSpans, type Span } from '../text/sentences.js';
import { scanWords } from '../text/tokenize.js';
import type { Transcript } from '../transcripts/transcript.js';

/** What a quote is cut from: text, and its language for sentences and fillers. */
export type QuotedText = Pick<Transcript, 'text' | 'language'>;

// A quote reads best between these lengths (UTF-16 units, fillers left out).
export const SHORT_QUOTE = 80;
export const LONG_QUOTE = 400;
/** What a passage too long to quote whole is cut down to. */
export const QUOTE_LENGTH = 300;

/** The stretch to quote, and whether words of the passage were left out before or after it (shown as "…"). */
export interface QuoteCut {
  readonly span: Span;
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

/** Where a passage is and what to centre its quote on. */
export interface Passage {
  readonly span: Span;
  /** Term occurrences (automatic codings); none for a person's segment, which is centred on its middle. */
  readonly hits: readonly Span[];
  /** A person chose the passage: leaving out part of it is shown, and so is leaving out whole sentences. */
  readonly isSegment: boolean;
}

export const passageOf = (coding: Coding): Passage => ({
  span: coding.unitSpan,
  hits: coding.source === 'auto' ? coding.hitSpans : [],
  isSegment: coding.source === 'human',
});

/** The readable length of a quote: fillers do not count. */
export const quoteLength = (transcript: QuotedText, span: Span): number => contentLength(transcript.text, span.start, span.end, transcript.language);

/** The part of a coding to quote. */
export const quoteSpan = (coding: Coding, transcript: QuotedText): QuoteCut => cutPassage(passageOf(coding), transcript);

export function cutPassage(passage: Passage, transcript: QuotedText): QuoteCut {
  const { text, language } = transcript;
  const { span } = passage;
  const length = (s: Span) => contentLength(text, s.start, s.end, language);
  const whole = { span, cutBefore: false, cutAfter: false };
  if (passage.isSegment && length(span) <= LONG_QUOTE) return whole;
  const sentences = sentenceSpans(text, span.start, span.end, language);
  if (sentences.length === 0) return whole;
  const chosen = passage.isSegment ? aroundMiddle(sentences, span, length) : aroundHits(sentences, passage.hits, length);
  // A single sentence too long to quote (a turn of an automatic transcript without punctuation): cut at words.
  const cut = length(chosen) > LONG_QUOTE ? wordWindow(text, chosen, focusOf(chosen, passage), language) : chosen;
  // Whole sentences left out of an automatic coding's turn need no mark; any cut within a sentence, and any part
  // of a person's segment left out, does.
  const within = (edge: number) => !sentences.some((s) => s.start === edge || s.end === edge);
  return {
    span: cut,
    cutBefore: cut.start > span.start && (passage.isSegment || within(cut.start)),
    cutAfter: cut.end < span.end && (passage.isSegment || within(cut.end)),
  };
}

/**
 * The sentence with most of the code's term occurrences, widened to neighbouring sentences that also carry them
 * (or, when it is very short, to the next one) while it stays readable.
 */
function aroundHits(sentences: readonly Span[], hits: readonly Span[], length: (s: Span) => number): Span {
  const hitsIn = sentences.map((s) => hits.filter((h) => h.start < s.end && h.end > s.start).length);
  let best = 0;
  hitsIn.forEach((n, i) => {
    if (n > hitsIn[best]!) best = i;
  });
  const stretch = (a: number, b: number): Span => ({ start: sentences[a]!.start, end: sentences[b]!.end });
  let first = best;
  let last = best;
  for (;;) {
    const canLeft = first > 0 && hitsIn[first - 1]! > 0 && length(stretch(first - 1, last)) <= LONG_QUOTE;
    const canRight = last < sentences.length - 1 && hitsIn[last + 1]! > 0 && length(stretch(first, last + 1)) <= LONG_QUOTE;
    if (canRight) last++;
    else if (canLeft) first--;
    else break;
  }
  if (length(stretch(first, last)) < SHORT_QUOTE && last < sentences.length - 1 && length(stretch(first, last + 1)) <= LONG_QUOTE) last++;
  return stretch(first, last);
}

/** The sentence at the middle of a segment, widened by a sentence on each side in turn while it fits QUOTE_LENGTH. */
function aroundMiddle(sentences: readonly Span[], segment: Span, length: (s: Span) => number): Span {
  const middle = (segment.start + segment.end) / 2;
  let first = sentences.findIndex((s) => s.end > middle);
  if (first < 0) first = sentences.length - 1;
  let last = first;
  const stretch = (a: number, b: number): Span => ({ start: sentences[a]!.start, end: sentences[b]!.end });
  for (let grew = true; grew; ) {
    grew = false;
    if (last < sentences.length - 1 && length(stretch(first, last + 1)) <= QUOTE_LENGTH) {
      last++;
      grew = true;
    }
    if (first > 0 && length(stretch(first - 1, last)) <= QUOTE_LENGTH) {
      first--;
      grew = true;
    }
  }
  return stretch(first, last);
}

/** What a word window centres on: the term occurrences in the stretch, else its middle. */
function focusOf(stretch: Span, passage: Passage): Span {
  const inside = passage.hits.filter((h) => h.start >= stretch.start && h.end <= stretch.end);
  if (inside.length === 0) {
    const middle = Math.floor((stretch.start + stretch.end) / 2);
    return { start: middle, end: middle };
  }
  // From the first occurrence, as many of the following ones as fit in a quote.
  let end = inside[0]!.end;
  for (const h of inside) if (h.end - inside[0]!.start <= QUOTE_LENGTH) end = Math.max(end, h.end);
  return { start: inside[0]!.start, end };
}

/** Whole words of `stretch` around `focus`, taken alternately on each side until QUOTE_LENGTH is reached. */
function wordWindow(text: string, stretch: Span, focus: Span, language: Language): Span {
  // Only the words near the focus are read: a stretch can be a whole recording transcribed on one line. A word the
  // edge of that reach cuts in two is left out.
  const from = Math.max(stretch.start, focus.start - 2 * QUOTE_LENGTH);
  const to = Math.min(stretch.end, focus.end + 2 * QUOTE_LENGTH);
  const starts: number[] = [];
  const ends: number[] = [];
  scanWords(text.slice(from, to), (s, e) => {
    starts.push(from + s);
    ends.push(from + e);
  });
  if (from > stretch.start && starts.length > 1) starts.shift(), ends.shift();
  if (to < stretch.end && starts.length > 1) starts.pop(), ends.pop();
  if (starts.length === 0) return stretch;
  // The words the focus touches (for an empty focus, the word at or after it).
  let first = starts.findIndex((_, i) => ends[i]! > focus.start);
  if (first < 0) first = starts.length - 1;
  let last = first;
  while (last + 1 < starts.length && starts[last + 1]! < focus.end) last++;
  // Punctuation closing the last word belongs to the quote ("…risk.").
  const closing = (i: number): number => {
    let end = ends[i]!;
    while (end < stretch.end && /[.,;:!?…)"”’]/u.test(text[end]!)) end++;
    return end;
  };
  const length = (a: number, b: number) => contentLength(text, starts[a]!, closing(b), language);
  for (let grew = true; grew; ) {
    grew = false;
    if (last + 1 < starts.length && length(first, last + 1) <= QUOTE_LENGTH) {
      last++;
      grew = true;
    }
    if (first > 0 && length(first - 1, last) <= QUOTE_LENGTH) {
      first--;
      grew = true;
    }
  }
  return {
    start: first === 0 && from === stretch.start ? stretch.start : starts[first]!,
    end: last === starts.length - 1 && to === stretch.end ? stretch.end : closing(last),
  };
}

/**
 * The best cut of a passage that overlaps none of `taken` (quotes already chosen for other codes): among the runs of
 * its sentences clear of them, the one with most term occurrences (for a person's segment, the longest), cut as
 * usual. Undefined when no such run is left.
 */
export function cutAvoiding(passage: Passage, transcript: QuotedText, taken: readonly Span[]): QuoteCut | undefined {
  const runs: Span[] = [];
  let run: Span | undefined;
  for (const s of sentenceSpans(transcript.text, passage.span.start, passage.span.end, transcript.language)) {
    if (taken.some((t) => t.start < s.end && t.end > s.start)) {
      if (run !== undefined) runs.push(run);
      run = undefined;
    } else run = { start: run?.start ?? s.start, end: s.end };
  }
  if (run !== undefined) runs.push(run);
  const hitsIn = (r: Span) => passage.hits.filter((h) => h.start >= r.start && h.end <= r.end);
  let best: { run: Span; weight: number } | undefined;
  for (const r of runs) {
    const weight = passage.isSegment ? r.end - r.start : hitsIn(r).length;
    if (weight > 0 && (best === undefined || weight > best.weight)) best = { run: r, weight };
  }
  if (best === undefined) return undefined;
  const cut = cutPassage({ span: best.run, hits: hitsIn(best.run), isSegment: passage.isSegment }, transcript);
  // Part of a person's segment left out is shown, even when what is left out is another code's quote.
  return passage.isSegment ? { span: cut.span, cutBefore: cut.span.start > passage.span.start, cutAfter: cut.span.end < passage.span.end } : cut;
}
