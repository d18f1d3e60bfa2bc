// The review round: the quotes an analyze run chose, grouped per interviewee with the sentences around each, and the
// review file's rows, keeping every decision an earlier round recorded (a withdrawal above all).
import { compareNatural } from '../problem.js';
import type { Language } from '../text/language.js';
import { utf16Converter, type CodePointOffset } from '../text/offsets.js';
import { sentenceSpans } from '../text/sentences.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { ReviewRow } from './quote-review.js';

/** A quote as analyze wrote it (quotes.csv or quotes-pending-review.csv). */
export interface ChosenQuote {
  readonly id: string;
  readonly codeId: string;
  readonly codeLabel: string;
  readonly transcript: string;
  readonly turn: number;
  /** As it would be printed (redacted if the run redacted). */
  readonly quote: string;
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  /** Held back until approved: the interviewee's consent is "review". */
  readonly pending: boolean;
}

export interface QuoteInContext extends ChosenQuote {
  /** The sentences of the same turn just before and after the quote; empty when the transcript was not found. */
  readonly before: string;
  readonly after: string;
  /** The decision recorded in an earlier round, if any. */
  readonly earlier?: ReviewRow;
}

export interface ReviewLetter {
  readonly transcript: string;
  readonly language: Language;
  readonly quotes: readonly QuoteInContext[];
}

/** Sentences around the quote within its turn: one before and one after. */
export function contextOf(quote: ChosenQuote, transcript: Transcript): { before: string; after: string } {
  const toUtf16 = utf16Converter(transcript.text);
  const start = toUtf16(quote.start);
  const end = toUtf16(quote.end);
  const turn = transcript.turns.find((t) => t.start <= start && end <= t.end + 1);
  if (turn === undefined || end > transcript.text.length) return { before: '', after: '' };
  const sentences = sentenceSpans(transcript.text, turn.start, turn.end, transcript.language);
  const fold = (a: number, b: number): string => transcript.text.slice(a, b).replace(/\s+/g, ' ').trim();
  const previous = sentences.filter((s) => s.end <= start).at(-1);
  const next = sentences.find((s) => s.start >= end);
  return { before: previous === undefined ? '' : fold(previous.start, start), after: next === undefined ? '' : fold(end, next.end) };
}

/** One letter per interviewee quoted (or awaiting approval), quotes in the order of the transcript. */
export function reviewLetters(quotes: readonly ChosenQuote[], transcripts: ReadonlyMap<string, Transcript>, earlier: readonly ReviewRow[]): ReviewLetter[] {
  const earlierOf = new Map(earlier.map((r) => [r.quoteId, r]));
  const ids = [...new Set(quotes.map((q) => q.transcript))].sort(compareNatural);
  return ids.map((id) => {
    const transcript = transcripts.get(id);
    const own = quotes.filter((q) => q.transcript === id).sort((a, b) => a.start - b.start || a.end - b.end || compareNatural(a.codeId, b.codeId));
    return {
      transcript: id,
      language: transcript?.language ?? 'en',
      quotes: own.map((q) => {
        const row = earlierOf.get(q.id);
        return { ...q, ...(transcript === undefined ? { before: '', after: '' } : contextOf(q, transcript)), ...(row === undefined ? {} : { earlier: row }) };
      }),
    };
  });
}

/**
 * The review file's rows: one per quote chosen (its earlier decision kept), then every earlier row with a decision
 * whose quote is no longer chosen, so a withdrawal is never lost when the file is rewritten.
 */
export function reviewRows(letters: readonly ReviewLetter[], earlier: readonly ReviewRow[]): Omit<ReviewRow, 'line'>[] {
  const rows: Omit<ReviewRow, 'line'>[] = [];
  const seen = new Set<string>();
  for (const letter of letters) {
    for (const q of letter.quotes) {
      if (seen.has(`${q.id}\u0000${q.codeId}`)) continue;
      seen.add(`${q.id}\u0000${q.codeId}`);
      seen.add(q.id);
      rows.push({ quoteId: q.id, transcript: q.transcript, codeId: q.codeId, quote: q.quote, decision: q.earlier?.decision, editedQuote: q.earlier?.editedQuote ?? '', note: q.earlier?.note ?? '' });
    }
  }
  for (const r of earlier) if (r.decision !== undefined && !seen.has(r.quoteId)) rows.push({ ...r });
  return rows;
}
