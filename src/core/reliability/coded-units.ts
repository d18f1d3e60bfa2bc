// The units agreement and evaluation are measured on, and the codes each coder gave each unit. The transcripts
// define the units, so units nobody coded count too.
import type { Coding } from '../coding/coding.js';
import { groupBy, pushTo } from '../collections.js';
import { unitsOf } from '../coding/units.js';
import { codePointConverter, type CodePointOffset } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import { isEmptyTranscript, respondentTurns, type Transcript } from '../transcripts/transcript.js';

import type { ComparisonUnit } from './comparison-units.js';
import type { RatedUnit } from './measures.js';

export type { ComparisonUnit } from './comparison-units.js';

export interface CodedUnit {
  readonly transcript: string;
  /** The turn the unit is in; absent for a whole document. */
  readonly turn?: number;
  /** The unit in code points of the transcript's text (a run of characters coded alike, for the character unit). */
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  /** UTF-16 span, for its text. */
  readonly span: Span;
  /** How many units this stands for: 1, or the run's length in code points for the character unit. */
  readonly weight: number;
  /** Per coder (in coder order): code id → the codings that gave the unit that code. */
  readonly codes: readonly ReadonlyMap<string, readonly Coding[]>[];
}

/**
 * Every unit of the transcripts (respondent text only; empty transcripts have none), with the codes each coder's
 * codings give it: a coding gives its code to every unit it overlaps.
 */
export function codedUnits(transcripts: readonly Transcript[], kind: ComparisonUnit, codingsByCoder: readonly (readonly Coding[])[]): CodedUnit[] {
  const byTranscript = codingsByCoder.map((codings) => groupBy(codings, (c) => c.transcript));
  const units: CodedUnit[] = [];
  for (const transcript of transcripts) {
    if (isEmptyTranscript(transcript)) continue;
    const own = byTranscript.map((of) => of.get(transcript.id) ?? []);
    const spans = unitSpans(transcript, kind, own.flat());
    const toCodePoints = codePointConverter(transcript.text);
    const codes = spans.map(() => codingsByCoder.map(() => new Map<string, Coding[]>()));
    own.forEach((codings, coder) => {
      for (const coding of codings) {
        for (let i = firstEndingAfter(spans, coding.unitSpan.start); i < spans.length && spans[i]!.start < coding.unitSpan.end; i++) {
          pushTo(codes[i]![coder]!, coding.code.id, coding);
        }
      }
    });
    spans.forEach((s, i) => {
      const start = toCodePoints(s.span.start);
      const end = toCodePoints(s.span.end);
      units.push({ transcript: transcript.id, ...(s.turn === undefined ? {} : { turn: s.turn }), start, end, span: s.span, weight: kind === 'character' ? end - start : 1, codes: codes[i]! });
    });
  }
  return units;
}

/** Reliability data on one code: per unit, whether each of the coders at `coders` (indexes) gave it the code. */
export const presenceOf = (units: readonly CodedUnit[], codeId: string, coders: readonly number[]): RatedUnit<boolean>[] =>
  units.map((u) => ({ values: coders.map((i) => u.codes[i]!.has(codeId)), weight: u.weight }));

/** How many units these stand for (characters, for runs of characters). */
export const totalWeight = (units: readonly { readonly weight: number }[]): number => units.reduce((n, u) => n + u.weight, 0);

/** A unit's text, looked up in its transcript. */
export function unitTexts(transcripts: readonly Transcript[]): (unit: CodedUnit) => string {
  const textById = new Map(transcripts.map((t) => [t.id, t.text]));
  return (unit) => textById.get(unit.transcript)!.slice(unit.span.start, unit.span.end);
}

interface UnitSpan {
  readonly span: Span;
  readonly turn?: number;
  readonly start: number;
  readonly end: number;
}

const unitSpan = (span: Span, turn?: number): UnitSpan => ({ span, start: span.start, end: span.end, ...(turn === undefined ? {} : { turn }) });

function unitSpans(transcript: Transcript, kind: ComparisonUnit, codings: readonly Coding[]): UnitSpan[] {
  if (kind === 'document') return [unitSpan({ start: 0, end: transcript.text.length })];
  if (kind !== 'character') return unitsOf(transcript, kind).map((u) => unitSpan({ start: u.start, end: u.end }, u.turn.index));
  // Characters coded alike form runs: cut each respondent turn at every coding's start and end.
  const cuts = [...new Set(codings.flatMap((c) => [c.unitSpan.start, c.unitSpan.end]))].sort((a, b) => a - b);
  const spans: UnitSpan[] = [];
  for (const turn of respondentTurns(transcript)) {
    let start = turn.start;
    for (const cut of cuts) {
      if (cut <= start || cut >= turn.end) continue;
      spans.push(unitSpan({ start, end: cut }, turn.index));
      start = cut;
    }
    spans.push(unitSpan({ start, end: turn.end }, turn.index));
  }
  return spans;
}

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(spans: readonly UnitSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
