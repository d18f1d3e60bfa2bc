// Frequencies: how many interviews raise each code, how often, at what strength, and in each group.
import type { Code } from '../codebook/codebook.js';
import { STRENGTHS, type Strength } from '../coding/strength.js';
import { percent } from './percent.js';
import { attributeValue, type AttributeBreakdown, type Attributed } from './sample.js';
import type { CodingTally } from './tally.js';

export interface BreakdownCount {
  readonly attribute: string;
  readonly value: string;
  /** Interviews with this value that raised the code. */
  readonly interviews: number;
  /** Interviews with this value in the sample. */
  readonly of: number;
}

export interface CodeFrequency {
  readonly code: Code;
  /** Interviews with at least one coding of the code. */
  readonly interviews: number;
  readonly interviewsPct: number;
  /** Units coded with the code, across all interviews. */
  readonly mentions: number;
  /** Mentions at each evidence strength; only for automatic codings (a person's codings have no strength). */
  readonly byStrength?: Readonly<Record<Strength, number>>;
  readonly breakdown: readonly BreakdownCount[];
}

/** One frequency per code, in codebook order, codes never raised included. */
export function frequenciesOf(codes: readonly Code[], tally: CodingTally, sample: readonly Attributed[], breakdowns: readonly AttributeBreakdown[]): CodeFrequency[] {
  return codes.map((code): CodeFrequency => {
    const raising = sample.filter((t) => tally.of(t.id).codes.has(code.id));
    return {
      code,
      interviews: raising.length,
      interviewsPct: percent(raising.length, sample.length),
      mentions: tally.mentionsOf(code),
      ...(tally.isAuto ? { byStrength: tally.strengthsOf(code) ?? (Object.fromEntries(STRENGTHS.map((s) => [s, 0])) as Record<Strength, number>) } : {}),
      breakdown: breakdowns.flatMap(({ attribute, values }) =>
        values.map((v) => ({
          attribute,
          value: v.value,
          interviews: raising.filter((t) => attributeValue(t, attribute) === v.value).length,
          of: v.interviews,
        })),
      ),
    };
  });
}
