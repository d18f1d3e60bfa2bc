// Diagnostics of a codebook against a corpus: what its terms actually do, so the analyst can prune and extend them.
import type { Code, Codebook } from '../codebook/codebook.js';
import { pushTo } from '../collections.js';
import type { Language } from '../text/language.js';
import type { Transcript } from '../transcripts/transcript.js';
import { codesOf, findHits, type Hit } from './code-unit.js';
import { compileCodebook, matchKey, type CompiledCodebook, type CompiledTerm, type IndexedWord } from './compile-codebook.js';
import { nearForms, type NearForms } from './near-forms.js';
import type { OffTopic } from './off-topic.js';
import { WordBuffer } from '../text/tokenize.js';
import { unitsOf, type UnitKind } from './units.js';

// A term is dominant when it fires in at least this share of a code's codings, the code having at least
// DOMINANT_MIN_CODINGS codings and other terms in that language: the code then rests on one word.
export const DOMINANT_SHARE = 0.75;
export const DOMINANT_MIN_CODINGS = 4;
// Two codes almost always co-occur when at least this share of the units coded with either has both (Jaccard),
// over at least CO_OCCURRING_MIN_UNITS units: they may be one code, or one may need exclusions.
export const CO_OCCURRING_SHARE = 0.8;
export const CO_OCCURRING_MIN_UNITS = 3;

export type LintFinding =
  | { readonly kind: 'never-raised'; readonly code: Code }
  | { readonly kind: 'never-matches'; readonly code: Code; readonly language: Language; readonly terms: readonly string[]; readonly exclusions: readonly string[] }
  | { readonly kind: 'dominant-term'; readonly code: Code; readonly term: string; readonly codings: number; readonly of: number }
  | { readonly kind: 'shared-term'; readonly language: Language; readonly matches: string; readonly uses: readonly { readonly code: Code; readonly term: string }[] }
  | { readonly kind: 'co-occurring'; readonly codes: readonly [Code, Code]; readonly both: number; readonly either: number }
  | NearForms;

export interface Lint {
  readonly transcripts: number;
  readonly languages: readonly Language[];
  readonly unit: UnitKind;
  readonly units: number;
  readonly findings: readonly LintFinding[];
  /** With an off-topic corpus: how much the codebook codes there (off-topic.ts). */
  readonly offTopic?: OffTopic;
}

/** The term occurrences in one unit of a transcript. */
export interface UnitHits {
  readonly start: number;
  readonly hits: Hit[];
}

/** Every unit's term occurrences: what lintCodebook reads of a transcript (callers may compute it in batches). */
export function hitsOf(transcript: Transcript, compiled: CompiledCodebook, unit: UnitKind): UnitHits[] {
  const index = compiled.index(transcript.language);
  return unitsOf(transcript, unit).map((u) => ({ start: u.start, hits: findHits(transcript.text, u.start, u.end, index) }));
}

