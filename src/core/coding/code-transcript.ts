// Codes a transcript unit by unit: the codings every count, table and quote is built from.
import type { Code } from '../codebook/codebook.js';
import { codePointConverter, type CodePointOffset } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { CompiledCodebook } from './compile-codebook.js';
import { codeUnit } from './code-unit.js';
import { unitsOf, type UnitKind } from './units.js';

/** A code applied to a unit of a transcript. */
export interface Coding {
  readonly transcript: string;
  readonly turn: number;
  readonly speaker: string;
  readonly code: Code;
  /** Ranks the codes of one unit; see compile-codebook.ts for the weights. */
  readonly score: number;
  readonly matchedTerms: readonly string[];
  /** The unit, in code points of the transcript's normalised text, end exclusive (as REFI-QDA counts). */
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly text: string;
  /** Internal: the unit and its term occurrences as UTF-16 spans, for cutting quotes. */
  readonly unitSpan: Span;
  readonly hitSpans: readonly Span[];
}

export function codeTranscript(transcript: Transcript, compiled: CompiledCodebook, unit: UnitKind): Coding[] {
  const index = compiled.index(transcript.language);
  const toCodePoints = codePointConverter(transcript.text);
  const codings: Coding[] = [];
  for (const u of unitsOf(transcript, unit)) {
    const text = transcript.text.slice(u.start, u.end);
    for (const applied of codeUnit(transcript.text, u.start, u.end, index)) {
      codings.push({
        transcript: transcript.id,
        turn: u.turn.index,
        speaker: u.turn.speaker,
        code: compiled.codebook.codes[applied.code]!,
        score: applied.score,
        matchedTerms: applied.matchedTerms,
        start: toCodePoints(u.start),
        end: toCodePoints(u.end),
        text,
        unitSpan: { start: u.start, end: u.end },
        hitSpans: applied.hits,
      });
    }
  }
  return codings;
}
