// The text quotes are cut from. A corpus held whole gives each transcript's text; a corpus streamed through
// (app/streamed-corpus.ts) keeps only the turns of the codings likely to be quoted, with their place in the transcript,
// so that a quote cut from a turn has the same words, offsets and line as one cut from the whole text.
import type { Code } from '../codebook/codebook.js';
import type { AutoCoding, Coding, CodingMark } from '../coding/coding.js';
import { groupBy } from '../collections.js';
import type { Span } from '../text/sentences.js';
import type { Language } from '../text/language.js';
import type { Transcript } from '../transcripts/transcript.js';

/** A stretch of a transcript's text holding a coded unit whole: the whole text, or the unit's turn. */
export interface PassageText {
  readonly language: Language;
  readonly text: string;
  /** Where the stretch starts in the transcript's text: as a UTF-16 offset, in code points, and its line (from 1). */
  readonly from: number;
  readonly codePointsBefore: number;
  readonly line: number;
}

/** A coding's stretch of text and its term occurrences (none for a person's segment), in the transcript's offsets. */
export interface CodedPassage {
  readonly text: PassageText;
  readonly hits: readonly Span[];
}

/** What is known of the codings quotes may be cut from. */
export interface QuoteTexts {
  /** Throws PassageNotKept for a coding whose text was not kept. */
  passageOf(coding: CodingMark): CodedPassage;
  /**
   * The codes (ids) of the first source's codings whose units overlap the coding's unit: what a quote of it shows
   * together (core/analysis/quotes.ts, pairExample). Asked of quotes only.
   */
  codesAt(coding: CodingMark): ReadonlySet<string>;
}

/**
 * The choice of quotes went past the codings whose text a streamed corpus kept for a code: the caller analyses the
 * corpus held whole instead, which gives the same quotes.
 */
export class PassageNotKept extends Error {
  constructor(readonly code: Code) {
    super(`the choice of quotes for the code ${code.id} went past the codings whose text was kept`);
  }
}

/**
 * Quote texts from transcripts held whole, the codings (automatic ones with their term occurrences) made in them, and
 * the first source's codings.
 */
export function wholeTexts(transcripts: readonly Transcript[], codings: readonly Coding[], primary: readonly CodingMark[]): QuoteTexts {
  const texts = new Map(transcripts.map((t): [string, PassageText] => [t.id, { language: t.language, text: t.text, from: 0, codePointsBefore: 0, line: 1 }]));
  const hitsOf = new Map<CodingMark, readonly Span[]>(codings.flatMap((c): [AutoCoding, readonly Span[]][] => (c.source === 'auto' ? [[c, c.hitSpans]] : [])));
  let primaryOf: Map<string, CodingMark[]> | undefined;
  return {
    passageOf: (coding) => ({ text: texts.get(coding.transcript)!, hits: hitsOf.get(coding) ?? [] }),
    codesAt: (coding) => {
      primaryOf ??= groupBy(primary, (c) => c.transcript);
      const { start, end } = coding.unitSpan;
      return new Set((primaryOf.get(coding.transcript) ?? []).flatMap((c) => (c.unitSpan.start < end && start < c.unitSpan.end ? [c.code.id] : [])));
    },
  };
}