/** `hits`, when given, holds hitsOf each transcript, in order. */
export function lintCodebook(codebook: Codebook, transcripts: readonly Transcript[], unit: UnitKind, hits?: readonly (readonly UnitHits[])[]): Lint {
  const compiled = compileCodebook(codebook);
  const languages = [...new Set(transcripts.map((t) => t.language))].sort();
  const hit = new Set<CompiledTerm>();
  // Per code, the units it codes (transcript and position) and the terms that fired in each.
  const codingsOf = new Map<Code, { unit: string; terms: readonly string[] }[]>();
  // Per language, the corpus' words (by folded form) and the units holding them, for the forms terms miss.
  const vocabularies = new Map<Language, Map<string, { written: string; stem: string; units: Set<string> }>>();
  let units = 0;
  transcripts.forEach((transcript, i) => {
    const index = compiled.index(transcript.language);
    // The units' words again (the hits may come from batches that kept none): lint is not the hot path.
    const words = new WordBuffer<IndexedWord>(index.lookup);
    let vocabulary = vocabularies.get(transcript.language);
    if (vocabulary === undefined) vocabularies.set(transcript.language, (vocabulary = new Map()));
    const ends = new Map(unitsOf(transcript, unit).map((u) => [u.start, u.end]));
    for (const u of hits?.[i] ?? hitsOf(transcript, compiled, unit)) {
      units++;
      const key = `${transcript.id}\u0000${u.start}`;
      words.scanRange(transcript.text, u.start, ends.get(u.start)!);
      for (let w = 0; w < words.length; w++) {
        const { folded, stem } = words.forms[w]!;
        const known = vocabulary.get(folded);
        if (known === undefined) vocabulary.set(folded, { written: transcript.text.slice(words.starts[w], words.ends[w]).toLowerCase(), stem, units: new Set([key]) });
        else known.units.add(key);
      }
      for (const h of u.hits) hit.add(h.term);
      for (const c of codesOf(u.hits)) pushTo(codingsOf, codebook.codes[c.code]!, { unit: key, terms: c.matchedTerms });
    }
  });

  const findings: LintFinding[] = [];
  for (const code of codebook.codes) if (!codingsOf.has(code)) findings.push({ kind: 'never-raised', code });

  for (const language of languages) {
    const terms = compiled.index(language).terms;
    codebook.codes.forEach((code, i) => {
      const silent = terms.filter((t) => t.code === i && !hit.has(t));
      const never = silent.filter((t) => !t.isExclusion).map((t) => t.source);
      const exclusions = silent.filter((t) => t.isExclusion).map((t) => t.source);
      if (never.length + exclusions.length > 0) findings.push({ kind: 'never-matches', code, language, terms: never, exclusions });
    });
  }

  for (const code of codebook.codes) {
    const own = codingsOf.get(code) ?? [];
    if (own.length < DOMINANT_MIN_CODINGS) continue;
    const counts = new Map<string, number>();
    for (const c of own) for (const term of c.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const termCount = Math.max(...languages.map((l) => (code.terms[l] ?? []).length));
    for (const [term, n] of counts) {
      if (termCount > 1 && n / own.length >= DOMINANT_SHARE) findings.push({ kind: 'dominant-term', code, term, codings: n, of: own.length });
    }
  }

  for (const language of languages) {
    const byKey = new Map<string, CompiledTerm[]>();
    for (const term of compiled.index(language).terms) {
      if (term.isExclusion) continue;
      const key = term.kind === 'regex' ? `/${term.regex.source}/` : matchKey(term.words);
      pushTo(byKey, key, term);
    }
    for (const [key, terms] of byKey) {
      if (new Set(terms.map((t) => t.code)).size < 2) continue;
      findings.push({ kind: 'shared-term', language, matches: key, uses: terms.map((t) => ({ code: codebook.codes[t.code]!, term: t.source })) });
    }
  }

  const unitsOfCode = new Map([...codingsOf].map(([code, codings]) => [code, new Set(codings.map((c) => c.unit))]));
  const raised = codebook.codes.filter((c) => (unitsOfCode.get(c)?.size ?? 0) >= CO_OCCURRING_MIN_UNITS);
  for (let i = 0; i < raised.length; i++) {
    for (let j = i + 1; j < raised.length; j++) {
      const a = unitsOfCode.get(raised[i]!)!;
      const b = unitsOfCode.get(raised[j]!)!;
      let both = 0;
      for (const key of a) if (b.has(key)) both++;
      const either = a.size + b.size - both;
      if (both >= CO_OCCURRING_MIN_UNITS && both / either >= CO_OCCURRING_SHARE) findings.push({ kind: 'co-occurring', codes: [raised[i]!, raised[j]!], both, either });
    }
  }
  const none = new Set<string>();
  const codedUnits = (code: number): ReadonlySet<string> => unitsOfCode.get(codebook.codes[code]!) ?? none;
  for (const language of languages) findings.push(...nearForms(codebook, compiled.index(language), vocabularies.get(language)!, codedUnits));
  return { transcripts: transcripts.length, languages, unit, units, findings };
}
