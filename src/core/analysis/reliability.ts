// What the report can say about the codings' reliability: the automatic coding scored against a gold coding, and
// agreement between the people who coded, each on the interviews it can be measured on.
import type { Codebook } from '../codebook/codebook.js';
import type { AutoCoding, HumanCoding } from '../coding/coding.js';
import type { UnitKind } from '../coding/unit-kinds.js';
import type { PlacementSummary } from '../codings/place-codings.js';
import { compareNatural } from '../problem.js';
import { measureAgreement, type Agreement } from '../reliability/agreement.js';
import { evaluateCoding, type Evaluation } from '../reliability/evaluation.js';
import type { Transcript } from '../transcripts/transcript.js';

/** Gold codings given to analyze (--gold): a person's coding to score the automatic coding against. */
export interface GoldCodings {
  readonly codings: readonly HumanCoding[];
  readonly placement: PlacementSummary;
}

export interface GoldCheck {
  readonly coders: readonly string[];
  /** The interviews the gold coded: the evaluation is on these only. */
  readonly interviews: number;
  readonly placement: PlacementSummary;
  readonly evaluation: Evaluation;
}

export interface CoderCheck {
  readonly coders: readonly string[];
  /** The interviews every coder coded: agreement is measured on these only. */
  readonly interviews: number;
  /** Undefined when no interview was coded by every coder. */
  readonly agreement?: Agreement;
}

/** The automatic coding against the gold, on the interviews the gold coded (others say nothing about it). */
export function checkAgainstGold(transcripts: readonly Transcript[], codebook: Codebook, auto: readonly AutoCoding[], gold: GoldCodings, unit: UnitKind): GoldCheck {
  const coded = new Set(gold.codings.map((c) => c.transcript));
  const evaluated = transcripts.filter((t) => coded.has(t.id));
  return {
    coders: [...new Set(gold.codings.map((c) => c.coder))].sort(compareNatural),
    interviews: evaluated.length,
    placement: gold.placement,
    evaluation: evaluateCoding(evaluated, codebook, auto.filter((c) => coded.has(c.transcript)), gold.codings, unit),
  };
}

/** Agreement between two or more coders, on the interviews they all coded; undefined for a single coder. */
export function checkCoders(transcripts: readonly Transcript[], codebook: Codebook, human: readonly HumanCoding[], unit: UnitKind): CoderCheck | undefined {
  const coders = [...new Set(human.map((c) => c.coder))].sort(compareNatural);
  if (coders.length < 2) return undefined;
  const codedBy = coders.map((coder) => new Set(human.filter((c) => c.coder === coder).map((c) => c.transcript)));
  const shared = transcripts.filter((t) => codedBy.every((ids) => ids.has(t.id)));
  if (shared.length === 0) return { coders, interviews: 0 };
  const ids = new Set(shared.map((t) => t.id));
  const byCoder = coders.map((coder) => human.filter((c) => c.coder === coder && ids.has(c.transcript)));
  return { coders, interviews: shared.length, agreement: measureAgreement(shared, codebook, coders, byCoder, unit) };
}
