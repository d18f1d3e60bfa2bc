// Chooses the quotes that illustrate each code: each code's strongest passages, from different interviews, and no
// passage for two codes.
import type { Code } from '../codebook/codebook.js';
import { groupBy } from '../collections.js';
import type { Coding } from '../coding/coding.js';
import { strengthOf } from '../coding/strength.js';
import { quoteId } from '../privacy/quote-id.js';
import { codePointConverter, type CodePointOffset, type CodePointSpan } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import type { Transcript } from '../transcripts/transcript.js';
import { cutAvoiding, LONG_QUOTE, passageOf, quoteLength, quoteSpan, SHORT_QUOTE, type QuoteCut } from './quote-span.js';

export const QUOTES_PER_CODE = 3;

export interface Quote {
  /** Stable across runs: the transcript and the quote's place (see privacy/quote-id.ts). */
  readonly id: string;
  readonly code: Code;
  /** The coding it illustrates: its source, coder, score and strength. */
  readonly coding: Coding;
  readonly transcript: string;
  readonly turn: number;
  readonly speaker: string;
  /** The quoted words exactly as in the transcript, with line breaks and runs of spaces folded to one space. */
  readonly words: string;
  /** Words of the coded passage left out before or after the quote. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  /** Where the quote is, in code points of the transcript's normalised text, end exclusive. */
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  /** Internal: the same place as a UTF-16 span, for keeping other quotes off it. */
  readonly span: Span;
  /** The line of the transcript file the quote starts on, from 1. */
  readonly line: number;
  /** How the interviewee's review left it, when it was reviewed: `words` are then the edited ones. */
  readonly review?: 'approved' | 'edited';
}

/** Which passages may be quoted: interviewees who did not consent, and passages withdrawn in a review, are skipped. */
export interface QuotePolicy {
  readonly mayQuote: (transcript: string) => boolean;
  /** Passages withdrawn, per transcript, in code points: a quote overlapping one is never chosen. */
  readonly withdrawn: ReadonlyMap<string, readonly CodePointSpan[]>;
}

const QUOTE_ANYTHING: QuotePolicy = { mayQuote: () => true, withdrawn: new Map() };

/** A code with codings whose every passage illustrates another code already: the report points there instead. */
export interface SharedPassage {
  readonly code: Code;
  readonly quotedUnder: Quote;
}

export interface QuoteSelection {
  /** In codebook order of their codes, each code's quotes best first. */
  readonly quotes: readonly Quote[];
  readonly shared: readonly SharedPassage[];
}

/**
 * The text of a quote as every output shows it, "…" marking words left out. Quotes reach readers only through
 * here: redaction of names hooks in at this one place.
 */
export const quoteText = (quote: Quote): string => `${quote.cutBefore ? '… ' : ''}${quote.words}${quote.cutAfter ? ' …' : ''}`;

interface Candidate {
  readonly coding: Coding;
  readonly cut: QuoteCut;
  readonly readable: boolean;
}

// A person's segment first, then automatic codings by strength, then score.
const TIER = { strong: 2, moderate: 1, weak: 0 } as const;
const tierOf = (coding: Coding): number => (coding.source === 'human' ? 3 : TIER[strengthOf(coding)!]);
const scoreOf = (coding: Coding): number => (coding.source === 'auto' ? coding.score : 0);
// How many codings are cut into quotes at a time: cutting needs sentence segmentation, the costly part, so codings
// are ranked cheaply first and cut in small batches, where length can break ties of strength.
const BATCH = 8;

/**
 * Up to QUOTES_PER_CODE quotes per code, each from a different interview, preferring a person's segments, then
 * stronger codings, then quotes of a readable length, then higher scores, then reading order. A passage quoted for
 * one code is not quoted for another: the codes with fewest interviews choose first, round by round (every code's
 * first quote before any code's second), and a code takes its next best passage. `pinned` quotes (an earlier choice,
 * minus the passages an interviewee withdrew) keep their places, so only the withdrawn ones are chosen anew.
 */
