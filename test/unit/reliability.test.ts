// The agreement measures against published figures and small cases worked by hand.
import { describe, expect, it } from 'vitest';
import { placeCodings } from '../../src/core/codings/place-codings.js';
import { codebookFromCodeNames } from '../../src/core/codings/resolve-codes.js';
import { measureAgreement } from '../../src/core/reliability/agreement.js';
import { cohensKappa, fleissKappa, krippendorffAlpha, percentAgreement, type Figure, type RatedUnit } from '../../src/core/reliability/measures.js';
import { transcriptFrom } from '../helpers/build.js';

const valueOf = (figure: Figure): number => {
  if (!figure.defined) throw new Error(`undefined: ${figure.reason}`);
  return figure.value;
};

/** Reliability data from rows of coders (as the literature prints it), `null` for a missing value. */
function byCoder(rows: readonly (readonly (number | null)[])[]): RatedUnit<number>[] {
  return rows[0]!.map((_, u) => ({ values: rows.map((row) => row[u] ?? undefined), weight: 1 }));
}

/** Two coders' data from a contingency table: table[i][j] units got value i from the first coder and j from the second. */
function fromContingency(table: readonly (readonly number[])[]): RatedUnit<number>[] {
  return table.flatMap((row, i) => row.map((count, j) => ({ values: [i, j], weight: count }))).filter((u) => u.weight > 0);
}

/** Fleiss' layout: counts[u][c] coders put unit u in category c. */
function fromCategoryCounts(counts: readonly (readonly number[])[]): RatedUnit<number>[] {
  return counts.map((row) => ({ values: row.flatMap((n, c) => Array<number>(n).fill(c)), weight: 1 }));
}

describe('published figures', () => {
  it("Krippendorff (2011): 4 coders × 12 units with missing values, nominal α = 0.743", () => {
    const data = byCoder([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ]);
    expect(valueOf(krippendorffAlpha(data))).toBeCloseTo(0.743, 3);
  });

  it("Cohen's κ for the 2×2 table [[20, 5], [10, 15]] is 0.4", () => {
    const data = fromContingency([
      [20, 5],
      [10, 15],
    ]);
    expect(valueOf(cohensKappa(data))).toBeCloseTo(0.4, 10);
    expect(valueOf(percentAgreement(data))).toBeCloseTo(0.7, 10);
  });

  it("Fleiss (1971): 10 subjects × 14 raters × 5 categories, κ = 0.210", () => {
    const data = fromCategoryCounts([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]);
    expect(valueOf(fleissKappa(data))).toBeCloseTo(0.21, 3);
    // P̄ = 0.378 in the same worked example.
    expect(valueOf(percentAgreement(data))).toBeCloseTo(0.378, 3);
  });
});

describe('small cases worked by hand', () => {
  // Two coders, four units: agree on 1, 2, 3 (yes, yes, no), differ on 4.
  const twoCoders = byCoder([
    [1, 1, 0, 1],
    [1, 1, 0, 0],
  ]);

  it('percent agreement is the share of units coded alike', () => {
    expect(valueOf(percentAgreement(twoCoders))).toBe(0.75);
  });

  it("Cohen's κ: pₒ = 3/4, pₑ = 3/4·2/4 + 1/4·2/4 = 1/2, κ = 1/2", () => {
    expect(valueOf(cohensKappa(twoCoders))).toBeCloseTo(0.5, 12);
  });

  it("Krippendorff's α: n = 8, o₀₀ = 2, o₁₁ = 4, n₀ = 3, n₁ = 5, α = 1 − 7·2/30 = 0.5333", () => {
    expect(valueOf(krippendorffAlpha(twoCoders))).toBeCloseTo(1 - (7 * 2) / 30, 12);
  });

  it("Fleiss' κ with two coders is Scott's π: P̄ = 3/4, P̄ₑ = (3/8)² + (5/8)² = 34/64, κ = 7/15", () => {
    expect(valueOf(fleissKappa(twoCoders))).toBeCloseTo((0.75 - 34 / 64) / (1 - 34 / 64), 12);
  });

  it('weights stand for repeated units', () => {
    const repeated = [...twoCoders, ...twoCoders.slice(0, 1)];
    const weighted = twoCoders.map((u, i) => ({ ...u, weight: i === 0 ? 2 : 1 }));
    for (const measure of [percentAgreement, cohensKappa, fleissKappa, krippendorffAlpha]) {
      expect(valueOf(measure(weighted))).toBeCloseTo(valueOf(measure(repeated)), 12);
    }
  });

  it('perfect agreement with variation gives 1 everywhere', () => {
    const perfect = byCoder([
      [1, 2, 1],
      [1, 2, 1],
      [1, 2, 1],
    ]);
    expect(valueOf(percentAgreement(perfect))).toBe(1);
    expect(valueOf(fleissKappa(perfect))).toBeCloseTo(1, 12);
    expect(valueOf(krippendorffAlpha(perfect))).toBeCloseTo(1, 12);
  });

  it('three coders, pairwise percent agreement: unit (a, a, b) agrees on 1 pair of 3', () => {
    const data = byCoder([[1, 1], [1, 1], [2, 1]]);
    expect(valueOf(percentAgreement(data))).toBeCloseTo((1 / 3 + 1) / 2, 12);
  });

  it("Fleiss' κ leaves out units a coder did not code; α keeps the values they have", () => {
    const data = byCoder([
      [1, 2, 1],
      [1, 2, null],
      [1, 2, 2],
    ]);
    expect(valueOf(fleissKappa(data))).toBeCloseTo(1, 12);
    expect(valueOf(krippendorffAlpha(data))).toBeLessThan(1);
  });
});

