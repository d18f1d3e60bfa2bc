// Chooses the quotes that illustrate each code: the sentences that carry its terms, from different interviews.
import type { Code } from '../codebook/codebook.js';
import { groupBy } from '../collections.js';
import type { Coding } from '../coding/coding.js';
import { quoteId } from '../privacy/quote-id.js';
import { codePointConverter, type CodePointOffset, type CodePointSpan } from '../text/offsets.js';
import { sentenceSpans, type Span } from '../text/sentences.js';
import type { Transcript } from '../transcripts/transcript.js';

export const QUOTES_PER_CODE = 3;
// A quote reads best between these lengths (UTF-16 units); longer stretches are cut back to sentences.
const SHORT_QUOTE = 80;
const LONG_QUOTE = 400;

export interface Quote {
  /** Stable across runs: the transcript and the quote's place (see quote-id.ts). */
  readonly id: string;
  readonly code: Code;
  readonly transcript: string;
  readonly turn: number;
  readonly speaker: string;
  /** The quoted words with line breaks and runs of spaces folded to one space. */
  readonly text: string;
  /** Where the quote is, in code points of the transcript's normalised text, end exclusive. */
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  /** How the interviewee's review left it, when it was reviewed: the text is then the edited one. */
  readonly review?: 'approved' | 'edited';
}

/** Which passages may be quoted: interviewees who did not consent, and passages withdrawn in a review, are skipped. */
export interface QuotePolicy {
  readonly mayQuote: (transcript: string) => boolean;
  /** Passages withdrawn, per transcript, in code points: a quote overlapping one is never chosen. */
  readonly withdrawn: ReadonlyMap<string, readonly CodePointSpan[]>;
}

const QUOTE_ANYTHING: QuotePolicy = { mayQuote: () => true, withdrawn: new Map() };

interface Candidate {
  readonly coding: Coding;
  readonly span: Span;
}

/**
 * Up to QUOTES_PER_CODE quotes per code, each from a different interview: human codings first, then highest score,
 * then quotes of a readable length, then interview id, turn and position.
 */
export function selectQuotes(codes: readonly Code[], codings: readonly Coding[], transcripts: ReadonlyMap<string, Transcript>, policy: QuotePolicy = QUOTE_ANYTHING): Quote[] {
  const byCode = groupBy(codings, (coding) => coding.code.id);
  // Codings come in transcript, turn and position order: their index breaks ties of score.
  const position = new Map(codings.map((coding, i) => [coding, i]));
  const byStrength = (a: Coding, b: Coding): number => strengthOf(b) - strengthOf(a) || position.get(a)! - position.get(b)!;
  const converters = new Map<string, (utf16Offset: number) => CodePointOffset>();
  const toCodePointsIn = (transcript: Transcript) => {
    let convert = converters.get(transcript.id);
    if (convert === undefined) {
      convert = codePointConverter(transcript.text);
      converters.set(transcript.id, convert);
    }
    return convert;
  };
  const quotes: Quote[] = [];
  for (const code of codes) {
    // Cutting a quote needs sentence segmentation, the costly part; so rank codings cheaply first, keep the
    // best of each interview, and cut quotes only for the leading few, where length can break ties of score.
    // A withdrawn passage gives way to the interview's next best coding, so its span is cut here already.
    const best = new Map<string, Candidate>();
    for (const coding of (byCode.get(code.id) ?? []).sort(byStrength)) {
      if (best.size >= SHORTLIST) break;
      if (best.has(coding.transcript) || !policy.mayQuote(coding.transcript)) continue;
      const transcript = transcripts.get(coding.transcript)!;
      const span = quoteSpan(coding, transcript);
      const withdrawn = policy.withdrawn.get(coding.transcript);
      if (withdrawn !== undefined) {
        const toCodePoints = toCodePointsIn(transcript);
        const [start, end] = [toCodePoints(span.start), toCodePoints(span.end)];
        if (withdrawn.some((w) => w.start < end && start < w.end)) continue;
      }
      best.set(coding.transcript, { coding, span });
    }
    const candidates = [...best.values()];
    candidates.sort((a, b) => strengthOf(b.coding) - strengthOf(a.coding) || lengthPenalty(a.span) - lengthPenalty(b.span) || byStrength(a.coding, b.coding));
    for (const { coding, span } of candidates.slice(0, QUOTES_PER_CODE)) {
      const transcript = transcripts.get(coding.transcript)!;
      const toCodePoints = toCodePointsIn(transcript);
      const [start, end] = [toCodePoints(span.start), toCodePoints(span.end)];
      quotes.push({
        id: quoteId(coding.transcript, start, end),
        code,
        transcript: coding.transcript,
        turn: coding.turn,
        speaker: coding.speaker,
        text: transcript.text.slice(span.start, span.end).replace(/\s+/g, ' '),
        start,
        end,
      });
    }
  }
  return quotes;
}

// A segment a person chose to code is a better quote than any automatic coding.
const strengthOf = (coding: Coding): number => (coding.source === 'human' ? Number.MAX_SAFE_INTEGER : coding.score);

// How many interviews' best codings are cut into quotes before the final choice of QUOTES_PER_CODE.
const SHORTLIST = 8;

const lengthPenalty = (span: Span): number => (span.end - span.start < SHORT_QUOTE || span.end - span.start > LONG_QUOTE ? 1 : 0);

/**
 * The part of a coded unit to quote: the sentence with most of the code's term occurrences, widened to
 * neighbouring sentences that also carry them (or, when it is very short, to the next one) while it stays readable.
 */
export function quoteSpan(coding: Coding, transcript: Transcript): Span {
  const { unitSpan } = coding;
  // A human coder's segment is quoted as coded, unless it is too long to read as a quote.
  if (coding.source === 'human' && unitSpan.end - unitSpan.start <= LONG_QUOTE) return unitSpan;
  const hitSpans = coding.source === 'auto' ? coding.hitSpans : [];
  const sentences = sentenceSpans(transcript.text, unitSpan.start, unitSpan.end, transcript.language);
  if (sentences.length <= 1) return unitSpan;
  const hitsIn = sentences.map((s) => hitSpans.filter((h) => h.start < s.end && h.end > s.start).length);
  let best = 0;
  hitsIn.forEach((n, i) => {
    if (n > hitsIn[best]!) best = i;
  });
  let first = best;
  let last = best;
  const length = (a: number, b: number): number => sentences[b]!.end - sentences[a]!.start;
  for (;;) {
    const canLeft = first > 0 && hitsIn[first - 1]! > 0 && length(first - 1, last) <= LONG_QUOTE;
    const canRight = last < sentences.length - 1 && hitsIn[last + 1]! > 0 && length(first, last + 1) <= LONG_QUOTE;
    if (canRight) last++;
    else if (canLeft) first--;
    else break;
  }
  if (length(first, last) < SHORT_QUOTE && last < sentences.length - 1 && length(first, last + 1) <= LONG_QUOTE) last++;
  return { start: sentences[first]!.start, end: sentences[last]!.end };
}