export function selectQuotes(
  codes: readonly Code[],
  codings: readonly Coding[],
  transcripts: ReadonlyMap<string, Transcript>,
  policy: QuotePolicy = QUOTE_ANYTHING,
  pinned: readonly Quote[] = [],
): QuoteSelection {
  // Codings come in transcript, turn and position order: their index breaks ties.
  const position = new Map(codings.map((coding, i) => [coding, i]));
  const cheap = (a: Coding, b: Coding): number => tierOf(b) - tierOf(a) || scoreOf(b) - scoreOf(a) || position.get(a)! - position.get(b)!;
  const byCode = groupBy(codings, (coding) => coding.code.id);
  const used = new Map<string, (Span & { quote: Quote })[]>();
  const quoter = quoteMaker(transcripts);
  const converters = new Map<string, (utf16Offset: number) => CodePointOffset>();
  // Whether a passage overlaps one its interviewee withdrew in a review.
  const isWithdrawn = (transcript: Transcript, span: Span): boolean => {
    const withdrawn = policy.withdrawn.get(transcript.id);
    if (withdrawn === undefined) return false;
    let toCodePoints = converters.get(transcript.id);
    if (toCodePoints === undefined) converters.set(transcript.id, (toCodePoints = codePointConverter(transcript.text)));
    const [start, end] = [toCodePoints(span.start), toCodePoints(span.end)];
    return withdrawn.some((w) => w.start < end && start < w.end);
  };

  const pools = codes
    .map((code, order) => {
      const own = (byCode.get(code.id) ?? []).sort(cheap);
      return { code, order, pool: new CandidatePool(own, transcripts), interviews: new Set(own.map((c) => c.transcript)).size };
    })
    .filter((p) => p.interviews > 0)
    .sort((a, b) => a.interviews - b.interviews || a.order - b.order);
  const chosen = new Map<string, Quote[]>(pools.map((p) => [p.code.id, []]));
  // Quotes kept from an earlier choice hold their places: only the places left are chosen anew.
  for (const quote of pinned) {
    chosen.get(quote.code.id)!.push(quote);
    const spans = used.get(quote.transcript) ?? [];
    spans.push({ ...quote.span, quote });
    used.set(quote.transcript, spans);
  }
  const shared: SharedPassage[] = [];
  for (let round = 0; round < QUOTES_PER_CODE; round++) {
    for (const { code, pool } of pools) {
      const mine = chosen.get(code.id)!;
      // A code that found nothing in an earlier round has nothing more; one holding pinned quotes waits for its round.
      if (mine.length !== round) continue;
      let blockedBy: Quote | undefined;
      const pick = pool.take((candidate) => {
        const { coding, cut } = candidate;
        if (mine.some((q) => q.transcript === coding.transcript) || !policy.mayQuote(coding.transcript)) return undefined;
        const transcript = transcripts.get(coding.transcript)!;
        if (isWithdrawn(transcript, cut.span)) return undefined;
        const taken = used.get(coding.transcript) ?? [];
        const clash = taken.find((u) => u.start < cut.span.end && u.end > cut.span.start);
        if (clash === undefined) return candidate;
        blockedBy ??= clash.quote;
        // The passage's next best: the part of it no other code's quote holds, if it still carries the code.
        const recut = cutAvoiding(passageOf(coding), transcript, taken);
        return recut === undefined || isWithdrawn(transcript, recut.span) ? undefined : candidateOf(coding, recut, transcript);
      });
      if (pick === undefined) {
        if (round === 0 && blockedBy !== undefined) shared.push({ code, quotedUnder: blockedBy });
        continue;
      }
      const quote = quoter(code, pick);
      mine.push(quote);
      const spans = used.get(quote.transcript) ?? [];
      spans.push({ ...pick.cut.span, quote });
      used.set(quote.transcript, spans);
    }
  }
  const order = new Map(codes.map((c, i) => [c.id, i]));
  return {
    quotes: codes.flatMap((c) => chosen.get(c.id) ?? []),
    shared: shared.sort((a, b) => order.get(a.code.id)! - order.get(b.code.id)!),
  };
}

