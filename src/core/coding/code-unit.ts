// Applies compiled terms to one unit: which codes it gets, which terms fired, and how strongly.
import type { Span } from '../text/sentences.js';
import { WordBuffer } from '../text/tokenize.js';
import { passesPrefilter } from './regex-prefilter.js';
import type { CompiledTerm, IndexedWord, LanguageIndex, WordMatcher, WordsTerm } from './compile-codebook.js';
import { isNegated } from './negation.js';

/** One occurrence of a term in a unit (UTF-16 span into the transcript's text). */
export interface Hit extends Span {
  readonly term: CompiledTerm;
  /** The code it counts for: its term's, or, negated, the code its term's code sends negated mentions to. */
  readonly code: number;
  /** Negated and sent to another code (negated occurrences of other terms are dropped or kept as any other). */
  readonly negated: boolean;
}

/** A code applied to a unit, before it is placed in a transcript. */
export interface UnitCode {
  /** Index of the code in codebook order. */
  readonly code: number;
  /** Sum of the weights of the code's term occurrences in the unit (see compile-codebook.ts). */
  readonly score: number;
  /** Distinct terms that fired, in codebook order. */
  readonly matchedTerms: readonly string[];
  readonly hits: readonly Hit[];
}

// One buffer per language index, reused for every unit coded with it.
const buffers = new WeakMap<LanguageIndex, WordBuffer<IndexedWord>>();

/** Every occurrence of every term (exclusions included) in text[start, end). */
export function findHits(text: string, start: number, end: number, index: LanguageIndex): Hit[] {
  const unitText = text.slice(start, end);
  let words = buffers.get(index);
  if (words === undefined) {
    words = new WordBuffer(index.lookup);
    buffers.set(index, words);
  }
  words.scanRange(text, start, end);
  const found: Found = { hits: [], words, unitText, base: start, index };
  for (let i = 0; i < words.length; i++) for (const term of words.forms[i]!.startingTerms) matchAt(term, i, found);
  const lowerText = index.regexTerms.length > 0 ? unitText.toLowerCase() : '';
  for (const term of index.regexTerms) {
    if (term.literals !== undefined && !passesPrefilter(lowerText, term.literals)) continue;
    term.regex.lastIndex = 0;
    for (const m of unitText.matchAll(term.regex)) {
      if (m[0].length > 0) record(found, term, wordAt(words, start + m.index), start + m.index, start + m.index + m[0].length);
    }
  }
  return found.hits;
}

/** The occurrences of a unit found so far, and what negation needs to judge the next. */
interface Found {
  readonly hits: Hit[];
  readonly words: WordBuffer<IndexedWord>;
  readonly unitText: string;
  readonly base: number;
  readonly index: LanguageIndex;
}

/** Adds an occurrence whose first word is `first`, as its code's `negated` setting says when it is negated. */
function record(found: Found, term: CompiledTerm, first: number, start: number, end: number): void {
  if (term.whenNegated === 'keep' || !isNegated(found.words, first, found.unitText, found.base, found.index.language)) {
    found.hits.push({ term, code: term.code, negated: false, start, end });
  } else if (term.whenNegated !== 'skip') {
    found.hits.push({ term, code: term.whenNegated, negated: true, start, end });
  }
}

/** The first word ending after `offset` (a regular expression's match may start between words). */
function wordAt(words: WordBuffer<IndexedWord>, offset: number): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (words.ends[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const wordMatches = (matcher: WordMatcher, forms: IndexedWord): boolean =>
  matcher.kind === 'stem' ? forms.stem === matcher.stem : forms.folded.startsWith(matcher.prefix);

/**
 * Records a hit if `term` matches the words from position i on: each next word of the phrase at the earliest place
 * it can be, with at most `term.gap` other words skipped in all (the earliest place leaves the most gap for the rest).
 */
function matchAt(term: WordsTerm, i: number, found: Found): void {
  const { words } = found;
  let at = i;
  let gap = term.gap;
  for (let k = 1; k < term.words.length; k++) {
    const matcher = term.words[k]!;
    let j = at + 1;
    while (j < words.length && j - at - 1 <= gap && !wordMatches(matcher, words.forms[j]!)) j++;
    if (j >= words.length || j - at - 1 > gap) return;
    gap -= j - at - 1;
    at = j;
  }
  record(found, term, i, words.starts[i]!, words.ends[at]!);
}

/** The codes a unit gets: those with at least one term hit and no exclusion hit, strongest first. */
export const codeUnit = (text: string, start: number, end: number, index: LanguageIndex): UnitCode[] => codesOf(findHits(text, start, end, index));

/** The codes that a unit's term occurrences give it (the occurrences are sorted in place). */
export function codesOf(hits: Hit[]): UnitCode[] {
  if (hits.length === 0) return [];
  // Group by code with one sort rather than a map per unit: this runs for every unit of a corpus.
  hits.sort((a, b) => a.code - b.code || a.start - b.start || a.end - b.end);
  const codes: UnitCode[] = [];
  for (let from = 0; from < hits.length; ) {
    const code = hits[from]!.code;
    let to = from;
    let vetoed = false;
    for (; to < hits.length && hits[to]!.code === code; to++) if (hits[to]!.term.isExclusion) vetoed = true;
    if (!vetoed) {
      const own = hits.slice(from, to);
      codes.push({ code, score: scoreOf(own), matchedTerms: matchedTerms(own), hits: own });
    }
    from = to;
  }
  return codes.sort((a, b) => b.score - a.score || a.code - b.code);
}

/** The distinct terms of a code's occurrences: its own in codebook order, then those whose negated mentions it takes. */
function matchedTerms(hits: readonly Hit[]): string[] {
  const negated = new Map<CompiledTerm, boolean>();
  for (const h of hits) negated.set(h.term, h.negated);
  return [...negated]
    .sort(([a, na], [b, nb]) => Number(na) - Number(nb) || a.code - b.code || a.ordinal - b.ordinal)
    .map(([term, n]) => (n ? `${term.source} (negated)` : term.source));
}

/**
 * The score of one code in a unit: the sum, over its occurrences, of the terms' weights, where occurrences that
 * overlap ("self-reflection" and "self reflect*" on the same words) count once, at the highest weight among them.
 * `hits` must be sorted by start.
 */
export function scoreOf(hits: readonly Hit[]): number {
  let score = 0;
  let clusterEnd = -1;
  let clusterWeight = 0;
  for (const hit of hits) {
    if (hit.start >= clusterEnd) {
      score += clusterWeight;
      clusterWeight = 0;
    }
    clusterEnd = Math.max(clusterEnd, hit.end);
    clusterWeight = Math.max(clusterWeight, hit.term.weight);
  }
  return score + clusterWeight;
}
