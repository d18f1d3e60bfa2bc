// Chooses the quotes that illustrate each code: each code's strongest passages, from different interviews, and no
// passage for two codes.
import type { Code } from '../codebook/codebook.js';
import { pushTo } from '../collections.js';
import type { CodingMark } from '../coding/coding.js';
import { strengthOf } from '../coding/strength.js';
import { quoteId } from '../privacy/quote-id.js';
import { codePointConverter, type CodePointOffset, type CodePointSpan } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import { cutAvoiding, cutPassage, LONG_QUOTE, quoteLength, SHORT_QUOTE, type Passage, type QuoteCut } from './quote-span.js';
import { PassageNotKept, type CodedPassage, type PassageText, type QuoteTexts } from './quote-texts.js';

export const QUOTES_PER_CODE = 3;

export interface Quote {
  /** Stable across runs: the transcript and the quote's place (see privacy/quote-id.ts). */
  readonly id: string;
  readonly code: Code;
  /** The coding it illustrates: its source, coder, score and strength. */
  readonly coding: CodingMark;
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
  readonly coding: CodingMark;
  readonly passage: CodedPassage;
  /** In the transcript's offsets. */
  readonly cut: QuoteCut;
  readonly readable: boolean;
}

// A person's segment first, then automatic codings by strength, then score.
const TIER = { strong: 2, moderate: 1, weak: 0 } as const;
const tierOf = (coding: CodingMark): number => (coding.source === 'human' ? 3 : TIER[strengthOf(coding)!]);
const scoreOf = (coding: CodingMark): number => (coding.source === 'auto' ? coding.score : 0);
// How many codings are cut into quotes at a time: cutting needs sentence segmentation, the costly part, so codings
// are ranked cheaply first and cut in small batches, where length can break ties of strength.
const BATCH = 8;

/** A code's codings as quotes are chosen from them, best first: all of them, or only the head of the list. */
export interface RankedCodings {
  readonly best: readonly CodingMark[];
  /** The code's codings in all: more than `best` holds when only its head was kept (a corpus streamed through). */
  readonly all: number;
  /** Interviews with a coding of the code. */
  readonly interviews: number;
  /**
   * Their ids, when `best` is only the head of the list: choosing goes past the head only if one of them is not
   * refused already (it could hold a coding further down), and then PassageNotKept is thrown.
   */
  readonly raisedIn?: () => Iterable<string>;
}

/** Each code's codings (by code id) as quotes are chosen from them. */
export type QuoteCandidates = ReadonlyMap<string, RankedCodings>;

/**
 * A person's segment first, then automatic codings by strength, then score, then reading order. `codings` come in
 * transcript, turn and position order: their index breaks ties.
 */
export function rankCodings(codings: readonly CodingMark[]): Map<string, RankedCodings> {
  const cheap = (a: number, b: number): number => tierOf(codings[b]!) - tierOf(codings[a]!) || scoreOf(codings[b]!) - scoreOf(codings[a]!) || a - b;
  const byCode = new Map<string, number[]>();
  codings.forEach((coding, i) => pushTo(byCode, coding.code.id, i));
  return new Map(
    [...byCode].map(([code, indices]) => {
      const best = indices.sort(cheap).map((i) => codings[i]!);
      return [code, { best, all: best.length, interviews: new Set(best.map((c) => c.transcript)).size }];
    }),
  );
}

/**
 * Up to QUOTES_PER_CODE quotes per code, each from a different interview, preferring a person's segments, then
 * stronger codings, then quotes of a readable length, then higher scores, then reading order. A passage quoted for
 * one code is not quoted for another: the codes with fewest interviews choose first, round by round (every code's
 * first quote before any code's second), and a code takes its next best passage. `pinned` quotes (an earlier choice,
 * minus the passages an interviewee withdrew) keep their places, so only the withdrawn ones are chosen anew.
 */
export function selectQuotes(
  codes: readonly Code[],
  candidates: QuoteCandidates,
  texts: QuoteTexts,
  policy: QuotePolicy = QUOTE_ANYTHING,
  pinned: readonly Quote[] = [],
): QuoteSelection {
  const used = new Map<string, (Span & { quote: Quote })[]>();
  // Whether a passage overlaps one its interviewee withdrew in a review.
  const isWithdrawn = (transcript: string, text: PassageText, span: Span): boolean => {
    const withdrawn = policy.withdrawn.get(transcript);
    if (withdrawn === undefined) return false;
    const [start, end] = codePointsOf(text, span);
    return withdrawn.some((w) => w.start < end && start < w.end);
  };

  const pools = codes
    .flatMap((code, order) => {
      const ranked = candidates.get(code.id);
      return ranked === undefined || ranked.interviews === 0 ? [] : [{ code, order, pool: new CandidatePool(code, ranked, texts), interviews: ranked.interviews }];
    })
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
      // Refused now and in every later round, since a code's quotes only grow: never cut, so never read.
      const hopeless = (transcript: string): boolean => mine.some((q) => q.transcript === transcript) || !policy.mayQuote(transcript);
      const pick = pool.take(hopeless, (candidate) => {
        const { coding, cut, passage } = candidate;
        if (hopeless(coding.transcript)) return undefined;
        if (isWithdrawn(coding.transcript, passage.text, cut.span)) return undefined;
        const taken = used.get(coding.transcript) ?? [];
        const clash = taken.find((u) => u.start < cut.span.end && u.end > cut.span.start);
        if (clash === undefined) return candidate;
        blockedBy ??= clash.quote;
        // The passage's next best: the part of it no other code's quote holds, if it still carries the code.
        const from = passage.text.from;
        const recut = cutAvoiding(localPassage(coding, passage), passage.text, taken.map((u) => shift(u, -from)));
        if (recut === undefined) return undefined;
        const cutHere = shiftCut(recut, from);
        return isWithdrawn(coding.transcript, passage.text, cutHere.span) ? undefined : candidateOf(coding, passage, cutHere);
      });
      if (pick === undefined) {
        if (round === 0 && blockedBy !== undefined) shared.push({ code, quotedUnder: blockedBy });
        continue;
      }
      const quote = quoteOf(code, pick);
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

function candidateOf(coding: CodingMark, passage: CodedPassage, cut: QuoteCut): Candidate {
  const length = quoteLength(passage.text, shift(cut.span, -passage.text.from));
  return { coding, passage, cut, readable: length >= SHORT_QUOTE && length <= LONG_QUOTE };
}

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });
const shiftCut = (cut: QuoteCut, by: number): QuoteCut => ({ ...cut, span: shift(cut.span, by) });

