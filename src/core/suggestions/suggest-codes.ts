// Suggestions for what the terms missed: for each respondent unit no coding covers, the codes whose own text is
// most like it. Suggestions are never codings: a person accepts them (suggestions.csv's accept column) or not.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { Coding } from '../coding/coding.js';
import { compileCodebook } from '../coding/compile-codebook.js';
import { unitsOf, type Unit, type UnitKind } from '../coding/units.js';
import { groupBy } from '../collections.js';
import type { Language } from '../text/language.js';
import { codePointConverter, type CodePointOffset } from '../text/offsets.js';
import type { Transcript } from '../transcripts/transcript.js';
import { similarityIndex, type Evidence, type SimilarityIndex } from './similarity.js';

/** At most this many codes are suggested for a unit. */
export const SUGGESTIONS_PER_UNIT = 3;
/**
 * A code is suggested only when its BM25 score reaches this and it shares at least MIN_SHARED_WORDS words with
 * the unit: below, the unit is too unlike every code and gets no suggestion. A score of 3 is about two words
 * that few codes use, or one such word in a code's label and terms.
 */
export const MIN_SCORE = 3;
export const MIN_SHARED_WORDS = 2;

export interface Suggestion {
  readonly transcript: string;
  readonly turn: number;
  readonly speaker: string;
  /** The unit, in code points of the transcript's normalised text, end exclusive (as codings.csv counts). */
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly text: string;
  /** 1 for the code most like the unit. */
  readonly rank: number;
  readonly code: Code;
  /** The BM25 similarity (similarity.ts): the sum of the evidence's weights. */
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

export interface Suggestions {
  /** Respondent units no coding covers. */
  readonly uncodedUnits: number;
  /** Of those, units with at least one suggestion. */
  readonly suggestedUnits: number;
  /** By transcript (in the order given), unit and rank. */
  readonly suggestions: readonly Suggestion[];
}

/** Suggests codes for the units of `unit` kind that none of `codings` overlaps. */
export function suggestCodes(transcripts: readonly Transcript[], codebook: Codebook, codings: readonly Coding[], unit: UnitKind): Suggestions {
  const indexes = new Map<Language, SimilarityIndex>();
  const indexFor = (language: Language): SimilarityIndex => {
    let index = indexes.get(language);
    // The coder's lookup has stemmed the corpus' words already (compileCodebook is memoised per codebook).
    if (index === undefined) indexes.set(language, (index = similarityIndex(codebook, language, compileCodebook(codebook).index(language).lookup)));
    return index;
  };
  const codingsOf = groupBy(codings, (c) => c.transcript);
  const suggestions: Suggestion[] = [];
  let uncodedUnits = 0;
  let suggestedUnits = 0;
  for (const transcript of transcripts) {
    const covered = (codingsOf.get(transcript.id) ?? []).map((c) => c.unitSpan);
    const toCodePoints = codePointConverter(transcript.text);
    for (const u of unitsOf(transcript, unit)) {
      if (covered.some((span) => span.start < u.end && span.end > u.start)) continue;
      uncodedUnits++;
      const text = transcript.text.slice(u.start, u.end);
      const ranked = indexFor(transcript.language)
        .rank(text)
        .filter((s) => s.score >= MIN_SCORE && s.evidence.length >= MIN_SHARED_WORDS)
        .slice(0, SUGGESTIONS_PER_UNIT);
      if (ranked.length > 0) suggestedUnits++;
      ranked.forEach((s, i) => suggestions.push(suggestion(transcript, u, text, toCodePoints, i + 1, codebook.codes[s.code]!, s.score, s.evidence)));
    }
  }
  return { uncodedUnits, suggestedUnits, suggestions };
}

function suggestion(transcript: Transcript, u: Unit, text: string, toCodePoints: (o: number) => CodePointOffset, rank: number, code: Code, score: number, evidence: readonly Evidence[]): Suggestion {
  return { transcript: transcript.id, turn: u.turn.index, speaker: u.turn.speaker, start: toCodePoints(u.start), end: toCodePoints(u.end), text, rank, code, score, evidence };
}
