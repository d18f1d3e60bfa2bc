// Agreement between coders on the same transcripts: per code on presence or absence in each unit, overall pooled
// over codes, and, when every coder gives each unit at most one code, on the code as one nominal value per unit.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { Coding } from '../coding/coding.js';
import type { Transcript } from '../transcripts/transcript.js';
import { codedUnits, presenceOf, totalWeight, unitTexts, type CodedUnit, type ComparisonUnit } from './coded-units.js';
import { cohensKappa, fleissKappa, krippendorffAlpha, percentAgreement, type Figure, type RatedUnit } from './measures.js';

/** The figures for one set of reliability data. Cohen's κ is for two coders, Fleiss' κ for three or more. */
export interface Figures {
  /** Units the figures are computed on (characters, for the character unit). */
  readonly units: number;
  readonly percent: Figure;
  readonly cohen?: Figure;
  readonly fleiss?: Figure;
  readonly alpha: Figure;
}

export interface CodeAgreement {
  readonly code: Code;
  /** Units each coder gave the code, in coder order. */
  readonly codedBy: readonly number[];
  readonly figures: Figures;
}

export interface Disagreement {
  readonly unit: CodedUnit;
  readonly code: Code;
  readonly codedBy: readonly string[];
  readonly notCodedBy: readonly string[];
  /** The unit's text; for a whole document, the segments coded with the code. */
  readonly text: string;
}

export interface Agreement {
  readonly unit: ComparisonUnit;
  readonly coders: readonly string[];
  /** Every unit of the transcripts (characters, for the character unit). */
  readonly units: number;
  /** Codes at least one coder applied, in codebook order. */
  readonly codes: readonly CodeAgreement[];
  /** Codebook codes no coder applied: left out, as they would add agreement on absence only. */
  readonly unusedCodes: readonly Code[];
  /** Presence or absence of every code applied, pooled: one value per unit × code. */
  readonly overall: Figures;
  /** The code as one value per unit (uncoded units missing); only when no coder gave any unit two codes. */
  readonly nominal: Figures | { readonly notApplicable: string };
  /** With three or more coders, each pair's figures (presence or absence, pooled), to see who diverges. */
  readonly pairs: readonly { readonly coders: readonly [string, string]; readonly figures: Figures }[];
  readonly disagreements: readonly Disagreement[];
  /** Transcripts some coders coded and these coders did not code at all: worth a look before trusting figures. */
  readonly uncoded: readonly { readonly coder: string; readonly transcript: string }[];
}

/** Coders' codings, in coder order; transcripts in the order units are listed. */
export function measureAgreement(
  transcripts: readonly Transcript[],
  codebook: Codebook,
  coders: readonly string[],
  codingsByCoder: readonly (readonly Coding[])[],
  unit: ComparisonUnit,
): Agreement {
  const units = codedUnits(transcripts, unit, codingsByCoder);
  const used = new Set(codingsByCoder.flatMap((codings) => codings.map((c) => c.code.id)));
  const codes = codebook.codes.filter((c) => used.has(c.id));
  const everyone = coders.map((_, i) => i);
  // Per code, each unit's presence or absence of it for each coder: the reliability data of every per-code figure.
  const presence = new Map(codes.map((code) => [code, presenceOf(units, code.id, everyone)]));

  const perCode = codes.map(
    (code): CodeAgreement => ({
      code,
      codedBy: coders.map((_, i) => units.reduce((n, u) => n + (u.codes[i]!.has(code.id) ? u.weight : 0), 0)),
      figures: figuresOf(presence.get(code)!, coders.length),
    }),
  );
  const singleCoded = units.every((u) => u.codes.every((given) => given.size <= 1));
  const nominal = singleCoded
    ? figuresOf(
        units.map((u) => ({ values: u.codes.map((given) => given.keys().next().value), weight: u.weight })),
        coders.length,
      )
    : { notApplicable: 'some coder gave a unit more than one code' };

  const textOf = unitTexts(transcripts);
  const disagreements: Disagreement[] = [];
  for (const u of units) {
    for (const code of codes) {
      const codedBy = coders.filter((_, i) => u.codes[i]!.has(code.id));
      if (codedBy.length === 0 || codedBy.length === coders.length) continue;
      const segments = u.codes.flatMap((given) => given.get(code.id) ?? []);
      const text = unit === 'document' ? [...new Set(segments.map((s) => s.text))].join(' … ') : textOf(u);
      disagreements.push({ unit: u, code, codedBy, notCodedBy: coders.filter((c) => !codedBy.includes(c)), text });
    }
  }

  const codedTranscripts = codingsByCoder.map((codings) => new Set(codings.map((c) => c.transcript)));
  const uncoded = transcripts.flatMap((t) =>
    codedTranscripts.some((set) => set.has(t.id)) ? coders.filter((_, i) => !codedTranscripts[i]!.has(t.id)).map((coder) => ({ coder, transcript: t.id })) : [],
  );

  const pairs: { coders: [string, string]; figures: Figures }[] = [];
  if (coders.length >= 3) {
    for (let i = 0; i < coders.length; i++) {
      for (let j = i + 1; j < coders.length; j++) {
        pairs.push({ coders: [coders[i]!, coders[j]!], figures: figuresOf(codes.flatMap((code) => presenceOf(units, code.id, [i, j])), 2) });
      }
    }
  }

  return {
    unit,
    coders,
    units: totalWeight(units),
    codes: perCode,
    unusedCodes: codebook.codes.filter((c) => !used.has(c.id)),
    overall: figuresOf([...presence.values()].flat(), coders.length),
    nominal,
    pairs,
    disagreements,
    uncoded,
  };
}

export function figuresOf<V>(data: readonly RatedUnit<V>[], coders: number): Figures {
  return {
    units: totalWeight(data),
    percent: percentAgreement(data),
    ...(coders === 2 ? { cohen: cohensKappa(data) } : {}),
    ...(coders >= 3 ? { fleiss: fleissKappa(data) } : {}),
    alpha: krippendorffAlpha(data),
  };
}
