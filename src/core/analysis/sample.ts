// The sample: which interviews count, and how they split by each attribute (group, region, language…).
import { compareNatural } from '../problem.js';
import type { Transcript, TranscriptSummary } from '../transcripts/transcript.js';
import { percent } from './percent.js';

/** What a transcript shows for an attribute it does not give. */
export const NOT_GIVEN = '(not given)';

export interface ValueCount {
  readonly value: string;
  readonly interviews: number;
  readonly pct: number;
}

export interface AttributeBreakdown {
  readonly attribute: string;
  readonly values: readonly ValueCount[];
}

/** What the sample and its breakdowns read of a transcript. */
export type Attributed = Pick<Transcript, 'id' | 'language' | 'attributes'>;

export const attributeValue = (transcript: Attributed, attribute: string): string =>
  attribute === 'language' ? transcript.language : (transcript.attributes[attribute] ?? NOT_GIVEN);

/** Every attribute any transcript gives, `first` ones first (in that order), then the rest by name; language last. */
export function attributeNames(transcripts: readonly Attributed[], first: readonly string[]): string[] {
  const all = new Set<string>();
  for (const t of transcripts) for (const key of Object.keys(t.attributes)) all.add(key);
  const rest = [...all].filter((a) => !first.includes(a)).sort(compareNatural);
  return [...first.filter((a) => a !== 'language'), ...rest, 'language'];
}

/** The values of an attribute in the sample, in natural order with "(not given)" last. */
export function breakdown(sample: readonly Attributed[], attribute: string): AttributeBreakdown {
  const counts = new Map<string, number>();
  for (const t of sample) {
    const value = attributeValue(t, attribute);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const values = [...counts.keys()]
    .sort((a, b) => Number(a === NOT_GIVEN) - Number(b === NOT_GIVEN) || compareNatural(a, b))
    .map((value) => ({ value, interviews: counts.get(value)!, pct: percent(counts.get(value)!, sample.length) }));
  return { attribute, values };
}

/** The interviews that count: transcripts with respondent text. Empty ones are listed, not counted. */
export const sampleOf = <T extends TranscriptSummary>(transcripts: readonly T[]): T[] => transcripts.filter((t) => t.respondentTurnCount > 0);
