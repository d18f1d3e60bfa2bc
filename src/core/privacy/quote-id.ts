// Quote ids: the transcript and the quote's place in it, so the same passage has the same id in every run and a review
// file written for one run applies to the next.
import type { CodePointOffset } from '../text/offsets.js';

/** "M05:1234-1398": transcript id, then start and end in code points of the transcript's normalised text. */
export const quoteId = (transcript: string, start: CodePointOffset, end: CodePointOffset): string => `${transcript}:${start}-${end}`;

export interface QuotePlace {
  readonly transcript: string;
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
}

/** The place a quote id names, or undefined when it is not one (a transcript id may itself hold colons). */
export function parseQuoteId(id: string): QuotePlace | undefined {
  const m = /^(.+):(\d+)-(\d+)$/.exec(id.trim());
  if (m === null || Number(m[3]) <= Number(m[2])) return undefined;
  return { transcript: m[1]!, start: Number(m[2]) as CodePointOffset, end: Number(m[3]) as CodePointOffset };
}
