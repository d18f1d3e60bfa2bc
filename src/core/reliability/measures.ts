// Inter-coder reliability on nominal data: percent agreement, Cohen's κ, Fleiss' κ and Krippendorff's α.
// Each takes the same reliability data (a value per coder per unit, missing allowed) and returns a figure that is
// either a number or the reason it is undefined, never NaN.

/**
 * One unit of reliability data: the value each coder gave it, in coder order (undefined: the coder gave none),
 * and how many identical units it stands for (a run of characters coded alike is one entry with its length).
 */
export interface RatedUnit<V> {
  readonly values: readonly (V | undefined)[];
  readonly weight: number;
}

export type Figure = { readonly defined: true; readonly value: number } | { readonly defined: false; readonly reason: string };

const defined = (value: number): Figure => ({ defined: true, value });
const undefinedBecause = (reason: string): Figure => ({ defined: false, reason });

/** Counts of each value in a unit, missing values left out. */
function tally<V>(values: readonly (V | undefined)[]): Map<V, number> {
  const counts = new Map<V, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const valuedCount = <V>(values: readonly (V | undefined)[]): number => values.reduce((n, v) => n + (v === undefined ? 0 : 1), 0);

/**
 * Percent agreement: for each unit with two or more values, the share of pairs of coders who gave it the same value;
 * averaged over those units. With two coders this is the share of units they coded alike.
 */
export function percentAgreement<V>(units: readonly RatedUnit<V>[]): Figure {
  let agreeing = 0;
  let total = 0;
  for (const unit of units) {
    const m = valuedCount(unit.values);
    if (m < 2) continue;
    let pairs = 0;
    for (const n of tally(unit.values).values()) pairs += n * (n - 1);
    agreeing += (unit.weight * pairs) / (m * (m - 1));
    total += unit.weight;
  }
  return total === 0 ? undefinedBecause('no unit has values from two coders') : defined(agreeing / total);
}

/**
 * Cohen's κ for two coders over the units both coded: κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is the share of units they
 * coded alike and pₑ = Σ_c p₁(c)·p₂(c) the agreement expected from each coder's own distribution of values.
 */
export function cohensKappa<V>(units: readonly RatedUnit<V>[]): Figure {
  if (units.some((u) => u.values.length !== 2)) return undefinedBecause("Cohen's κ is for exactly two coders");
  let n = 0;
  let agreeing = 0;
  const first = new Map<V, number>();
  const second = new Map<V, number>();
  for (const { values, weight } of units) {
    const [a, b] = values;
    if (a === undefined || b === undefined) continue;
    n += weight;
    if (a === b) agreeing += weight;
    first.set(a, (first.get(a) ?? 0) + weight);
    second.set(b, (second.get(b) ?? 0) + weight);
  }
  if (n === 0) return undefinedBecause('no unit was coded by both coders');
  let expected = 0;
  for (const [value, count] of first) expected += (count / n) * ((second.get(value) ?? 0) / n);
  if (expected >= 1) return undefinedBecause('both coders gave every unit the same one value, so chance agreement is 1 and κ is 0/0');
  return defined((agreeing / n - expected) / (1 - expected));
}

/**
 * Fleiss' κ over the units that every coder coded: κ = (P̄ − P̄ₑ) / (1 − P̄ₑ), where P̄ is the mean over units of the
 * share of agreeing coder pairs and P̄ₑ = Σ_c p(c)² with p(c) the share of all values that are c.
 */
export function fleissKappa<V>(units: readonly RatedUnit<V>[]): Figure {
  const raters = units[0]?.values.length ?? 0;
  if (raters < 2) return undefinedBecause("Fleiss' κ needs two or more coders");
  let n = 0;
  let agreement = 0;
  const totals = new Map<V, number>();
  for (const { values, weight } of units) {
    if (values.length !== raters || valuedCount(values) !== raters) continue;
    n += weight;
    let pairs = 0;
    for (const [value, count] of tally(values)) {
      pairs += count * (count - 1);
      totals.set(value, (totals.get(value) ?? 0) + weight * count);
    }
    agreement += (weight * pairs) / (raters * (raters - 1));
  }
  if (n === 0) return undefinedBecause('no unit was coded by every coder');
  let expected = 0;
  for (const count of totals.values()) expected += (count / (n * raters)) ** 2;
  if (expected >= 1) return undefinedBecause('every coder gave every unit the same one value, so chance agreement is 1 and κ is 0/0');
  return defined((agreement / n - expected) / (1 - expected));
}

/**
 * Krippendorff's α for nominal data, missing values allowed: α = 1 − Dₒ/Dₑ, computed from the coincidence matrix of
 * the units with two or more values as α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k (Krippendorff 2011).
 */
export function krippendorffAlpha<V>(units: readonly RatedUnit<V>[]): Figure {
  // Only the diagonal of the coincidence matrix and its marginals are needed for nominal data.
  let n = 0;
  let diagonal = 0;
  const marginals = new Map<V, number>();
  for (const { values, weight } of units) {
    const m = valuedCount(values);
    if (m < 2) continue;
    n += weight * m;
    for (const [value, count] of tally(values)) {
      diagonal += (weight * count * (count - 1)) / (m - 1);
      marginals.set(value, (marginals.get(value) ?? 0) + weight * count);
    }
  }
  if (n === 0) return undefinedBecause('no unit has values from two coders');
  let sameValuePairs = 0;
  for (const count of marginals.values()) sameValuePairs += count * count;
  const expectedDisagreement = n * n - sameValuePairs;
  if (expectedDisagreement === 0) return undefinedBecause('every value given is the same, so there is no variation to agree on and α is 0/0');
  return defined(1 - ((n - 1) * (n - diagonal)) / expectedDisagreement);
}
