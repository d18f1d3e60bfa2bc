// Finds a coded segment, given as text, in its transcript: QDA exports flatten line breaks, curl quotes, swap
// dashes and undo hyphenation, and people retype quotes with small slips.
import type { Span } from '../text/sentences.js';

/** How close (1 − edit distance / segment length) a fuzzy match must be to place a segment. */
export const MIN_SIMILARITY = 0.85;
// Fuzzy search costs segment length × searched length; beyond this it would take seconds per segment.
const MAX_FUZZY_CELLS = 60_000_000;

export type Located =
  | { readonly found: true; readonly span: Span; readonly match: 'exact' | 'normalised' | 'fuzzy'; readonly similarity: number }
  | { readonly found: false; readonly reason: string };

/** Locates `segment` in text[within.start, within.end): exactly, then normalised, then fuzzily. */
export function locateSegment(text: string, segment: string, within: Span = { start: 0, end: text.length }): Located {
  const wanted = segment.trim();
  if (wanted === '') return { found: false, reason: 'the segment text is empty' };
  const exact = text.indexOf(wanted, within.start);
  if (exact !== -1 && exact + wanted.length <= within.end) return { found: true, span: { start: exact, end: exact + wanted.length }, match: 'exact', similarity: 1 };

  const haystack = normalise(text, within);
  const needle = normaliseUncached(wanted, { start: 0, end: wanted.length }).text;
  if (needle === '') return { found: false, reason: 'the segment has no words' };
  const at = haystack.text.indexOf(needle);
  if (at !== -1) return { found: true, span: haystack.spanOf(at, at + needle.length), match: 'normalised', similarity: 1 };

  const regions = candidateRegions(needle, haystack.text);
  if (regions.length === 0) return { found: false, reason: `not found; no passage comes close to ${Math.round(MIN_SIMILARITY * 100)}% similar` };
  if (needle.length * regions.reduce((n, r) => n + r.end - r.start, 0) > MAX_FUZZY_CELLS) {
    return { found: false, reason: 'not found exactly, and too long to search for approximately; correct its text or give its turn' };
  }
  let best = { start: 0, end: 0, distance: Infinity };
  for (const region of regions) {
    const found = closestSubstring(haystack.text.slice(region.start, region.end), needle);
    if (found.distance < best.distance) best = { start: region.start + found.start, end: region.start + found.end, distance: found.distance };
  }
  const similarity = 1 - best.distance / needle.length;
  if (similarity < MIN_SIMILARITY) {
    return { found: false, reason: `not found; the closest passage is only ${Math.floor(similarity * 100)}% similar (${Math.round(MIN_SIMILARITY * 100)}% needed)` };
  }
  return { found: true, span: haystack.spanOf(best.start, best.end), match: 'fuzzy', similarity };
}

interface Normalised {
  readonly text: string;
  /** The span of the original text that normalised text[from, to) came from. */
  spanOf(from: number, to: number): Span;
}

// Typographic quotes and dashes, as the ASCII character they are compared as (char codes).
const ASCII_OF = new Map<number, number>([
  ...[...'‘’‚‛′'].map((c): [number, number] => [c.charCodeAt(0), 0x27]),
  ...[...'“”„‟″«»'].map((c): [number, number] => [c.charCodeAt(0), 0x22]),
  ...[...'‐‑‒–—―−'].map((c): [number, number] => [c.charCodeAt(0), 0x2d]),
]);
const HYPHEN = 0x2d;
const SPACE = 0x20;
// Quote marks and ellipses exports put around a segment.
const WRAPPING = new Set([SPACE, 0x22, 0x27, 0x2e, 0x2026]);

/** What \s matches, without a regex per character: normalising is the costly part of placing a segment. */
const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

// The transcript searched is normalised once for all its segments: rows of a codings file come grouped by
// transcript, so remembering the last text is enough.
let cachedText: string | undefined;
const cachedSpans = new Map<string, Normalised>();

function normalise(text: string, within: Span): Normalised {
  if (text !== cachedText) {
    cachedText = text;
    cachedSpans.clear();
  }
  const key = `${within.start}:${within.end}`;
  let normalised = cachedSpans.get(key);
  if (normalised === undefined) {
    normalised = normaliseUncached(text, within);
    cachedSpans.set(key, normalised);
  }
  return normalised;
}

/**
 * Lower-cased text with each run of whitespace as one space, typographic quotes and dashes as ASCII, and words
 * hyphenated across a line break joined; with a map back to the original offsets.
 */
