// A codebook on interviews about something else (a hospital ward, a school, a farm cooperative): every coding there
// is a false positive, so the share of units coded and each term's firing rate show how far terms over-reach.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { Language } from '../text/language.js';
import type { Transcript } from '../transcripts/transcript.js';
import { codesOf, findHits } from './code-unit.js';
import { compileCodebook } from './compile-codebook.js';
import { unitsOf, type UnitKind } from './units.js';

export interface OffTopicTerm {
  readonly code: Code;
  readonly language: Language;
  readonly term: string;
  /** Units the term helped code (it is among the coding's matched terms). */
  readonly units: number;
}

export interface OffTopic {
  readonly transcripts: number;
  readonly units: number;
  /** Units given at least one code. */
  readonly codedUnits: number;
  /** Terms that coded at least one unit, most units first. */
  readonly terms: readonly OffTopicTerm[];
}

export function offTopicFiring(codebook: Codebook, transcripts: readonly Transcript[], unit: UnitKind): OffTopic {
  const compiled = compileCodebook(codebook);
  const counts = new Map<string, { code: Code; language: Language; term: string; units: number }>();
  let units = 0;
  let codedUnits = 0;
  for (const transcript of transcripts) {
    const index = compiled.index(transcript.language);
    for (const u of unitsOf(transcript, unit)) {
      units++;
      const codes = codesOf(findHits(transcript.text, u.start, u.end, index));
      if (codes.length > 0) codedUnits++;
      for (const c of codes) {
        for (const term of c.matchedTerms) {
          const key = `${c.code}\u0000${transcript.language}\u0000${term}`;
          const known = counts.get(key);
          if (known === undefined) counts.set(key, { code: codebook.codes[c.code]!, language: transcript.language, term, units: 1 });
          else known.units++;
        }
      }
    }
  }
  const order = new Map(codebook.codes.map((c, i) => [c, i]));
  const terms = [...counts.values()].sort((a, b) => b.units - a.units || order.get(a.code)! - order.get(b.code)! || (a.language < b.language ? -1 : a.language > b.language ? 1 : 0) || (a.term < b.term ? -1 : 1));
  return { transcripts: transcripts.length, units, codedUnits, terms };
}
