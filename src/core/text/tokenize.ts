// Unicode-aware word tokens and stems: the only module that loads natural's stemmers.
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import type { Language } from './language.js';
import { WordMemo } from './word-memo.js';

/** A word in a text: its position (UTF-16 offsets into the text given) and the forms terms are matched on. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower case, accents removed: what prefix wildcards compare with. */
  readonly folded: string;
  /** Stem of the word as written, accents removed afterwards: what words and phrases compare with. */
  readonly stem: string;
}

// A word is a letter or digit, then letters, combining marks and digits, joined by inner apostrophes
// ("don't", "l'ONG"): the pattern /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/u, which the
// tests hold scanWords to. natural's own tokenizers split accented words ("colaboración" -> "colaboraci", "n").
// scanWords is that pattern by hand, because it runs on every character of a corpus: no match objects, and an
// ASCII fast path.

const OTHER = 1;
const LETTER_OR_DIGIT = 2;
const MARK = 3;
// Character classes of the Basic Multilingual Plane, filled in as characters are met (0: not yet known).
const bmpClass = new Uint8Array(0x10000);
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const IS_MARK = /^\p{M}$/u;

function classOf(code: number): number {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? LETTER_OR_DIGIT : OTHER;
  }
  if (code <= 0xffff) {
    let known = bmpClass[code]!;
    if (known === 0) {
      known = classify(String.fromCharCode(code));
      bmpClass[code] = known;
    }
    return known;
  }
  return classify(String.fromCodePoint(code));
}

const classify = (char: string): number => (IS_LETTER_OR_DIGIT.test(char) ? LETTER_OR_DIGIT : IS_MARK.test(char) ? MARK : OTHER);
const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/**
 * Calls `visit` with the UTF-16 span of each word of text[from, to), in order, as if that stretch were the whole text
 * (offsets are the text's own).
 */
export function scanWords(text: string, visit: (start: number, end: number) => void, from = 0, to = text.length): void {
  const length = to;
  // A surrogate pair cut by the end of the stretch is its first half only, as in a slice.
  const codeAt = (i: number): number => {
    const code = text.codePointAt(i)!;
    return code > 0xffff && i + 1 >= length ? text.charCodeAt(i) : code;
  };
  let i = from;
  while (i < length) {
    let code = codeAt(i);
    if (classOf(code) !== LETTER_OR_DIGIT) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += code > 0xffff ? 2 : 1;
    for (;;) {
      if (i >= length) break;
      code = codeAt(i);
      if (classOf(code) !== OTHER) {
        i += code > 0xffff ? 2 : 1;
        continue;
      }
      // An apostrophe joins two words only when a letter, mark or digit follows it.
      if (isApostrophe(code) && i + 1 < length && classOf(codeAt(i + 1)) !== OTHER) {
        i += 1;
        continue;
      }
      break;
    }
    visit(start, i);
  }
}

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

/**
 * The forms of a word as written, and for a contraction the forms of the word it adds: "don't" is "do" then "not".
 * What a WordBuffer's lookup gives for each word of a text.
 */
export type WrittenWord<T extends WordForms = WordForms> = T & { readonly next?: T };

// English contractions, spelled out so that terms and negation see the words: "who's" is "who is", "they're"
// "they are", "can't" "can not". "'s" is "is" after these words and a possessive (dropped) after any other:
// "organisation's" is "organisation".
const IS_BEFORE = new Set(['it', 'that', 'this', 'what', 'who', 'where', 'when', 'how', 'why', 'there', 'here', 'he', 'she', 'everyone', 'everybody', 'everything', 'someone', 'somebody', 'something', 'nobody', 'nothing']);
const NOT_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
const SUFFIXES: Record<string, string> = { "'re": 'are', "'ve": 'have', "'ll": 'will', "'m": 'am', "'d": 'would' };

/** The words a written word stands for, lower case: one, or two for an English contraction. */
export function spellOut(word: string, language: Language): readonly [string] | readonly [string, string] {
  const lower = word.toLowerCase().replace(/’/g, "'");
  if (language !== 'en') return [lower];
  if (lower === 'cannot') return ['can', 'not'];
  const apostrophe = lower.indexOf("'");
  if (apostrophe <= 0) return [lower];
  if (lower.endsWith("n't") && lower.length > 3) {
    const base = lower.slice(0, -3);
    return [NOT_STEMS[base] ?? base, 'not'];
  }
  const base = lower.slice(0, apostrophe);
  const suffix = lower.slice(apostrophe);
  if (suffix === "'s") return base === 'let' ? ['let', 'us'] : IS_BEFORE.has(base) ? [base, 'is'] : [base];
  const added = SUFFIXES[suffix];
  return added === undefined ? [lower] : [base, added];
}

/** The forms of one lower-case word, as spelled out (not a contraction). */
export function formsOf(lower: string, language: Language): WordForms {
  return { folded: foldDiacritics(lower), stem: foldDiacritics(stemmers[language](lower)) };
}

/**
 * The forms of one word, `word` as it appears in the text, and of the word a contraction adds. Not memoised here:
 * the stemmer is slow (~0.25M words/s), so the coding engine memoises each word once with everything it needs
 * (compile-codebook.ts, lookup).
 */
