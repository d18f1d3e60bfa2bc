// How alike a unit of text and each code's own text are: BM25 over stems, with each code's label, definition,
// use_when and terms as its document. Transparent by construction: a score is a sum over the words the unit shares
// with the code, and each word says which fields of the codebook it came from.
import type { Code, Codebook } from '../codebook/codebook.js';
import { parseTerm } from '../codebook/parse-term.js';
import { pushTo } from '../collections.js';
import type { Language } from '../text/language.js';
import { formsOf, spellOut, WordBuffer, words, writtenWords, type WordForms, type WrittenWord } from '../text/tokenize.js';
import { isStopWord } from './stop-words.js';

export const CODE_FIELDS = ['label', 'definition', 'use_when', 'terms'] as const;
export type CodeField = (typeof CODE_FIELDS)[number];

/**
 * Weights of the fields in a code's document (BM25F): a term or the label is written to name the code, the
 * definition and the guidance to explain it. `do_not_use_when` is left out: its words point away from the code.
 */
export const FIELD_WEIGHTS: Readonly<Record<CodeField, number>> = { label: 2, definition: 1, use_when: 1, terms: 2 };
/** BM25's usual constants: k1 saturates repeated words in a code's text, b normalises for its length. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** A word the unit shares with a code: as written in the unit (lower case), and where the code's text has it. */
export interface Evidence {
  readonly word: string;
  readonly fields: readonly CodeField[];
  /** What it adds to the score. */
  readonly weight: number;
}

export interface Similarity {
  /** Index of the code in codebook order. */
  readonly code: number;
  /** The BM25 score: the sum of the evidence's weights. */
  readonly score: number;
  /** Strongest first. */
  readonly evidence: readonly Evidence[];
}

/** What one key (a stem, or a prefix term) adds to one code's score, and from which of its fields. */
interface Posting {
  readonly code: number;
  readonly weight: number;
  readonly fields: readonly CodeField[];
}

interface Key {
  readonly postings: readonly Posting[];
}

interface SimilarityWord extends WordForms {
  /** Empty for a stop word. */
  readonly keys: readonly Key[];
}

export interface SimilarityIndex {
  readonly language: Language;
  /** Every code sharing at least one word with the text, most alike first (then codebook order). */
  rank(text: string): Similarity[];
}

/**
 * The codes' documents in one language. The label, definition and use_when are in the codebook's language, so
 * they count only for units in that language; terms count in their own. `forms` looks up a word's forms (the
 * coder's memoised lookup, so that no word is stemmed twice); default: stemmed here.
 */
