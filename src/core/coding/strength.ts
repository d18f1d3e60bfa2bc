// How strongly the codebook's wording backs an automatic coding, read from its score, so thin evidence shows.
import type { CodingMark } from './coding.js';

/** Strongest first: the order of every table and of quote preference. */
export const STRENGTHS = ['strong', 'moderate', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

/**
 * The rule, from the score (each term occurrence adds its number of words, a regular expression 2):
 * weak = 1, a single occurrence of a one-word term ("headquarters" alone); moderate = 2, a two-word phrase, a
 * regular expression or two one-word occurrences; strong = 3 or more.
 */
export const strengthOfScore = (score: number): Strength => (score >= 3 ? 'strong' : score >= 2 ? 'moderate' : 'weak');

export const STRENGTH_RULE =
  'weak: score 1, a single occurrence of a one-word term; moderate: score 2, a two-word phrase, a regular expression or two one-word occurrences; strong: score 3 or more';

/** An automatic coding's strength; a person's coding has none (it is not read from terms). */
export const strengthOf = (coding: CodingMark): Strength | undefined => (coding.source === 'auto' ? strengthOfScore(coding.score) : undefined);
