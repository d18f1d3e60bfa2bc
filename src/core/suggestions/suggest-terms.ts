// Terms learned from human codings, for a person to accept: per code, the words and two-word phrases over-represented
// in the units people coded with it against all other units (keyness.ts), that its terms do not already have, with
// how many more of its units each would catch and how many other units it would fire on.
import type { Code, Codebook } from '../codebook/codebook.js';
import { codeUnit } from '../coding/code-unit.js';
import type { HumanCoding } from '../coding/coding.js';
import { compileCodebook, matchKey } from '../coding/compile-codebook.js';
import { unitsOf, type UnitKind } from '../coding/units.js';
import { groupBy } from '../collections.js';
import type { Language } from '../text/language.js';
import { WordBuffer, writtenWords, type WordForms } from '../text/tokenize.js';
import type { Transcript } from '../transcripts/transcript.js';
import { KEY_Z, logOddsZ, type Counts } from './keyness.js';
import { isStopWord } from './stop-words.js';

/** Candidates listed per code and language, at most. */
export const TERMS_PER_CODE = 10;

export interface SuggestedTerm {
  /** As a term would be written: the form most often written in the code's units ("visas", "cost of travel"). */
  readonly term: string;
  readonly kind: 'word' | 'phrase';
  /** Keyness: the log-odds z-score of the word in the code's units against all other units. */
  readonly z: number;
  /** The code's human-coded units holding it. */
  readonly inCode: number;
  /** Of those, units the code's terms do not code today: what the term would add. */
  readonly more: number;
  /** Units people did not code with the code that hold it: where the term would fire wrongly. */
  readonly other: number;
}

export interface CodeTerms {
  readonly code: Code;
  readonly language: Language;
  /** Units people coded with the code, and how many of those its terms code today. */
  readonly units: number;
  readonly caught: number;
  /** Strongest first. */
  readonly terms: readonly SuggestedTerm[];
}

export interface SuggestedTerms {
  readonly unit: UnitKind;
  /** Respondent units compared, per language. */
  readonly units: Readonly<Partial<Record<Language, number>>>;
  /** Codes people applied, in codebook order then language; those with no candidate included. */
  readonly codes: readonly CodeTerms[];
}

interface FeatureWord extends WordForms {
  readonly isStop: boolean;
}

/** A word (its stem) or a phrase of two content words with at most one function word between ("cost of travel"). */
interface Feature {
  readonly key: string;
  readonly kind: 'word' | 'phrase';
  readonly written: string;
}

interface UnitFeatures {
  readonly humanCodes: ReadonlySet<string>;
  readonly autoCodes: ReadonlySet<string>;
  /** Occurrences by feature key. */
  readonly counts: ReadonlyMap<string, number>;
  readonly features: readonly Feature[];
}

export function suggestTerms(codebook: Codebook, transcripts: readonly Transcript[], human: readonly HumanCoding[], unit: UnitKind, perCode = TERMS_PER_CODE): SuggestedTerms {
  const compiled = compileCodebook(codebook);
  const humanOf = groupBy(human, (c) => c.transcript);
  const byLanguage = groupBy(transcripts, (t) => t.language);
  const units: Partial<Record<Language, number>> = {};
  const codes: CodeTerms[] = [];
  for (const language of [...byLanguage.keys()].sort()) {
    const index = compiled.index(language);
    const buffer = new WordBuffer<FeatureWord>(writtenWords(language, ({ folded, stem }) => ({ folded, stem, isStop: isStopWord(folded, language) }), { from: index.lookup }));
    const all: UnitFeatures[] = [];
    for (const transcript of byLanguage.get(language)!) {
      const own = humanOf.get(transcript.id) ?? [];
      for (const u of unitsOf(transcript, unit)) {
        const humanCodes = new Set(own.filter((c) => c.unitSpan.start < u.end && c.unitSpan.end > u.start).map((c) => c.code.id));
        const autoCodes = new Set(codeUnit(transcript.text, u.start, u.end, index).map((c) => codebook.codes[c.code]!.id));
        all.push({ humanCodes, autoCodes, ...featuresOf(buffer.scan(transcript.text.slice(u.start, u.end)), transcript.text.slice(u.start, u.end)) });
      }
    }
    units[language] = all.length;
    const termKeys = (code: Code): Set<string> =>
      new Set(index.terms.filter((t) => t.kind === 'words' && !t.isExclusion && codebook.codes[t.code] === code).map((t) => (t.kind === 'words' ? matchKey(t.words) : '')));
    for (const code of codebook.codes) {
      const inCode = all.filter((u) => u.humanCodes.has(code.id));
      if (inCode.length === 0) continue;
      codes.push({
        code,
        language,
        units: inCode.length,
        caught: inCode.filter((u) => u.autoCodes.has(code.id)).length,
        terms: candidates(code, all, termKeys(code)).slice(0, perCode),
      });
    }
  }
  return { unit, units, codes };
}