function normaliseUncached(text: string, within: Span): Normalised {
  const slice = text.slice(within.start, within.end);
  const lowered = slice.toLowerCase();
  // Lower-casing keeps lengths for nearly every script; where it does not ("İ"), characters are lowered one by one.
  const sameLength = lowered.length === slice.length;
  const out = new Uint16Array(slice.length);
  const origin = new Int32Array(slice.length);
  let n = 0;
  for (let i = 0; i < slice.length; i++) {
    let code = sameLength ? lowered.charCodeAt(i) : lowerOne(slice, i);
    if (isSpace(code)) {
      if (n > 0 && out[n - 1] !== SPACE) {
        out[n] = SPACE;
        origin[n++] = within.start + i;
      }
      continue;
    }
    code = ASCII_OF.get(code) ?? code;
    if (code === HYPHEN && i > 0 && /\p{L}/u.test(slice[i - 1]!)) {
      // "collab-\n  oration" was one word broken at a line end.
      const rest = /^.[ \t]*\n\s*(?=\p{L})/u.exec(slice.slice(i, i + 40));
      if (rest !== null) {
        i += rest[0].length - 1;
        continue;
      }
    }
    out[n] = code;
    origin[n++] = within.start + i;
  }
  // Trim the wrapping of a segment (and, harmlessly, of the searched text), keeping the map in step.
  let lead = 0;
  while (lead < n && WRAPPING.has(out[lead]!)) lead++;
  let trail = n;
  while (trail > lead && WRAPPING.has(out[trail - 1]!)) trail--;
  const map = origin.subarray(lead, trail);
  return {
    text: fromCharCodes(out.subarray(lead, trail)),
    spanOf: (from, to) => ({ start: map[from]!, end: map[to - 1]! + 1 }),
  };
}

function lowerOne(text: string, i: number): number {
  const lower = text[i]!.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : text.charCodeAt(i);
}

function fromCharCodes(codes: Uint16Array): string {
  const parts: string[] = [];
  // In chunks: spreading a whole transcript as arguments would overflow the stack.
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
  return parts.join('');
}

const Q = 3;

/**
 * The stretches of `text` that can hold a passage MIN_SIMILARITY similar to `needle`, by the q-gram lemma: a
 * passage within k edits of a pattern of length m shares at least (m − q + 1) − k·q of its q-grams, and lies in the
 * m + k characters from its start. Windows with fewer of the pattern's trigrams are skipped, which loses no match
 * and spares the fuzzy search most of a long transcript (and all of it, for a segment that is not there).
 */
function candidateRegions(needle: string, text: string): Span[] {
  const edits = Math.floor((1 - MIN_SIMILARITY) * needle.length);
  const window = needle.length + edits;
  const needed = needle.length - Q + 1 - edits * Q;
  if (needed <= 0) return [{ start: 0, end: text.length }];
  const grams = new Set<string>();
  for (let i = 0; i + Q <= needle.length; i++) grams.add(needle.slice(i, i + Q));
  const hit = new Uint8Array(text.length);
  for (let i = 0; i + Q <= text.length; i++) if (grams.has(text.slice(i, i + Q))) hit[i] = 1;
  const regions: Span[] = [];
  // count = trigram hits starting in [s, s + window − Q], for each start s.
  let count = 0;
  for (let i = 0; i <= Math.min(window - Q, text.length - 1); i++) count += hit[i]!;
  for (let s = 0; s < text.length; s++) {
    if (count >= needed) {
      const end = Math.min(text.length, s + window);
      const last = regions[regions.length - 1];
      if (last !== undefined && last.end >= s) regions[regions.length - 1] = { start: last.start, end };
      else regions.push({ start: s, end });
    }
    count -= hit[s]!;
    if (s + window - Q + 1 < text.length) count += hit[s + window - Q + 1]!;
  }
  return regions;
}

/**
 * The substring of `text` with the smallest edit distance to `pattern` (Sellers' algorithm: a match may start
 * anywhere). Ties go to the earliest end, then the longest match.
 */
function closestSubstring(text: string, pattern: string): { start: number; end: number; distance: number } {
  const m = pattern.length;
  // Column j of the current row: distance of pattern[0, i) to the best substring ending at text[j); and where it starts.
  let previous = new Int32Array(text.length + 1);
  let current = new Int32Array(text.length + 1);
  let previousStart = new Int32Array(text.length + 1);
  let currentStart = new Int32Array(text.length + 1);
  for (let j = 0; j <= text.length; j++) previousStart[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    currentStart[0] = 0;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const substitute = previous[j - 1]! + (text.charCodeAt(j - 1) === p ? 0 : 1);
      const skipPattern = previous[j]! + 1;
      const skipText = current[j - 1]! + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        current[j] = substitute;
        currentStart[j] = previousStart[j - 1]!;
      } else if (skipPattern <= skipText) {
        current[j] = skipPattern;
        currentStart[j] = previousStart[j]!;
      } else {
        current[j] = skipText;
        currentStart[j] = currentStart[j - 1]!;
      }
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  let end = 0;
  for (let j = 1; j <= text.length; j++) if (previous[j]! < previous[end]!) end = j;
  return { start: previousStart[end]!, end, distance: previous[end]! };
}
