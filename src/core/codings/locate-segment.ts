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
  const needle = normalise(wanted, { start: 0, end: wanted.length }).text;
  if (needle === '') return { found: false, reason: 'the segment has no words' };
  const at = haystack.text.indexOf(needle);
  if (at !== -1) return { found: true, span: haystack.spanOf(at, at + needle.length), match: 'normalised', similarity: 1 };

  if (needle.length * haystack.text.length > MAX_FUZZY_CELLS) {
    return { found: false, reason: 'not found exactly, and too long to search for approximately; correct its text or give its turn' };
  }
  const best = closestSubstring(haystack.text, needle);
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

const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"' };
const DASHES = /[‐‑‒–—―−]/;

/**
 * Lower-cased text with each run of whitespace as one space, typographic quotes and dashes as ASCII, and words
 * hyphenated across a line break joined; with a map back to the original offsets.
 */
function normalise(text: string, within: Span): Normalised {
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = within.start; i < within.end; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (chars.length > 0 && chars[chars.length - 1] !== ' ') {
        chars.push(' ');
        origin.push(i);
      }
      continue;
    }
    const ascii = QUOTES[c] ?? (DASHES.test(c) ? '-' : c);
    if (ascii === '-' && /\p{L}/u.test(text[i - 1] ?? '')) {
      // "collab-\n  oration" was one word broken at a line end.
      const rest = /^-[ \t]*\n\s*(?=\p{L})/u.exec(text.slice(i, Math.min(within.end, i + 40)));
      if (rest !== null) {
        i += rest[0].length - 1;
        continue;
      }
    }
    const lower = ascii.toLowerCase();
    chars.push(lower.length === 1 ? lower : ascii);
    origin.push(i);
  }
  let joined = chars.join('');
  // Trim the quote marks and ellipses exports put around a segment (and, harmlessly, those around the searched
  // text), keeping the map in step.
  const lead = /^[\s"'.…]*/.exec(joined)![0].length;
  const trail = /[\s"'.…]*$/.exec(joined.slice(lead))![0].length;
  joined = joined.slice(lead, joined.length - trail);
  const map = origin.slice(lead, origin.length - trail);
  return {
    text: joined,
    spanOf: (from, to) => ({ start: map[from]!, end: map[to - 1]! + 1 }),
  };
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