/** A coding's passage in the offsets of its stretch of text. */
function localPassage(coding: CodingMark, { text, hits }: CodedPassage): Passage {
  return { span: shift(coding.unitSpan, -text.from), hits: hits.map((h) => shift(h, -text.from)), isSegment: coding.source === 'human' };
}

// Code point converters of the stretches quotes are cut from, made once per stretch.
const converters = new WeakMap<PassageText, (utf16Offset: number) => CodePointOffset>();

/** A span of a stretch of text (in the transcript's UTF-16 offsets) in the transcript's code points. */
function codePointsOf(text: PassageText, span: Span): [CodePointOffset, CodePointOffset] {
  let toCodePoints = converters.get(text);
  if (toCodePoints === undefined) converters.set(text, (toCodePoints = codePointConverter(text.text)));
  // A stretch's own code points, counted on from those before it.
  return [(text.codePointsBefore + toCodePoints(span.start - text.from)) as CodePointOffset, (text.codePointsBefore + toCodePoints(span.end - text.from)) as CodePointOffset];
}

/** One code's codings, cut into quotes a batch at a time, best first within a batch. */
class CandidatePool {
  private readonly ranked: Candidate[] = [];
  private cutUpTo = 0;

  constructor(
    private readonly code: Code,
    private readonly codings: RankedCodings,
    private readonly texts: QuoteTexts,
  ) {}

  /**
   * The first candidate, best first, that `choose` takes (as it is, or cut otherwise); the candidates it refuses
   * stay for later rounds. Codings `hopeless` refuses are left out of the batches cut: taking them out of a batch
   * leaves the order of the others as it was.
   */
  take(hopeless: (transcript: string) => boolean, choose: (candidate: Candidate) => Candidate | undefined): Candidate | undefined {
    for (let i = 0; ; i++) {
      while (i >= this.ranked.length) if (!this.cutBatch(hopeless)) return undefined;
      const chosen = choose(this.ranked[i]!);
      if (chosen !== undefined) {
        this.ranked.splice(i, 1);
        return chosen;
      }
    }
  }

  private cutBatch(hopeless: (transcript: string) => boolean): boolean {
    const { best, all, raisedIn } = this.codings;
    if (this.cutUpTo >= best.length) {
      if (all > best.length && (raisedIn === undefined || [...raisedIn()].some((t) => !hopeless(t)))) throw new PassageNotKept(this.code);
      return false;
    }
    const batch = best
      .slice(this.cutUpTo, this.cutUpTo + BATCH)
      .filter((coding) => !hopeless(coding.transcript))
      .map((coding) => {
        const passage = this.texts.passageOf(coding);
        return candidateOf(coding, passage, shiftCut(cutPassage(localPassage(coding, passage), passage.text), passage.text.from));
      });
    this.cutUpTo += BATCH;
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
 * and checked for names as every quote is. `codesAt` gives the codes (ids) of the first source's codings in the units
 * a coding's unit overlaps.
 */
export function pairExample(a: Code, b: Code, quotes: readonly Quote[], codesAt: (coding: CodingMark) => ReadonlySet<string>): Quote | undefined {
  return quotes.find((q) => (q.code === a && codesAt(q.coding).has(b.id)) || (q.code === b && codesAt(q.coding).has(a.id)));
}

/** A code's quote of a candidate, from the stretch of text it is cut from. */
function quoteOf(code: Code, { coding, cut, passage }: Candidate): Quote {
  const { text } = passage;
  const [start, end] = codePointsOf(text, cut.span);
  const local = shift(cut.span, -text.from);
  return {
    id: quoteId(coding.transcript, start, end),
    code,
    coding,
    transcript: coding.transcript,
    turn: coding.turn,
    speaker: coding.speaker,
    words: text.text.slice(local.start, local.end).replace(/\s+/g, ' '),
    cutBefore: cut.cutBefore,
    cutAfter: cut.cutAfter,
    start,
    end,
    span: cut.span,
    line: text.line - 1 + lineAt(text.text, local.start),
  };
}

/** The 1-based line of a UTF-16 offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
