// Codes a transcript unit by unit with the codebook's terms: first the units' codes as plain data (what a worker
// thread sends back), then those placed in the transcript as codings.
import type { Codebook } from '../codebook/codebook.js';
import { codePointConverter } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import { turnAt, type Transcript } from '../transcripts/transcript.js';
import type { CompiledCodebook } from './compile-codebook.js';
import { codeUnit } from './code-unit.js';
import type { AutoCoding } from './coding.js';
import { unitsOf, type UnitKind, type UnitSource } from './units.js';

/** A code applied to one unit of a transcript: plain data, so it can cross from a worker thread. */
export interface UnitCoding extends Span {
  /** The index of the unit's turn (Turn.index). */
  readonly turn: number;
  /** The code's position in the codebook. */
  readonly code: number;
  readonly score: number;
  readonly matchedTerms: readonly string[];
  readonly hits: readonly Span[];
}

/** The codes of each unit of the transcript, in reading order, strongest first within a unit. */
export function codeUnits(transcript: UnitSource, compiled: CompiledCodebook, unit: UnitKind): UnitCoding[] {
  const index = compiled.index(transcript.language);
  const codings: UnitCoding[] = [];
  for (const u of unitsOf(transcript, unit)) {
    for (const applied of codeUnit(transcript.text, u.start, u.end, index)) {
      codings.push({
        turn: u.turn.index,
        start: u.start,
        end: u.end,
        code: applied.code,
        score: applied.score,
        matchedTerms: applied.matchedTerms,
        hits: applied.hits.map(({ start, end }) => ({ start, end })),
      });
    }
  }
  return codings;
}

/** The units' codes as codings of the transcript. */
export function placeUnitCodings(transcript: Transcript, codebook: Codebook, codings: readonly UnitCoding[]): AutoCoding[] {
  const toCodePoints = codePointConverter(transcript.text);
  return codings.map((c) => {
    const turn = turnAt(transcript.turns, c.turn);
    return {
      source: 'auto',
      transcript: transcript.id,
      turn: turn.index,
      speaker: turn.speaker,
      ...(turn.time === undefined ? {} : { time: turn.time }),
      code: codebook.codes[c.code]!,
      score: c.score,
      matchedTerms: c.matchedTerms,
      start: toCodePoints(c.start),
      end: toCodePoints(c.end),
      text: transcript.text.slice(c.start, c.end),
      unitSpan: { start: c.start, end: c.end },
      hitSpans: c.hits,
    };
  });
}

export function codeTranscript(transcript: Transcript, compiled: CompiledCodebook, unit: UnitKind): AutoCoding[] {
  return placeUnitCodings(transcript, compiled.codebook, codeUnits(transcript, compiled, unit));
}
