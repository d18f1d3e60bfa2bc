// Forms a term misses: words of the corpus that share a term's root but not its stem or prefix ("care" for
// `caring*`, "connect" and "connection" for `connector`), in units its code did not get. The stemmer does not join
// derivations, and joining them blindly would over-reach (Porter already maps "reporter" to "report"), so lint
// shows them and a person decides whether to add them as terms.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { Language } from '../text/language.js';
import { formsOf } from '../text/tokenize.js';
import type { LanguageIndex, WordMatcher, WordsTerm } from './compile-codebook.js';

/**
 * Roots shorter than this must be a word's stem exactly; longer ones may also be a prefix of it, or it of them,
 * by at most NEAR_SUFFIX letters: a derivational ending ("connect" and "connector"), not a compound ("paperwork").
 */
export const NEAR_ROOT = 6;
export const NEAR_SUFFIX = 3;
/** Forms listed per term, at most. */
export const NEAR_FORMS_SHOWN = 5;

/** The corpus' words by folded form: a form as written, its stem, and the units holding it. */
export type Vocabulary = ReadonlyMap<string, { readonly written: string; readonly stem: string; readonly units: ReadonlySet<string> }>;

export interface NearForms {
  readonly kind: 'near-forms';
  readonly code: Code;
  readonly language: Language;
  readonly term: string;
  /** Most frequent first: the word as written and the units holding it that the code did not get. */
  readonly forms: readonly { readonly word: string; readonly units: number }[];
}

const related = (a: string, b: string): boolean => {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= NEAR_ROOT && long.length - short.length <= NEAR_SUFFIX && long.startsWith(short);
};

/** The near forms of the code's one-word terms (words and prefixes), per term. */
export function nearForms(codebook: Codebook, index: LanguageIndex, vocabulary: Vocabulary, codedUnits: (code: number) => ReadonlySet<string>): NearForms[] {
  // Candidates share the first NEAR_ROOT letters of their stem with the root, or the whole stem when shorter.
  const byHead = new Map<string, string[]>();
  for (const [folded, w] of vocabulary) {
    const head = w.stem.slice(0, NEAR_ROOT);
    byHead.set(head, [...(byHead.get(head) ?? []), folded]);
  }
  const single = index.terms.filter((t): t is WordsTerm => t.kind === 'words' && !t.isExclusion && t.words.length === 1);
  const findings: NearForms[] = [];
  for (const term of single) {
    const matcher = term.words[0]!;
    const root = matcher.kind === 'stem' ? matcher.stem : formsOf(matcher.prefix, index.language).stem;
    const own = single.filter((t) => t.code === term.code).map((t) => t.words[0]!);
    const coded = codedUnits(term.code);
    const forms: { word: string; units: number }[] = [];
    for (const folded of byHead.get(root.slice(0, NEAR_ROOT)) ?? []) {
      const w = vocabulary.get(folded)!;
      if (!related(w.stem, root) || own.some((m) => matches(m, folded, w.stem))) continue;
      const units = [...w.units].filter((u) => !coded.has(u)).length;
      if (units > 0) forms.push({ word: w.written, units });
    }
    if (forms.length === 0) continue;
    forms.sort((a, b) => b.units - a.units || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    findings.push({ kind: 'near-forms', code: codebook.codes[term.code]!, language: index.language, term: term.source, forms: forms.slice(0, NEAR_FORMS_SHOWN) });
  }
  return findings;
}

const matches = (matcher: WordMatcher, folded: string, stem: string): boolean => (matcher.kind === 'stem' ? matcher.stem === stem : folded.startsWith(matcher.prefix));