export function wordForms(word: string, language: Language, forms: (lower: string) => WordForms = (lower) => formsOf(lower, language)): WrittenWord {
  const [first, second] = spellOut(word, language);
  const head = forms(first);
  return second === undefined ? head : { ...head, next: forms(second) };
}

/**
 * A memoised lookup for a WordBuffer: each word as written, once, to `make` of its forms (and of the word a
 * contraction adds). The stemmer is slow, so every scanner of a corpus looks words up through one of these; it
 * starts again when it holds `limit` words, to bound memory on long-tail vocabularies. `from` gives the forms from
 * another such lookup (the coder's), so a second scanner of the same corpus stems nothing again.
 */
export function writtenWords<T extends WordForms>(
  language: Language,
  make: (forms: WordForms) => T,
  options: { readonly limit?: number; readonly from?: (word: string) => WrittenWord<WordForms> } = {},
): WordLookup<T> {
  const limit = options.limit ?? 500_000;
  const from = options.from ?? stemmedOnce(language, limit);
  const memo = new WordMemo<WrittenWord<T>>(limit);
  const learn = (word: string): WrittenWord<T> => {
    const forms = from(word);
    const head = make(forms);
    return memo.add(word, forms.next === undefined ? head : { ...head, next: make(forms.next) });
  };
  const lookup = (written: string): WrittenWord<T> => memo.get(written, 0, written.length) ?? learn(detach(written));
  lookup.at = (text: string, start: number, end: number): WrittenWord<T> => memo.get(text, start, end) ?? learn(detach(text.slice(start, end)));
  return lookup;
}

/** A memoised lookup of words as written: given the word, or its place in a text (not cut out when it is known). */
export interface WordLookup<T extends WordForms = WordForms> {
  (word: string): WrittenWord<T>;
  at(text: string, start: number, end: number): WrittenWord<T>;
}

/**
 * A string cut from a larger one, as a copy of its own. V8 makes a cut of 13 characters or more a view of the larger
 * string, which keeps it alive: a word kept in a memo would keep its whole transcript in memory long after it was
 * coded (app/streamed-corpus.ts).
 */
export const detach = (cut: string): string => (cut.length < 13 ? cut : (' ' + cut).slice(1));

/**
 * wordForms memoised by the word in lower case: "Funding" opening a sentence costs no second stemming of "funding".
 * Starts again at `limit` words.
 */
function stemmedOnce(language: Language, limit: number): (word: string) => WrittenWord {
  const stems = new Map<string, WordForms>();
  const lowerForms = (lower: string): WordForms => {
    let forms = stems.get(lower);
    if (forms === undefined) {
      if (stems.size >= limit) stems.clear();
      stems.set(lower, (forms = formsOf(lower, language)));
    }
    return forms;
  };
  return (word) => wordForms(word, language, lowerForms);
}

/**
 * The words of a text in parallel arrays, reused from unit to unit: coding a corpus creates no object per word,
 * which keeps the garbage collector out of the hot loop. `T` is what a caller's memoised lookup gives for a word
 * (at least its forms). A contraction fills two entries with the same span. Entries past `length` are stale.
 */
export class WordBuffer<T extends WordForms = WordForms> {
  length = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly forms: T[] = [];

  private readonly lookup: (text: string, start: number, end: number) => WrittenWord<T>;

  constructor(lookup: WordLookup<T> | ((word: string) => WrittenWord<T>)) {
    this.lookup = 'at' in lookup ? lookup.at : (text, start, end) => lookup(text.slice(start, end));
  }

  /** Fills the buffer with the words of `text`. */
  scan(text: string): this {
    return this.scanRange(text, 0, text.length);
  }

  /**
   * Fills the buffer with the words of text[from, to), offsets the text's own. Looking words up where they stand in
   * the whole text rather than in a slice of it reads a flat string, which the memo's hashing reads fastest.
   */
  scanRange(text: string, from: number, to: number): this {
    let n = 0;
    scanWords(
      text,
      (start, end) => {
        const forms = this.lookup(text, start, end);
        this.starts[n] = start;
        this.ends[n] = end;
        this.forms[n] = forms;
        n++;
        if (forms.next !== undefined) {
          this.starts[n] = start;
          this.ends[n] = end;
          this.forms[n] = forms.next;
          n++;
        }
      },
      from,
      to,
    );
    this.length = n;
    return this;
  }
}

/** Tokens of `text`, offsets shifted by `base` so they point into the whole transcript. */
export function tokenize(text: string, language: Language, base = 0): Token[] {
  const words = new WordBuffer((word) => wordForms(word, language)).scan(text);
  return Array.from({ length: words.length }, (_, i) => ({ start: base + words.starts[i]!, end: base + words.ends[i]!, folded: words.forms[i]!.folded, stem: words.forms[i]!.stem }));
}

/** The raw words of a term, for compiling terms with the same rules as the text. */
export function words(text: string): string[] {
  const found: string[] = [];
  scanWords(text, (start, end) => found.push(text.slice(start, end)));
  return found;
}
