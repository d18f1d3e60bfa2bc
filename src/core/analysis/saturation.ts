// Saturation: how many new codes each further interview brought, in the interviews' order and over random orders.

/** How many random orders are averaged, and the seed of the generator that draws them: the same on every run. */
export const RANDOM_ORDERS = 100;
export const ORDER_SEED = 1;

export interface SaturationStep {
  /** 1-based position in the order. */
  readonly position: number;
  readonly transcript: string;
  readonly newCodes: number;
  readonly cumulativeCodes: number;
  /** The mean number of codes raised by the first `position` interviews, over the random orders. */
  readonly randomMeanCodes: number;
}

export interface Saturation {
  /** Distinct codes raised in the sample. */
  readonly codes: number;
  readonly steps: readonly SaturationStep[];
  /** After how many interviews 90% and 100% of the codes had appeared, in the interviews' order… */
  readonly inOrder: { readonly at90: number; readonly at100: number };
  /** …and on average over the random orders. */
  readonly random: { readonly orders: number; readonly seed: number; readonly at90: number; readonly at100: number };
}

/** `interviews` in their order (the sample, by id); `codesOf` gives the codes (ids) each raised. */
export function saturationOf(interviews: readonly string[], codesOf: (interview: string) => ReadonlySet<string>): Saturation {
  const sets = interviews.map(codesOf);
  const total = new Set(sets.flatMap((s) => [...s])).size;
  const curve = (order: readonly number[]): number[] => {
    const seen = new Set<string>();
    return order.map((i) => {
      for (const code of sets[i]!) seen.add(code);
      return seen.size;
    });
  };
  const reach = (cumulative: readonly number[], share: number): number => {
    const wanted = Math.ceil(total * share);
    return cumulative.findIndex((n) => n >= wanted) + 1;
  };

  const inOrder = curve(interviews.map((_, i) => i));
  const random = mulberry32(ORDER_SEED);
  const sums = new Array<number>(interviews.length).fill(0);
  let at90 = 0;
  let at100 = 0;
  for (let r = 0; r < RANDOM_ORDERS; r++) {
    const cumulative = curve(shuffled(interviews.length, random));
    cumulative.forEach((n, i) => (sums[i]! += n));
    at90 += reach(cumulative, 0.9);
    at100 += reach(cumulative, 1);
  }
  return {
    codes: total,
    steps: interviews.map((transcript, i) => ({
      position: i + 1,
      transcript,
      newCodes: inOrder[i]! - (i === 0 ? 0 : inOrder[i - 1]!),
      cumulativeCodes: inOrder[i]!,
      randomMeanCodes: sums[i]! / RANDOM_ORDERS,
    })),
    inOrder: { at90: reach(inOrder, 0.9), at100: reach(inOrder, 1) },
    random: { orders: RANDOM_ORDERS, seed: ORDER_SEED, at90: at90 / RANDOM_ORDERS, at100: at100 / RANDOM_ORDERS },
  };
}

/** 0…n-1 in a random order (Fisher–Yates). */
function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A small seeded generator (mulberry32): the same numbers on every machine, so the outputs are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
