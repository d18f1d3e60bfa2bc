// Frequencies: how many interviews raise each code, how often, at what strength, and in each group.
import type { Code } from '../codebook/codebook.js';
import type { CodingMark } from '../coding/coding.js';
import { STRENGTHS, strengthOf, type Strength } from '../coding/strength.js';
import { percent } from './percent.js';
import { attributeValue, type AttributeBreakdown, type Attributed } from './sample.js';

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
export function frequenciesOf(codes: readonly Code[], codings: readonly CodingMark[], sample: readonly Attributed[], breakdowns: readonly AttributeBreakdown[]): CodeFrequency[] {
  const mentions = new Map<Code, number>();
  const raisedIn = new Map<Code, Set<string>>();
  const strengths = new Map<Code, Record<Strength, number>>();
  for (const coding of codings) {
    mentions.set(coding.code, (mentions.get(coding.code) ?? 0) + 1);
    const ids = raisedIn.get(coding.code);
    if (ids === undefined) raisedIn.set(coding.code, new Set([coding.transcript]));
    else ids.add(coding.transcript);
    const strength = strengthOf(coding);
    if (strength === undefined) continue;
    let counts = strengths.get(coding.code);
    if (counts === undefined) strengths.set(coding.code, (counts = { strong: 0, moderate: 0, weak: 0 }));
    counts[strength]++;
  }
  const isAuto = codings.length > 0 && codings.every((c) => c.source === 'auto');
  return codes.map((code): CodeFrequency => {
    const ids = raisedIn.get(code) ?? new Set<string>();
    const raising = sample.filter((t) => ids.has(t.id));
    return {
      code,
      interviews: raising.length,
      interviewsPct: percent(raising.length, sample.length),
      mentions: mentions.get(code) ?? 0,
      ...(isAuto ? { byStrength: strengths.get(code) ?? Object.fromEntries(STRENGTHS.map((s) => [s, 0])) as Record<Strength, number> } : {}),
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
