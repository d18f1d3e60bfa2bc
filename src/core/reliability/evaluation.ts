// How good the automatic coding is, measured against human "gold" codings of the same transcripts, unit by unit.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { AutoCoding, HumanCoding } from '../coding/coding.js';
import type { OutsideCode } from '../codings/place-codings.js';
import type { Transcript } from '../transcripts/transcript.js';
import { figuresOf, type Figures } from './agreement.js';
import { codedUnits, presenceOf, totalWeight, unitTexts, type CodedUnit, type ComparisonUnit } from './coded-units.js';
import type { Figure } from './measures.js';

export interface Counts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

export interface Scores {
  readonly precision: Figure;
  readonly recall: Figure;
  readonly f1: Figure;
}

export interface CodeEvaluation extends Counts, Scores {
  readonly code: Code;
  /** Units the gold codings gave the code. */
  readonly support: number;
}

/** A unit where the automatic coding and the gold differ on a code. */
export interface Miss {
  readonly unit: CodedUnit;
  readonly code: Code;
  readonly text: string;
  /** False positive: the code's terms that fired. False negative: the codes auto gave the unit instead, with their terms. */
  readonly fired: readonly { readonly code: Code; readonly terms: readonly string[] }[];
}

export interface Evaluation {
  readonly unit: ComparisonUnit;
  readonly units: number;
  /** Codes the gold or the automatic coding applied, in codebook order. */
  readonly codes: readonly CodeEvaluation[];
  readonly micro: Counts & Scores;
  /** Unweighted mean over the codes the gold applied; a code auto never applied counts as precision 0. */
  readonly macro: Scores & { readonly codes: number };
  /** Over units the gold coded: is the automatic coding's highest-scoring code one of the gold's codes? */
  readonly top1: {
    readonly units: number;
    /** Gold-coded units the automatic coding left uncoded (counted as wrong). */
    readonly uncoded: number;
    readonly code: Figure;
    /** The same on the code's category and type: a near miss within "People barriers" counts as right. */
    readonly categoryAndType: Figure;
  };
  /** Auto vs gold as two coders: presence or absence of each code, pooled over unit × code. */
  readonly agreement: Figures;
  readonly falsePositives: readonly Miss[];
  readonly falseNegatives: readonly Miss[];
  /** Codes the gold applies that the codebook lacks: left out of every figure, listed so a typo shows. */
  readonly outsideCodebook: readonly OutsideCode[];
}

const ratio = (part: number, whole: number, reason: string): Figure => (whole === 0 ? { defined: false, reason } : { defined: true, value: part / whole });

function scores({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: Counts): Scores {
  const precision = ratio(tp, tp + fp, 'the automatic coding never applied it');
  const recall = ratio(tp, tp + fn, 'the gold never applied it');
  const f1 = precision.defined && recall.defined ? ratio(2 * tp, 2 * tp + fp + fn, 'no positives') : { defined: false as const, reason: 'precision or recall is undefined' };
  return { precision, recall, f1 };
}

const valueOrZero = (figure: Figure): number => (figure.defined ? figure.value : 0);

export function evaluateCoding(
  transcripts: readonly Transcript[],
  codebook: Codebook,
  auto: readonly AutoCoding[],
  gold: readonly HumanCoding[],
  unit: ComparisonUnit,
  outsideCodebook: readonly OutsideCode[] = [],
): Evaluation {
  const units = codedUnits(transcripts, unit, [auto, gold]);
  const applied = new Set([...auto, ...gold].map((c) => c.code.id));
  const codes = codebook.codes.filter((c) => applied.has(c.id));
  const textOf = unitTexts(transcripts);
  const termsOf = (u: CodedUnit, id: string): string[] => [...new Set((u.codes[0]!.get(id) ?? []).flatMap((c) => (c.source === 'auto' ? c.matchedTerms : [])))];
  const codeById = new Map(codebook.codes.map((c) => [c.id, c]));

  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  const perCode = codes.map((code): CodeEvaluation => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const u of units) {
      const byAuto = u.codes[0]!.has(code.id);
      const byGold = u.codes[1]!.has(code.id);
      if (byAuto && byGold) tp += u.weight;
      else if (byAuto) {
        fp += u.weight;
        falsePositives.push({ unit: u, code, text: textOf(u), fired: [{ code, terms: termsOf(u, code.id) }] });
      } else if (byGold) {
        fn += u.weight;
        falseNegatives.push({ unit: u, code, text: textOf(u), fired: [...u.codes[0]!.keys()].map((id) => ({ code: codeById.get(id)!, terms: termsOf(u, id) })) });
      }
    }
    const counts = { truePositives: tp, falsePositives: fp, falseNegatives: fn };
    return { code, support: tp + fn, ...counts, ...scores(counts) };
  });

  const sum = (key: keyof Counts) => perCode.reduce((n, c) => n + c[key], 0);
  const microCounts = { truePositives: sum('truePositives'), falsePositives: sum('falsePositives'), falseNegatives: sum('falseNegatives') };
  const inGold = perCode.filter((c) => c.support > 0);
  const mean = (pick: (c: CodeEvaluation) => Figure): Figure =>
    inGold.length === 0 ? { defined: false, reason: 'the gold applied no code' } : { defined: true, value: inGold.reduce((n, c) => n + valueOrZero(pick(c)), 0) / inGold.length };

  let goldUnits = 0;
  let uncoded = 0;
  let rightCode = 0;
  let rightKind = 0;
  for (const u of units) {
    const goldCodes = [...u.codes[1]!.keys()].map((id) => codeById.get(id)!);
    if (goldCodes.length === 0) continue;
    goldUnits += u.weight;
    const top = topCode(u, codebook);
    if (top === undefined) {
      uncoded += u.weight;
      continue;
    }
    if (goldCodes.includes(top)) rightCode += u.weight;
    if (goldCodes.some((g) => g.category === top.category && g.type === top.type)) rightKind += u.weight;
  }

  const position = new Map(units.map((u, i) => [u, i]));
  const rank = new Map(codebook.codes.map((c, i) => [c, i]));
  const order = (misses: Miss[]) => misses.sort((a, b) => position.get(a.unit)! - position.get(b.unit)! || rank.get(a.code)! - rank.get(b.code)!);
  return {
    unit,
    units: totalWeight(units),
    codes: perCode,
    micro: { ...microCounts, ...scores(microCounts) },
    macro: { precision: mean((c) => c.precision), recall: mean((c) => c.recall), f1: mean((c) => c.f1), codes: inGold.length },
    top1: {
      units: goldUnits,
      uncoded,
      code: ratio(rightCode, goldUnits, 'the gold coded no unit'),
      categoryAndType: ratio(rightKind, goldUnits, 'the gold coded no unit'),
    },
    agreement: figuresOf(codes.flatMap((code) => presenceOf(units, code.id, [0, 1])), 2),
    falsePositives: order(falsePositives),
    falseNegatives: order(falseNegatives),
    outsideCodebook,
  };
}

/** The automatic coding's strongest code in a unit: highest total score, then codebook order. */
function topCode(unit: CodedUnit, codebook: Codebook): Code | undefined {
  let best: { code: Code; score: number } | undefined;
  for (const code of codebook.codes) {
    const codings = unit.codes[0]!.get(code.id);
    if (codings === undefined) continue;
    const score = codings.reduce((n, c) => n + (c.source === 'auto' ? c.score : 0), 0);
    if (best === undefined || score > best.score) best = { code, score };
  }
  return best?.code;
}
