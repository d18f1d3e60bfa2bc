// Applies compiled terms to one unit: which codes it gets, which terms fired, and how strongly.
import type { Span } from '../text/sentences.js';
import { WordBuffer } from '../text/tokenize.js';
import { passesPrefilter } from './regex-prefilter.js';
import type { CompiledTerm, IndexedWord, LanguageIndex, WordMatcher, WordsTerm } from './compile-codebook.js';

/** One occurrence of a term in a unit (UTF-16 span into the transcript's text). */
export interface Hit extends Span {
  readonly term: CompiledTerm;
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
  words.scan(unitText, start);
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) for (const term of words.forms[i]!.startingTerms) matchAt(term, words, i, hits);
  const lowerText = index.regexTerms.length > 0 ? unitText.toLowerCase() : '';
  for (const term of index.regexTerms) {
    if (term.literals !== undefined && !passesPrefilter(lowerText, term.literals)) continue;
    term.regex.lastIndex = 0;
    for (const m of unitText.matchAll(term.regex)) {
      if (m[0].length > 0) hits.push({ term, start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return hits;
}

const wordMatches = (matcher: WordMatcher, forms: IndexedWord): boolean =>
  matcher.kind === 'stem' ? forms.stem === matcher.stem : forms.folded.startsWith(matcher.prefix);

/** Records a hit if `term` matches the words from position i on. */
function matchAt(term: WordsTerm, words: WordBuffer<IndexedWord>, i: number, hits: Hit[]): void {
  const last = i + term.words.length - 1;
  if (last >= words.length) return;
  for (let k = 1; k < term.words.length; k++) if (!wordMatches(term.words[k]!, words.forms[i + k]!)) return;
  hits.push({ term, start: words.starts[i]!, end: words.ends[last]! });
}

/** The codes a unit gets: those with at least one term hit and no exclusion hit, strongest first. */
export const codeUnit = (text: string, start: number, end: number, index: LanguageIndex): UnitCode[] => codesOf(findHits(text, start, end, index));

/** The codes that a unit's term occurrences give it (the occurrences are sorted in place). */
export function codesOf(hits: Hit[]): UnitCode[] {
  if (hits.length === 0) return [];
  // Group by code with one sort rather than a map per unit: this runs for every unit of a corpus.
  hits.sort((a, b) => a.term.code - b.term.code || a.start - b.start || a.end - b.end);
  const codes: UnitCode[] = [];
  for (let from = 0; from < hits.length; ) {
    const code = hits[from]!.term.code;
    let to = from;
    let vetoed = false;
    for (; to < hits.length && hits[to]!.term.code === code; to++) if (hits[to]!.term.isExclusion) vetoed = true;
    if (!vetoed) {
      const own = hits.slice(from, to);
      const terms = [...new Set(own.map((h) => h.term))].sort((a, b) => a.ordinal - b.ordinal);
      codes.push({ code, score: scoreOf(own), matchedTerms: terms.map((t) => t.source), hits: own });
    }
    from = to;
  }
  return codes.sort((a, b) => b.score - a.score || a.code - b.code);
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
