// The interviewees' review of their quotes: a review file's decisions (approve, edit, withdraw, or none yet), which
// passages are withdrawn for good, and which selected quotes are published, edited, or held back awaiting approval.
import type { Quote } from '../analysis/quotes.js';
import { error, fail, ok, warning, type Problem, type Result } from '../problem.js';
import { codePointConverter, type CodePointOffset, type CodePointSpan } from '../text/offsets.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { Consent } from './consent.js';
import { FINDING_KINDS } from './findings.js';
import { parseQuoteId } from './quote-id.js';

export const REVIEW_COLUMNS = ['quote_id', 'transcript', 'code_id', 'quote', 'decision', 'edited_quote', 'note'] as const;
export const REVIEW_DECISIONS = ['approve', 'edit', 'withdraw'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewRow {
  /** The row's line in the file, for messages. */
  readonly line: number;
  readonly quoteId: string;
  readonly transcript: string;
  readonly codeId: string;
  /** The quote as the interviewee was shown it. */
  readonly quote: string;
  /** Undefined: no answer yet (pending). */
  readonly decision: ReviewDecision | undefined;
  readonly editedQuote: string;
  readonly note: string;
}

export interface QuoteReview {
  readonly file: string;
  readonly rows: readonly ReviewRow[];
}

// People write "approved" as often as "approve".
const DECISION_WORDS: Record<string, ReviewDecision> = { approve: 'approve', approved: 'approve', edit: 'edit', edited: 'edit', withdraw: 'withdraw', withdrawn: 'withdraw' };

/** A review file's rows (cells by column name, with their line): unknown decisions and edits without text are errors. */
export function parseQuoteReview(file: string, rows: readonly { readonly line: number; readonly cells: Readonly<Record<string, string>> }[]): Result<QuoteReview> {
  const problems: Problem[] = [];
  const parsed: ReviewRow[] = [];
  for (const { line, cells } of rows) {
    const cell = (name: string): string => (cells[name] ?? '').trim();
    const word = cell('decision').toLowerCase();
    const decision = word === '' ? undefined : DECISION_WORDS[word];
    if (word !== '' && decision === undefined) {
      problems.push(error({ file, line }, `unknown decision "${cell('decision')}"`, `use approve, edit or withdraw, or leave it empty while the interviewee has not answered`));
      continue;
    }
    if (cell('quote_id') === '') {
      problems.push(error({ file, line }, 'a row without quote_id', 'keep the quote_id column as collab-code quotes review wrote it'));
      continue;
    }
    if (decision === 'edit' && cell('edited_quote') === '') {
      problems.push(error({ file, line }, 'decision "edit" without an edited_quote', 'write the quote as the interviewee wants it printed in edited_quote'));
      continue;
    }
    parsed.push({ line, quoteId: cell('quote_id'), transcript: cell('transcript'), codeId: cell('code_id'), quote: cell('quote'), decision, editedQuote: cell('edited_quote'), note: cell('note') });
  }
  return problems.length > 0 ? fail(problems) : ok({ file, rows: parsed });
}

/** Passages never to be quoted again, per transcript, in code points; and warnings for rows that match nothing. */
export function withdrawnPassages(review: QuoteReview, transcripts: ReadonlyMap<string, Transcript>): { passages: Map<string, CodePointSpan[]>; warnings: Problem[] } {
  const passages = new Map<string, CodePointSpan[]>();
  const warnings: Problem[] = [];
  for (const row of review.rows.filter((r) => r.decision === 'withdraw')) {
    const place = parseQuoteId(row.quoteId);
    const transcript = transcripts.get(place?.transcript ?? row.transcript);
    if (transcript === undefined) {
      warnings.push({ ...warning({ file: review.file, line: row.line }, `withdrawn quote ${row.quoteId} matches no transcript`, 'check the quote_id and transcript columns: the passage cannot be kept out if it is not found'), kind: 'review row matches nothing' });
      continue;
    }
    const spans = passages.get(transcript.id) ?? [];
    passages.set(transcript.id, spans);
    // The passage at the id's place, if the text there is still the quote; else the quote's text wherever it now is
    // (the transcript was edited); else, to be safe, the id's place all the same.
    const atPlace = place !== undefined && row.quote !== '' && sameQuote(textAt(transcript.text, place), row.quote);
    const found = atPlace || row.quote === '' ? undefined : findQuote(transcript.text, row.quote);
    if (place !== undefined && (atPlace || found === undefined)) spans.push(place);
    if (found !== undefined) spans.push(found);
    if (!atPlace && place !== undefined && found === undefined && row.quote !== '') {
      warnings.push({ ...warning({ file: review.file, line: row.line }, `withdrawn quote ${row.quoteId}: its text is no longer at that place in ${transcript.id}`, 'the passage at the place is kept out; if the transcript changed, check that the withdrawn words are not quoted elsewhere'), kind: 'review row matches nothing' });
    }
    if (place === undefined && found === undefined) {
      warnings.push({ ...warning({ file: review.file, line: row.line }, `withdrawn quote ${row.quoteId} matches nothing in ${transcript.id}`, 'neither its quote_id nor its quote text is found: check the row'), kind: 'review row matches nothing' });
    }
  }
  return { passages, warnings };
}

export interface ReviewCounts {
  readonly approved: number;
  readonly edited: number;
  readonly withdrawn: number;
  /** Quotes awaiting an answer: an empty decision, or a quote of an interviewee who asked to review and has no row. */
  readonly pending: number;
  /** Of those, the ones not published because the interviewee's consent is "review". */
  readonly withheld: number;
}

export interface ReviewedQuotes {
  /** The quotes to publish: edits applied. */
  readonly published: readonly Quote[];
  /** Quotes held back until their interviewee approves them. */
  readonly pending: readonly Quote[];
  readonly counts: ReviewCounts;
  readonly warnings: readonly Problem[];
}

/** Applies approvals and edits to the selected quotes and holds back those awaiting an approval their consent requires. */
export function applyReview(selected: readonly Quote[], review: QuoteReview | undefined, consentOf: (transcript: string) => Consent): ReviewedQuotes {
  const rowOf = new Map((review?.rows ?? []).filter((r) => r.decision !== 'withdraw').map((r) => [r.quoteId, r]));
  const published: Quote[] = [];
  const pending: Quote[] = [];
  let approved = 0;
  let edited = 0;
  let waiting = 0;
  const used = new Set<string>();
  for (const quote of selected) {
    const row = rowOf.get(quote.id);
    if (row !== undefined) used.add(row.quoteId);
    if (row?.decision === 'approve') {
      approved++;
      published.push({ ...quote, review: 'approved' });
    } else if (row?.decision === 'edit') {
      edited++;
      // The interviewee's words are the quote, as they wrote them: any "…" they kept is in them.
      published.push({ ...quote, words: row.editedQuote.replace(/\s+/g, ' ').trim(), cutBefore: false, cutAfter: false, review: 'edited' });
    } else {
      if (row !== undefined || consentOf(quote.transcript) === 'review') waiting++;
      if (consentOf(quote.transcript) === 'review') pending.push(quote);
      else published.push(quote);
    }
  }
  const warnings = [...rowOf.values()]
    .filter((r) => !used.has(r.quoteId))
    .map((r) => ({
      ...warning({ file: review!.file, line: r.line }, `quote ${r.quoteId} (${r.decision ?? 'no decision'}) matches no quote of this run`, 'the passage is no longer chosen, or the transcript changed; the decision is not applied'),
      kind: 'review row matches nothing',
    }));
  const withdrawn = (review?.rows ?? []).filter((r) => r.decision === 'withdraw').length;
  return { published, pending, counts: { approved, edited, withdrawn, pending: waiting, withheld: pending.length }, warnings };
}

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
// A quote as shown marks words left out with "…" at either end (quoteText); the passage has no such marks.
const unmarked = (quote: string): string => fold(quote).replace(/^…\s*/, '').replace(/\s*…$/, '');
const PLACEHOLDER = new RegExp(`\\[(?:${FINDING_KINDS.join('|')})\\]`, 'g');

function textAt(text: string, span: CodePointSpan): string {
  // Code points to UTF-16: walk only as far as the span's end.
  const chars = Array.from(text.length > span.end * 2 + 2 ? text.slice(0, span.end * 2 + 2) : text);
  return chars.slice(span.start, span.end).join('');
}

/** Whether a passage is the quote shown to the interviewee: spacing ignored, and a redacted "[name]" standing for any words. */
function sameQuote(passage: string, quote: string): boolean {
  return new RegExp(`^${quotePattern(unmarked(quote))}$`, 'u').test(fold(passage));
}

const quotePattern = (quote: string): string =>
  fold(quote)
    .split(PLACEHOLDER)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('[\\s\\S]{1,120}?');

/** Where the quote's text now is in the transcript, in code points. */
function findQuote(text: string, quote: string): CodePointSpan | undefined {
  const m = new RegExp(quotePattern(unmarked(quote)), 'u').exec(text);
  if (m === null) return undefined;
  const toCodePoints = codePointConverter(text);
  return { start: toCodePoints(m.index), end: toCodePoints(m.index + m[0].length) as CodePointOffset };
}