/** The words and phrases of one unit (the buffer holds its words, offsets into `text`). */
function featuresOf(words: WordBuffer<FeatureWord>, text: string): Pick<UnitFeatures, 'counts' | 'features'> {
  const counts = new Map<string, number>();
  const features: Feature[] = [];
  const add = (feature: Feature): void => {
    counts.set(feature.key, (counts.get(feature.key) ?? 0) + 1);
    features.push(feature);
  };
  let previous = -1;
  for (let i = 0; i < words.length; i++) {
    const forms = words.forms[i]!;
    if (forms.isStop) continue;
    add({ key: forms.stem, kind: 'word', written: text.slice(words.starts[i]!, words.ends[i]!).toLowerCase() });
    if (previous >= 0 && i - previous <= 2) {
      const written = text.slice(words.starts[previous]!, words.ends[i]!).toLowerCase().replace(/\s+/g, ' ');
      add({ key: `${words.forms[previous]!.stem} ${forms.stem}`, kind: 'phrase', written });
    }
    previous = i;
  }
  return { counts, features };
}

/** The key words and phrases of a code's units, strongest first, leaving out what its terms already match. */
function candidates(code: Code, all: readonly UnitFeatures[], termKeys: ReadonlySet<string>): SuggestedTerm[] {
  const totals = { word: { inFirst: 0, inSecond: 0 }, phrase: { inFirst: 0, inSecond: 0 } };
  const counts = new Map<string, { inFirst: number; inSecond: number; kind: 'word' | 'phrase'; inCode: number; more: number; other: number; written: Map<string, number> }>();
  for (const u of all) {
    const coded = u.humanCodes.has(code.id);
    for (const f of u.features) {
      let c = counts.get(f.key);
      if (c === undefined) counts.set(f.key, (c = { inFirst: 0, inSecond: 0, kind: f.kind, inCode: 0, more: 0, other: 0, written: new Map() }));
      if (coded) {
        c.inFirst++;
        totals[f.kind].inFirst++;
        c.written.set(f.written, (c.written.get(f.written) ?? 0) + 1);
      } else {
        c.inSecond++;
        totals[f.kind].inSecond++;
      }
    }
    for (const key of u.counts.keys()) {
      const c = counts.get(key)!;
      if (!coded) c.other++;
      else {
        c.inCode++;
        if (!u.autoCodes.has(code.id)) c.more++;
      }
    }
  }
  const found: SuggestedTerm[] = [];
  for (const [key, c] of counts) {
    if (c.more === 0 || termKeys.has(key)) continue;
    const z = logOddsZ(c satisfies Counts, totals[c.kind]);
    if (z < KEY_Z) continue;
    const written = [...c.written].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
    found.push({ term: written, kind: c.kind, z, inCode: c.inCode, more: c.more, other: c.other });
  }
  return found.sort((a, b) => b.z - a.z || b.more - a.more || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
