// Codes a transcript unit by unit with the codebook's terms.
import { codePointConverter } from '../text/offsets.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { CompiledCodebook } from './compile-codebook.js';
import { codeUnit } from './code-unit.js';
import type { AutoCoding } from './coding.js';
import { unitsOf, type UnitKind } from './units.js';

export function codeTranscript(transcript: Transcript, compiled: CompiledCodebook, unit: UnitKind): AutoCoding[] {
  const index = compiled.index(transcript.language);
  const toCodePoints = codePointConverter(transcript.text);
  const codings: AutoCoding[] = [];
  for (const u of unitsOf(transcript, unit)) {
    const text = transcript.text.slice(u.start, u.end);
    for (const applied of codeUnit(transcript.text, u.start, u.end, index)) {
      codings.push({
        source: 'auto',
        transcript: transcript.id,
        turn: u.turn.index,
        speaker: u.turn.speaker,
        ...(u.turn.time === undefined ? {} : { time: u.turn.time }),
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