describe('undefined cases say so', () => {
  const oneValue = byCoder([
    [1, 1, 1],
    [1, 1, 1],
  ]);

  it.each([
    ['Cohen', cohensKappa],
    ['Fleiss', fleissKappa],
    ['Krippendorff', krippendorffAlpha],
  ] as const)('%s: one value only, no variation', (_, measure) => {
    const figure = measure(oneValue);
    expect(figure.defined).toBe(false);
    if (!figure.defined) expect(figure.reason).toMatch(/same one value|no variation/);
  });

  it('percent agreement is still defined (1) when there is no variation', () => {
    expect(valueOf(percentAgreement(oneValue))).toBe(1);
  });

  it('no pairable values', () => {
    const lonely = byCoder([
      [1, null],
      [null, 2],
    ]);
    for (const measure of [percentAgreement, cohensKappa, fleissKappa, krippendorffAlpha]) expect(measure(lonely).defined).toBe(false);
  });

  it("Cohen's κ refuses three coders", () => {
    const figure = cohensKappa(byCoder([[1], [1], [2]]));
    expect(figure).toEqual({ defined: false, reason: "Cohen's κ is for exactly two coders" });
  });
});

describe('agreement on a transcript', () => {
  // Respondent turns: "Burnout 😀 is real." (18 code points) and "Money." (6).
  const transcript = transcriptFrom('Respondent: Burnout 😀 is real.\n\nInterviewer: And?\n\nRespondent: Money.', 'T1');
  const codebook = codebookFromCodeNames(['burnout'], 'test');
  const codingsOf = (coder: string, texts: string[]) => {
    const placed = placeCodings(texts.map((text, i) => ({ row: { file: `${coder}.csv`, line: i + 2 }, transcript: 'T1', code: 'burnout', segment: { text }, coder })), [transcript], codebook);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
    return placed.value.codings;
  };
  const a = codingsOf('a', ['Burnout 😀 is real.']);
  const b = codingsOf('b', ['Burnout']);

  it('counts characters as code points, in runs coded alike', () => {
    const agreement = measureAgreement([transcript], codebook, ['a', 'b'], [a, b], 'character');
    expect(agreement.units).toBe(18 + 6);
    expect(agreement.codes[0]!.codedBy).toEqual([18, 7]);
    // Both coded 7, a alone 11, neither 6: pₒ = 13/24, pₑ = (18·7 + 6·17)/24² = 228/576.
    const po = 13 / 24;
    const pe = 228 / 576;
    expect(valueOf(agreement.codes[0]!.figures.cohen!)).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(agreement.disagreements.map((d) => d.text)).toEqual([' 😀 is real.']);
  });

  it('on turns, a segment codes the turn it is in; the other turn counts as agreed absence', () => {
    const agreement = measureAgreement([transcript], codebook, ['a', 'b'], [a, b], 'turn');
    expect(agreement.units).toBe(2);
    expect(valueOf(agreement.codes[0]!.figures.percent)).toBe(1);
    expect(agreement.disagreements).toEqual([]);
  });
});