export function similarityIndex(codebook: Codebook, language: Language, forms?: (word: string) => WrittenWord<WordForms>): SimilarityIndex {
  // Per code, per key (a stem, or "prefix*"), the weighted frequency and the fields it occurs in.
  const documents = codebook.codes.map((code) => codeDocument(code, language, language === codebook.language));
  const lengths = documents.map((d) => d.length);
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const codesWith = new Map<string, number>();
  for (const d of documents) for (const key of d.frequencies.keys()) codesWith.set(key, (codesWith.get(key) ?? 0) + 1);

  const postingsOf = new Map<string, Posting[]>();
  documents.forEach((d, code) => {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * d.length) / averageLength);
    for (const [key, { frequency, fields }] of d.frequencies) {
      const n = codesWith.get(key)!;
      const idf = Math.log(1 + (documents.length - n + 0.5) / (n + 0.5));
      pushTo(postingsOf, key, { code, weight: (idf * frequency * (BM25_K1 + 1)) / (frequency + norm), fields: CODE_FIELDS.filter((f) => fields.has(f)) });
    }
  });
  const keys = new Map([...postingsOf].map(([key, postings]): [string, Key] => [key, { postings }]));
  const prefixes = [...keys.keys()].filter((k) => k.endsWith('*')).map((k) => k.slice(0, -1));
  const prefixLengths = [...new Set(prefixes.map((p) => p.length))].sort((a, b) => a - b);

  const withKeys = ({ folded, stem }: WordForms): SimilarityWord => {
    if (isStopWord(folded, language)) return { folded, stem, keys: [] };
    const found: Key[] = [];
    const byStem = keys.get(stem);
    if (byStem !== undefined) found.push(byStem);
    for (const length of prefixLengths) {
      if (length > folded.length) break;
      const byPrefix = keys.get(`${folded.slice(0, length)}*`);
      if (byPrefix !== undefined) found.push(byPrefix);
    }
    return { folded, stem, keys: found };
  };
  const buffer = new WordBuffer<SimilarityWord>(writtenWords(language, withKeys, { limit: 200_000, ...(forms === undefined ? {} : { from: forms }) }));

  return {
    language,
    rank(text) {
      buffer.scan(text);
      const seen = new Set<Key>();
      const scores = new Map<number, { score: number; evidence: Evidence[] }>();
      for (let i = 0; i < buffer.length; i++) {
        for (const key of buffer.forms[i]!.keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          const word = text.slice(buffer.starts[i]!, buffer.ends[i]!).toLowerCase();
          for (const p of key.postings) {
            let s = scores.get(p.code);
            if (s === undefined) scores.set(p.code, (s = { score: 0, evidence: [] }));
            s.score += p.weight;
            s.evidence.push({ word, fields: p.fields, weight: p.weight });
          }
        }
      }
      return [...scores]
        .map(([code, s]): Similarity => ({ code, score: s.score, evidence: mergeEvidence(s.evidence) }))
        .sort((a, b) => b.score - a.score || a.code - b.code);
    },
  };
}

/** One entry per word as written (a word matching a stem and a prefix of the same code counts both), strongest first. */
function mergeEvidence(evidence: readonly Evidence[]): Evidence[] {
  const byWord = new Map<string, { fields: Set<CodeField>; weight: number }>();
  for (const e of evidence) {
    const known = byWord.get(e.word);
    if (known === undefined) byWord.set(e.word, { fields: new Set(e.fields), weight: e.weight });
    else {
      for (const f of e.fields) known.fields.add(f);
      known.weight += e.weight;
    }
  }
  return [...byWord]
    .map(([word, { fields, weight }]) => ({ word, fields: CODE_FIELDS.filter((f) => fields.has(f)), weight }))
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

interface CodeDocument {
  /** Weighted frequency of each key, and the fields it occurs in. */
  readonly frequencies: ReadonlyMap<string, { frequency: number; fields: Set<CodeField> }>;
  /** Weighted number of keys. */
  readonly length: number;
}

function codeDocument(code: Code, language: Language, withProse: boolean): CodeDocument {
  const frequencies = new Map<string, { frequency: number; fields: Set<CodeField> }>();
  let length = 0;
  const add = (key: string, field: CodeField): void => {
    const known = frequencies.get(key);
    if (known === undefined) frequencies.set(key, { frequency: FIELD_WEIGHTS[field], fields: new Set([field]) });
    else {
      known.frequency += FIELD_WEIGHTS[field];
      known.fields.add(field);
    }
    length += FIELD_WEIGHTS[field];
  };
  const addWords = (text: string, field: CodeField): void => {
    for (const word of words(text)) {
      for (const spelled of spellOut(word, language)) {
        const forms = formsOf(spelled, language);
        if (!isStopWord(forms.folded, language)) add(forms.stem, field);
      }
    }
  };
  if (withProse) {
    addWords(code.label, 'label');
    addWords(code.definition, 'definition');
    if (code.useWhen !== undefined) addWords(code.useWhen, 'use_when');
  }
  for (const source of code.terms[language] ?? []) {
    const term = parseTerm(source);
    // Regular expressions have no words to compare; the codebook was validated, so a string here is unreachable.
    if (typeof term === 'string' || term.kind === 'regex') continue;
    for (const p of term.patterns) {
      if (p.kind === 'prefix') add(`${p.prefix}*`, 'terms');
      else addWords(p.word, 'terms');
    }
  }
  return { frequencies, length };
}