function candidateOf(coding: Coding, cut: QuoteCut, transcript: Transcript): Candidate {
  const length = quoteLength(transcript, cut.span);
  return { coding, cut, readable: length >= SHORT_QUOTE && length <= LONG_QUOTE };
}

/** One code's codings, cut into quotes a batch at a time, best first within a batch. */
class CandidatePool {
  private readonly ranked: Candidate[] = [];
  private cutUpTo = 0;

  constructor(
    private readonly codings: readonly Coding[],
    private readonly transcripts: ReadonlyMap<string, Transcript>,
  ) {}

  /**
   * The first candidate, best first, that `choose` takes (as it is, or cut otherwise); the candidates it refuses
   * stay for later rounds.
   */
  take(choose: (candidate: Candidate) => Candidate | undefined): Candidate | undefined {
    for (let i = 0; ; i++) {
      if (i >= this.ranked.length && !this.cutBatch()) return undefined;
      const chosen = choose(this.ranked[i]!);
      if (chosen !== undefined) {
        this.ranked.splice(i, 1);
        return chosen;
      }
    }
  }

  private cutBatch(): boolean {
    if (this.cutUpTo >= this.codings.length) return false;
    const batch = this.codings.slice(this.cutUpTo, this.cutUpTo + BATCH).map((coding) => {
      const transcript = this.transcripts.get(coding.transcript)!;
      return candidateOf(coding, quoteSpan(coding, transcript), transcript);
    });
    this.cutUpTo += batch.length;
    // Within a batch: strength, then readable length, then score and reading order (the batch's order).
    const rank = new Map(batch.map((c, i) => [c, i]));
    batch.sort((a, b) => tierOf(b.coding) - tierOf(a.coding) || Number(b.readable) - Number(a.readable) || rank.get(a)! - rank.get(b)!);
    this.ranked.push(...batch);
    return true;
  }
}

/**
 * A published quote that shows two codes together: one of either code lying in a unit the other code was given too
 * (the first in quote order). Quotes only, never a fresh passage: what a reader sees has been consented to, reviewed
 * and checked for names as every quote is.
 */
export function pairExample(a: Code, b: Code, quotes: readonly Quote[], codings: readonly Coding[]): Quote | undefined {
  const byTranscript = groupBy(codings, (c) => c.transcript);
  const coded = (code: Code, quote: Quote): boolean =>
    (byTranscript.get(quote.transcript) ?? []).some((c) => c.code === code && c.unitSpan.start < quote.coding.unitSpan.end && quote.coding.unitSpan.start < c.unitSpan.end);
  return quotes.find((q) => (q.code === a && coded(b, q)) || (q.code === b && coded(a, q)));
}

/** Builds quotes, converting offsets with one converter per transcript. */
function quoteMaker(transcripts: ReadonlyMap<string, Transcript>): (code: Code, candidate: Candidate) => Quote {
  const converters = new Map<string, (utf16Offset: number) => CodePointOffset>();
  return (code, { coding, cut }) => {
    const transcript = transcripts.get(coding.transcript)!;
    let toCodePoints = converters.get(transcript.id);
    if (toCodePoints === undefined) converters.set(transcript.id, (toCodePoints = codePointConverter(transcript.text)));
    const [start, end] = [toCodePoints(cut.span.start), toCodePoints(cut.span.end)];
    return {
      id: quoteId(coding.transcript, start, end),
      code,
      coding,
      transcript: coding.transcript,
      turn: coding.turn,
      speaker: coding.speaker,
      words: transcript.text.slice(cut.span.start, cut.span.end).replace(/\s+/g, ' '),
      cutBefore: cut.cutBefore,
      cutAfter: cut.cutAfter,
      start,
      end,
      span: cut.span,
      line: lineAt(transcript.text, cut.span.start),
    };
  };
}

/** The 1-based line of a UTF-16 offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
