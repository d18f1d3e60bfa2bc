// The leak check: everything in a text that could identify someone, from every finder at once, overlaps merged.
import type { Language } from '../text/language.js';
import { sentenceSpans, type Span } from '../text/sentences.js';
import { findContactDetails } from './contact-patterns.js';
import { mergeFindings, type Finding } from './findings.js';
import type { KnownNameMatcher } from './known-names.js';
import { findNamesByHeuristic, isPlausibleName, mayHoldNames } from './name-heuristic.js';
import type { NameFinder } from './nlp-names.js';

export interface LeakCheckSources {
  readonly known: KnownNameMatcher;
  /** An NLP name finder per language it covers (compromise for English). */
  readonly nlp?: Partial<Record<Language, NameFinder>>;
}

export type LeakCheck = (text: string, language: Language) => Finding[];

export function createLeakCheck(sources: LeakCheckSources): LeakCheck {
  const nlp = memoisedPerSentence(sources.nlp);
  return (text, language) =>
    mergeFindings(text, [
      ...findContactDetails(text),
      ...sources.known.find(text),
      ...findNamesByHeuristic(text, language),
      ...nlpFindings(text, language, nlp[language]),
    ]);
}

// A quote is checked with its turn, whose sentences it repeats: the costly NLP finder reads each sentence once.
const MEMO_LIMIT = 20_000;
function memoisedPerSentence(finders: LeakCheckSources['nlp']): Partial<Record<Language, NameFinder>> {
  const memoised: Partial<Record<Language, NameFinder>> = {};
  for (const [language, finder] of Object.entries(finders ?? {}) as [Language, NameFinder][]) {
    const memo = new Map<string, Finding[]>();
    memoised[language] = (sentence) => {
      let found = memo.get(sentence);
      if (found === undefined) {
        // Bounded: anonymise and --redact all read whole corpora, and sentences rarely repeat across turns.
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(sentence, (found = finder(sentence)));
      }
      return found;
    };
  }
  return memoised;
}

/**
 * The NLP library's names, sentence by sentence: it is the costly finder, so it reads only the sentences where a name
 * could be (a capitalised word that is not a common one), and keeps only names that read as names.
 */
function nlpFindings(text: string, language: Language, finder: NameFinder | undefined): Finding[] {
  if (finder === undefined) return [];
  const found: Finding[] = [];
  for (const s of sentencesForNlp(text, language)) {
    for (const f of finder(text.slice(s.start, s.end))) if (isPlausibleName(f.text)) found.push({ ...f, start: s.start + f.start, end: s.start + f.end });
  }
  return found;
}

/** The sentences of a text the NLP finder reads: those with a capitalised word that is not a common one. */
export function sentencesForNlp(text: string, language: Language): Span[] {
  if (!mayHoldNames(text)) return [];
  return sentenceSpans(text, 0, text.length, language).filter((s) => mayHoldNames(text.slice(s.start, s.end)));
}

/** The text with each finding replaced by its bracketed kind: "[name] of [organisation] wrote to [email]". */
export function redact(text: string, findings: readonly Finding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += `${text.slice(at, f.start)}[${f.kind}]`;
    at = f.end;
  }
  return out + text.slice(at);
}
