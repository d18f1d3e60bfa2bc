// The keyness statistic behind codebook suggest-terms: log-odds ratio with an informative Dirichlet prior.
import { describe, expect, it } from 'vitest';
import { logOddsZ, PRIOR_SCALE } from '../../src/core/suggestions/keyness.js';

describe('logOddsZ', () => {
  it('matches the formula of Monroe, Colaresi & Quinn (2008), computed independently', () => {
    // Python: a = 0.1 * 2; a0 = 0.1 * 2050; f = 2 + a; g = 0 + a;
    // (log(f / (50 + a0 - f)) - log(g / (2000 + a0 - g))) / sqrt(1/f + 1/g) = 1.9540547552316843
    expect(PRIOR_SCALE).toBe(0.1);
    expect(logOddsZ({ inFirst: 2, inSecond: 0 }, { inFirst: 50, inSecond: 2000 })).toBeCloseTo(1.9540547552316843, 12);
    expect(logOddsZ({ inFirst: 10, inSecond: 2 }, { inFirst: 100, inSecond: 400 })).toBeCloseTo(3.820746290305961, 12);
  });

  it('is zero for a word as frequent in both sets, and changes sign when the sets swap', () => {
    expect(logOddsZ({ inFirst: 5, inSecond: 5 }, { inFirst: 100, inSecond: 100 })).toBeCloseTo(0, 12);
    const z = logOddsZ({ inFirst: 7, inSecond: 3 }, { inFirst: 120, inSecond: 900 });
    expect(logOddsZ({ inFirst: 3, inSecond: 7 }, { inFirst: 900, inSecond: 120 })).toBeCloseTo(-z, 12);
  });

  it('grows with the evidence: more occurrences at the same rate give a larger z', () => {
    const small = logOddsZ({ inFirst: 3, inSecond: 1 }, { inFirst: 60, inSecond: 600 });
    const large = logOddsZ({ inFirst: 30, inSecond: 10 }, { inFirst: 600, inSecond: 6000 });
    expect(large).toBeGreaterThan(small);
    expect(small).toBeGreaterThan(0);
  });
});
