// Selection positions in a REFI-QDA source → UTF-16 spans of its normalised text. REFI-QDA 1.5 counts Unicode code
// points from 0, end exclusive, in text with LF line ends; some exporters count UTF-16 code units instead, and some
// count over the text with its CRLF line ends kept. Each reading is tried, and the one that puts the selections'
// edges on word boundaries and inside the text wins; the standard's wins a tie.
import { warning, type Problem } from '../../core/problem.js';
import { listSome, plural } from '../../core/wording.js';
import { utf16Converter } from '../../core/text/offsets.js';
import type { Span } from '../../core/text/sentences.js';

export type PositionUnit = 'code points' | 'UTF-16 units';
export type LineEnds = 'LF' | 'CRLF';

export interface Reading {
  readonly unit: PositionUnit;
  readonly lineEnds: LineEnds;
}

export const STANDARD_READING: Reading = { unit: 'code points', lineEnds: 'LF' };

export const describeReading = (r: Reading): string => `${r.unit} over ${r.lineEnds} line ends`;
export const isStandard = (r: Reading): boolean => r.unit === STANDARD_READING.unit && r.lineEnds === STANDARD_READING.lineEnds;

export interface SourceText {
  /** The text as stored (decoded, BOM removed), line ends as they were. */
  readonly raw: string;
  /** The same text with LF line ends: what spans index into. */
  readonly text: string;
}

/** A selection's positions as the file gives them. */
export interface Positions {
  readonly start: number;
  readonly end: number;
}

export interface ReadPositions {
  readonly reading: Reading;
  /** How the reading was chosen: every reading gives the same spans, the boundaries told, or they could not. */
  readonly decided: 'alike' | 'boundaries' | 'undecided';
  /** Per selection, its UTF-16 span in SourceText.text; undefined when it lies outside the text. */
  readonly spans: readonly (Span | undefined)[];
  /** Selection edges on a word boundary and inside the text, under the chosen reading and under the standard's. */
  readonly fit: { readonly chosen: number; readonly standard: number; readonly of: number };
}

type Converter = (position: number) => { offset: number; clean: boolean } | undefined;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The code point that ends just before `offset`. */
function codePointBefore(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  return isLowSurrogate(c) && offset >= 2 && isHighSurrogate(text.charCodeAt(offset - 2)) ? text.codePointAt(offset - 2)! : c;
}

/** An edge is on a word boundary when it does not cut a word in two (nor a surrogate pair). */
function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  if (isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) return false;
  return !(isWordChar(String.fromCodePoint(codePointBefore(text, offset))) && isWordChar(String.fromCodePoint(text.codePointAt(offset)!)));
}

/** position (in the reading's units, over its text) → UTF-16 offset in the normalised text. */
function converterFor(source: SourceText, reading: Reading): Converter {
  const reference = reading.lineEnds === 'CRLF' ? source.raw : source.text;
  const toUtf16 = reading.unit === 'code points' ? utf16Converter(reference) : (p: number) => p;
  // CRs of CRLF pairs before each offset of the raw text: removing them gives the normalised offset.
  let crBefore: Int32Array | undefined;
  if (reading.lineEnds === 'CRLF') {
    crBefore = new Int32Array(reference.length + 1);
    for (let i = 0, n = 0; i <= reference.length; i++) {
      crBefore[i] = n;
      if (reference.charCodeAt(i) === 13 && reference.charCodeAt(i + 1) === 10) n++;
    }
  }
  return (position) => {
    if (!Number.isInteger(position) || position < 0) return undefined;
    const inReference = toUtf16(position);
    if (inReference > reference.length) return undefined;
    let clean = true;
    if (reading.unit === 'UTF-16 units' && inReference > 0 && isHighSurrogate(reference.charCodeAt(inReference - 1)) && isLowSurrogate(reference.charCodeAt(inReference))) clean = false;
    let offset = inReference;
    if (crBefore !== undefined) {
      if (reference.charCodeAt(inReference - 1) === 13 && reference.charCodeAt(inReference) === 10) clean = false;
      offset = inReference - crBefore[inReference]!;
    }
    return { offset, clean: clean && onBoundary(source.text, offset) };
  };
}

