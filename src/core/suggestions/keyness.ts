// Keyness: how much more often a word occurs in one set of units than in another. The log-odds ratio with an
// informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5), as a z-score.

/**
 * The prior's size relative to the corpus: each word's prior count is its count in the whole corpus (both sets)
 * times this. A tenth keeps the prior informative (a word common everywhere needs more evidence) without
 * drowning the few units a code has in a small corpus.
 */
export const PRIOR_SCALE = 0.1;
/** z above which a word is reported as key: 1.645, the one-sided 5% level (only over-representation is sought). */
export const KEY_Z = 1.645;

export interface Counts {
  /** Occurrences of the word in the first set (a code's units) and in the second (all other units). */
  readonly inFirst: number;
  readonly inSecond: number;
}

/**
 * δ / σ, where δ = log((y₁ + α) / (n₁ + α₀ − y₁ − α)) − log((y₂ + α) / (n₂ + α₀ − y₂ − α)) and σ² ≈ 1/(y₁ + α) +
 * 1/(y₂ + α): positive when the word is over-represented in the first set. `totals` are n₁ and n₂ (all occurrences
 * of words of the same kind in each set), `corpus` the total of both, which sizes the prior α₀ = PRIOR_SCALE · corpus.
 */
export function logOddsZ(word: Counts, totals: Counts): number {
  const corpus = totals.inFirst + totals.inSecond;
  const alpha = PRIOR_SCALE * (word.inFirst + word.inSecond);
  const alpha0 = PRIOR_SCALE * corpus;
  const first = word.inFirst + alpha;
  const second = word.inSecond + alpha;
  const delta = Math.log(first / (totals.inFirst + alpha0 - first)) - Math.log(second / (totals.inSecond + alpha0 - second));
  return delta / Math.sqrt(1 / first + 1 / second);
}
