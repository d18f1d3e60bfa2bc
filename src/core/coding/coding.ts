// A coding: a code applied to a stretch of a transcript, by the automatic coder or by a person.
import type { Code } from '../codebook/codebook.js';
import type { Location } from '../problem.js';
import type { CodePointOffset } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import type { Seconds } from '../transcripts/time.js';

interface CodingBase {
  readonly transcript: string;
  /** The turn the coded stretch starts in (1-based, interviewer turns counted, as in codings.csv). */
  readonly turn: number;
  readonly speaker: string;
  /** When the turn starts in the recording, where the source says (codings.csv's time column). */
  readonly time?: Seconds;
  readonly code: Code;
  /** The coded stretch, in code points of the transcript's normalised text, end exclusive (as REFI-QDA counts). */
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly text: string;
  /** Internal: the coded stretch as a UTF-16 span, for cutting quotes and finding the units it covers. */
  readonly unitSpan: Span;
}

/** Applied by the codebook's terms to one unit (turn, paragraph or sentence). */
export interface AutoCoding extends CodingBase {
  readonly source: 'auto';
  /** Ranks the codes of one unit; see compile-codebook.ts for the weights. */
  readonly score: number;
  /** The distinct terms that fired, in codebook order. */
  readonly matchedTerms: readonly string[];
  /** Internal: the term occurrences as UTF-16 spans. */
  readonly hitSpans: readonly Span[];
}

/** How a human coding's segment was found in its transcript: by its turn, its text, or its position in a project. */
export type Placement = 'turn' | 'position' | 'exact' | 'normalised' | 'fuzzy';

/** A segment a person coded, read from a codings file and placed in its transcript. */
export interface HumanCoding extends CodingBase {
  readonly source: 'human';
  readonly coder: string;
  /** The row of the codings file it came from. */
  readonly row: Location;
  readonly placement: Placement;
  /** The coder's memo on the segment, from a project's notes or selection descriptions. */
  readonly memo?: string;
}

export type Coding = AutoCoding | HumanCoding;
export type CodingSource = Coding['source'];

/**
 * An automatic coding as counts, co-occurrence and the choice of quotes need it: without its words, terms and term
 * occurrences, which a large corpus cannot hold for every coding (codings.csv is written as the corpus is coded).
 */
export type AutoCodingMark = Omit<AutoCoding, 'text' | 'matchedTerms' | 'hitSpans'>;

/** A coding as the analysis holds it: a person's whole, an automatic one perhaps as its mark only. */
export type CodingMark = AutoCodingMark | HumanCoding;

/**
 * The mark of an automatic coding: what stays of it once its row of codings.csv is written. Its transcript id and
 * speaker label are given, so that a corpus's marks share one copy of each.
 */
export function markOf(coding: AutoCoding, transcript: string, speaker: string): AutoCodingMark {
  // Built whole, with one shape: marks are many, and an object built by spreading can take more memory.
  const { turn, time, code, start, end, unitSpan, score } = coding;
  return time === undefined
    ? { source: 'auto', transcript, turn, speaker, code, start, end, unitSpan, score }
    : { source: 'auto', transcript, turn, speaker, time, code, start, end, unitSpan, score };
}
