// "Did you mean …?" for a mistyped key or id.
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';

/** The allowed word closest to a typo, if it is close enough to be what was meant. */
export function closest(typo: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = LevenshteinDistance(typo.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(typo.length / 3)) ? best : undefined;
}

/** " (did you mean "x"?)" or nothing. */
export const didYouMean = (typo: string, candidates: readonly string[]): string => {
  const suggestion = closest(typo, candidates);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
};