const READINGS: readonly Reading[] = [
  STANDARD_READING,
  { unit: 'UTF-16 units', lineEnds: 'LF' },
  { unit: 'code points', lineEnds: 'CRLF' },
  { unit: 'UTF-16 units', lineEnds: 'CRLF' },
];

/** The readings that can differ for this text: units only matter beyond the BMP, line ends only with CRLF. */
function candidateReadings(source: SourceText): Reading[] {
  const astral = /[\uD800-\uDBFF]/.test(source.text);
  const crlf = source.raw.includes('\r\n');
  return READINGS.filter((r) => (astral || r.unit === 'code points') && (crlf || r.lineEnds === 'LF'));
}

/** Reads every selection of one source under the reading that fits its text best. */
export function readPositions(source: SourceText, selections: readonly Positions[]): ReadPositions {
  const candidates = candidateReadings(source).map((reading) => {
    const convert = converterFor(source, reading);
    let fit = 0;
    const spans = selections.map((s): Span | undefined => {
      const start = convert(s.start);
      const end = convert(s.end);
      if (start === undefined || end === undefined || end.offset < start.offset) return undefined;
      fit += (start.clean ? 1 : 0) + (end.clean ? 1 : 0);
      return { start: start.offset, end: end.offset };
    });
    return { reading, spans, fit };
  });
  const standard = candidates[0]!;
  const of = selections.length * 2;
  const differ = (a: typeof standard, b: typeof standard) => a.spans.some((s, i) => s?.start !== b.spans[i]?.start || s?.end !== b.spans[i]?.end);
  const rivals = candidates.filter((c) => c !== standard && differ(c, standard));
  if (rivals.length === 0) return { reading: STANDARD_READING, decided: 'alike', spans: standard.spans, fit: { chosen: standard.fit, standard: standard.fit, of } };
  // The standard's reading first, so it wins ties; then the one with most edges on boundaries.
  const best = [standard, ...rivals].reduce((a, b) => (b.fit > a.fit ? b : a));
  const tied = [standard, ...rivals].some((c) => c !== best && c.fit === best.fit && differ(c, best));
  return { reading: best.reading, decided: tied ? 'undecided' : 'boundaries', spans: best.spans, fit: { chosen: best.fit, standard: standard.fit, of } };
}

/** A source as describePositions needs it. */
export interface PositionedSource {
  readonly name: string;
  readonly positions: Omit<ReadPositions, 'spans'>;
  readonly selections: readonly unknown[];
}


/** Says how positions were read: one line for the project, a warning for each source whose reading is a guess. */
export function describePositions(sources: readonly PositionedSource[], file: string, warnings: Problem[]): string[] {
  const withSelections = sources.filter((s) => s.selections.length > 0);
  if (withSelections.length === 0) return [];
  const byReading = new Map<string, { reading: Reading; names: string[] }>();
  for (const source of withSelections) {
    const key = describeReading(source.positions.reading);
    const entry = byReading.get(key) ?? { reading: source.positions.reading, names: [] };
    entry.names.push(source.name);
    byReading.set(key, entry);
    const { fit } = source.positions;
    if (source.positions.decided === 'undecided') {
      warnings.push(warning({ file }, `source "${source.name}": cannot tell how its selection positions count (${fit.chosen} of ${fit.of} selection edges fall on word boundaries either way); read as ${describeReading(source.positions.reading)}`, 'check a few of its codings in the outputs'));
    } else if (!isStandard(source.positions.reading)) {
      warnings.push(warning({ file }, `source "${source.name}": positions count ${describeReading(source.positions.reading)}, not code points over LF line ends as REFI-QDA says; read so, which puts ${fit.chosen} of ${fit.of} selection edges on word boundaries (${fit.standard} as the standard counts)`));
    }
  }
  const readings = [...byReading.values()].map(({ reading, names }) => `${describeReading(reading)}${isStandard(reading) ? ' (as REFI-QDA counts)' : ''} in ${plural(names.length, 'source')}${isStandard(reading) ? '' : ` (${listSome(names)})`}`);
  const selections = withSelections.reduce((n, s) => n + s.selections.length, 0);
  return [`${file}: ${plural(withSelections.length, 'text source')} with ${plural(selections, 'selection')}; positions read as ${readings.join(', ')}`];
}
