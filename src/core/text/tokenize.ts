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

export interface WordForms {
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

/**
 * The words of a text in parallel arrays, reused from unit to unit: coding a corpus creates no object per word,
 * which keeps the garbage collector out of the hot loop. `T` is what a caller's memoised lookup gives for a word
 * (at least its forms). Entries past `length` are stale.
 */
export class WordBuffer<T extends WordForms = WordForms> {
  length = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly forms: T[] = [];

  constructor(private readonly lookup: (word: string) => T) {}

  /** Fills the buffer with the words of `text`, offsets shifted by `base`. */
  scan(text: string, base = 0): this {
    let n = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      this.starts[n] = base + m.index;
      this.ends[n] = base + m.index + m[0].length;
      this.forms[n] = this.lookup(m[0]);
      n++;
    }
    this.length = n;
    return this;
  }
}

/** Tokens of `text`, offsets shifted by `base` so they point into the whole transcript. */
export function tokenize(text: string, language: Language, base = 0): Token[] {
  const words = new WordBuffer((word) => wordForms(word, language)).scan(text, base);
  return Array.from({ length: words.length }, (_, i) => ({ start: words.starts[i]!, end: words.ends[i]!, ...words.forms[i]! }));
}

/** The raw words of a term, for compiling terms with the same rules as the text. */
export function words(text: string): string[] {
  return Array.from(text.matchAll(new RegExp(WORD)), (m) => m[0]);
}
