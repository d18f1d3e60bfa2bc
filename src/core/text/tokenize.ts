// Unicode-aware word tokens and stems: the only module that loads natural's stemmers.
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import type { Language } from './language.js';

/** A word in a text: its position (UTF-16 offsets into the text given) and the forms terms are matched on. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower case, accents removed: what prefix wildcards compare with. */
  readonly folded: string;
  /** Stem of the word as written, accents removed afterwards: what words and phrases compare with. */
  readonly stem: string;
}

// Letters, combining marks and digits, joined by inner apostrophes ("don't", "l'ONG").
// natural's own tokenizers split accented words ("colaboración" -> "colaboraci", "n"), hence this pattern.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

const stemmers: Record<Language, (word: string) => string> = {
  en: (word) => porterEn.stem(word),
  es: (word) => porterEs.stem(word),
};

/** Removes diacritics so that "después" and "despues" meet; applied after stemming, which needs the accents. */
export function foldDiacritics(word: string): string {
  // Fast path: pure ASCII has nothing to fold.
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}+/gu, '');
}

interface WordForms {
  readonly folded: string;
  readonly stem: string;
}

// The stemmer is slow (~0.25M words/s) and interview vocabulary is small: memoise per language.
const memo: Record<Language, Map<string, WordForms>> = { en: new Map(), es: new Map() };
const MEMO_LIMIT = 500_000;

/** The forms of one word, memoised. `word` is the word as it appears in the text. */
export function wordForms(word: string, language: Language): WordForms {
  const cache = memo[language];
  let forms = cache.get(word);
  if (forms === undefined) {
    let lower = word.toLowerCase().replace(/’/g, "'");
    // English possessives carry no meaning for coding: "organisation's" is "organisation".
    if (language === 'en' && lower.endsWith("'s")) lower = lower.slice(0, -2);
    forms = { folded: foldDiacritics(lower), stem: foldDiacritics(stemmers[language](lower)) };
    // Bounded memory on huge corpora with long-tail vocabularies (names, typos): start again when full.
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(word, forms);
  }
  return forms;
}

/** Tokens of `text`, offsets shifted by `base` so they point into the whole transcript. */
export function tokenize(text: string, language: Language, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const forms = wordForms(match[0], language);
    const start = base + match.index;
    tokens.push({ start, end: start + match[0].length, folded: forms.folded, stem: forms.stem });
  }
  return tokens;
}

/** The raw words of a term, for compiling terms with the same rules as the text. */
export function words(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => m[0]);
}
