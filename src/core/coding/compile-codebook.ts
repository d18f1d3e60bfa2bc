// Compiles a codebook's terms, per language, into indexes that find every term in one pass over a unit's words.
import type { Code, Codebook } from '../codebook/codebook.js';
import { parseTerm } from '../codebook/parse-term.js';
import { pushTo } from '../collections.js';
import type { Language } from '../text/language.js';
import { formsOf, spellOut, writtenWords, type WordForms, type WordLookup } from '../text/tokenize.js';
import { requiredLiterals } from './regex-prefilter.js';

export type WordMatcher = { readonly kind: 'stem'; readonly stem: string } | { readonly kind: 'prefix'; readonly prefix: string };

interface TermBase {
  /** Index of the code in codebook order. */
  readonly code: number;
  /** Position among the code's terms (or exclusions), so matched terms list in codebook order. */
  readonly ordinal: number;
  readonly source: string;
  readonly isExclusion: boolean;
  /**
   * What one occurrence adds to the code's score: a longer phrase is more specific than a lone word.
   * Occurrences of one code that overlap count once, at the highest weight among them (see code-unit.ts).
   */
  readonly weight: number;
  /**
   * What an occurrence with a negator just before it does (negation.ts): 'skip' drops it, 'keep' counts it as any
   * other, a number is the index of the code it counts for instead. Exclusions always 'keep'.
   */
  readonly whenNegated: 'skip' | 'keep' | number;
}
export type WordsTerm = TermBase & {
  readonly kind: 'words';
  readonly words: readonly WordMatcher[];
  /** At most this many other words between the words of the phrase, in all (parse-term.ts). */
  readonly gap: number;
};
export type RegexTerm = TermBase & {
  readonly kind: 'regex';
  readonly regex: RegExp;
  /** Groups of lower-case literals: a match holds one of every group; other units skip the regex (regex-prefilter.ts). */
  readonly literals: readonly (readonly string[])[] | undefined;
};
export type CompiledTerm = WordsTerm | RegexTerm;

export interface IndexedWord extends WordForms {
  /** Word terms whose first word matches this word: on its stem, or as a prefix of it. */
  readonly startingTerms: readonly WordsTerm[];
}

export interface LanguageIndex {
  readonly language: Language;
  /** A word as written: its forms and the word terms that can start at it (memoised: vocabularies are small). */
  readonly lookup: WordLookup<IndexedWord>;
  readonly regexTerms: readonly RegexTerm[];
  readonly terms: readonly CompiledTerm[];
}

export const REGEX_WEIGHT = 2;

/** What a word term matches, as text: terms with the same key match the same words. */
export const matchKey = (words: readonly WordMatcher[]): string => words.map((w) => (w.kind === 'stem' ? w.stem : `${w.prefix}*`)).join(' ');

export interface CompiledCodebook {
  readonly codebook: Codebook;
  /** The index for one language, compiled on first use. */
  index(language: Language): LanguageIndex;
  /**
   * Lets go of the indexes and the words their lookups met: a corpus's vocabulary (tens of MB) that a codebook kept
   * for the rest of an analysis would hold for nothing. Indexes are compiled again if asked for.
   */
  forgetWords(): void;
}

// Compiled once per codebook: validation warnings and coding share the stemmed terms.
const compiledCodebooks = new WeakMap<Codebook, CompiledCodebook>();

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  let compiled = compiledCodebooks.get(codebook);
  if (compiled === undefined) {
    compiled = compileUncached(codebook);
    compiledCodebooks.set(codebook, compiled);
  }
  return compiled;
}

function compileUncached(codebook: Codebook): CompiledCodebook {
  const cache = new Map<Language, LanguageIndex>();
  return {
    codebook,
    index(language) {
      let index = cache.get(language);
      if (index === undefined) {
        index = compileLanguage(codebook.codes, language);
        cache.set(language, index);
      }
      return index;
    },
    forgetWords: () => cache.clear(),
  };
}

function compileLanguage(codes: readonly Code[], language: Language): LanguageIndex {
  const terms: CompiledTerm[] = [];
  const indexOf = new Map(codes.map((c, i) => [c.id, i]));
  codes.forEach((code, codeIndex) => {
    const negated = code.negated ?? 'skip';
    const whenNegated = typeof negated === 'string' ? negated : (indexOf.get(negated.code) ?? 'skip');
    for (const isExclusion of [false, true]) {
      const sources = (isExclusion ? code.exclude : code.terms)[language] ?? [];
      // Variants that stem alike ("take credit", "taking credit") are one term: the first one listed.
      const seen = new Set<string>();
      sources.forEach((source, ordinal) => {
        const parsed = parseTerm(source);
        // The codebook was validated, so an invalid term here is a bug upstream; skip rather than crash.
        if (typeof parsed === 'string') return;
        const base = { code: codeIndex, ordinal, source, isExclusion, whenNegated: isExclusion ? ('keep' as const) : whenNegated };
        if (parsed.kind === 'regex') {
          if (seen.has(`/${parsed.regex.source}`)) return;
          seen.add(`/${parsed.regex.source}`);
          terms.push({ ...base, kind: 'regex', regex: parsed.regex, literals: requiredLiterals(parsed.regex.source), weight: REGEX_WEIGHT });
        } else {
          // A contraction in a term is spelled out as in the text: "don't know" is the phrase "do not know".
          const words = parsed.patterns.flatMap((p): WordMatcher[] =>
            p.kind === 'prefix' ? [p] : spellOut(p.word, language).map((w) => ({ kind: 'stem', stem: formsOf(w, language).stem })),
          );
          const key = matchKey(words);
          if (seen.has(key)) return;
          seen.add(key);
          terms.push({ ...base, kind: 'words', words, gap: words.length > 1 ? parsed.gap : 0, weight: words.length });
        }
      });
    }
  });

  const byFirstStem = new Map<string, WordsTerm[]>();
  const byFirstPrefix = new Map<string, WordsTerm[]>();
  const regexTerms: RegexTerm[] = [];
  for (const term of terms) {
    if (term.kind === 'regex') {
      regexTerms.push(term);
      continue;
    }
    const first = term.words[0]!;
    const [map, key] = first.kind === 'stem' ? [byFirstStem, first.stem] : [byFirstPrefix, first.prefix];
    pushTo(map, key, term);
  }
  const prefixLengths = [...new Set([...byFirstPrefix.keys()].map((p) => p.length))].sort((a, b) => a - b);
  const index = (forms: WordForms): IndexedWord => {
    const startingTerms = [...(byFirstStem.get(forms.stem) ?? [])];
    for (const length of prefixLengths) {
      if (length > forms.folded.length) break;
      startingTerms.push(...(byFirstPrefix.get(forms.folded.slice(0, length)) ?? []));
    }
    return { folded: forms.folded, stem: forms.stem, startingTerms };
  };
  const lookup = writtenWords(language, index);
  return { language, lookup, regexTerms, terms };
}
