// What runs across codes: which codes go together, and whether further interviews still brought new codes.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analysis/analyze.js';
import { RANDOM_ORDERS, saturationOf } from '../../src/core/analysis/saturation.js';
import { CodingTally } from '../../src/core/analysis/tally.js';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';
import { formatCooccurrenceCsv } from '../../src/outputs/cooccurrence-csv.js';
import { formatSaturationCsv } from '../../src/outputs/saturation-csv.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - {id: funding, label: Funding, type: barrier, category: money, terms: {en: [funding]}}
  - {id: burnout, label: Burnout, type: barrier, category: people, terms: {en: [burnout]}}
  - {id: trust, label: Trust, type: enabler, category: people, terms: {en: [trust]}}
`);
const interview = (id: string, ...answers: string[]) => transcriptFrom(answers.map((a) => `Interviewer: ?\nRespondent: ${a}\n`).join(''), id);

function run(...corpus: ReturnType<typeof interview>[]): Analysis {
  const result = analyze(corpus, codebook, { unit: 'turn' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('co-occurrence', () => {
  const analysis = run(interview('A', 'Funding and burnout.', 'Burnout and trust.'), interview('B', 'Funding, burnout.', 'Funding.'), interview('C', 'Trust.'));

  it('counts the units coded with both codes of each pair, and the Jaccard index: both over either', () => {
    expect(analysis.cooccurrence.map((p) => [p.a.id, p.b.id, p.units, p.either, p.jaccard])).toEqual([
      // funding: A1, B1, B2; burnout: A1, A2, B1 → both 2, either 4.
      ['funding', 'burnout', 2, 4, 0.5],
      // burnout: A1, A2, B1; trust: A2, C1 → both 1, either 4.
      ['burnout', 'trust', 1, 4, 0.25],
    ]);
  });

  it("gives as each pair's example one of the published quotes, lying in a unit coded with both codes", () => {
    const quoteById = new Map(analysis.quotes.map((q) => [q.id, q]));
    const examples = analysis.strongestPairs.map(({ pair, quoteId }) => {
      const quote = quoteById.get(quoteId!)!;
      return [pair.a.id, pair.b.id, quote.transcript, quote.turn, quote.words];
    });
    expect(examples).toEqual([
      ['funding', 'burnout', 'A', 2, 'Funding and burnout.'],
      ['burnout', 'trust', 'A', 4, 'Burnout and trust.'],
    ]);
  });

  it('gives a pair no example when no published quote shows both codes', () => {
    // Interviewee A did not consent to be quoted: the units where the codes meet are all A's or B's, and B's only
    // meeting of burnout and trust is nowhere.
    const analysis = analyze([interview('A', 'Burnout and trust.'), interview('B', 'Burnout.', 'Trust.')].map((t) => (t.id === 'A' ? { ...t, attributes: { ...t.attributes, quote_consent: 'no' } } : t)), codebook, { unit: 'turn' });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.value.strongestPairs.map((p) => [p.pair.a.id, p.pair.b.id, p.quoteId])).toEqual([['burnout', 'trust', undefined]]);
    expect(analysis.value.quotes.every((q) => q.transcript === 'B')).toBe(true);
  });

  it('counts the same, with the same examples, whatever order the transcripts are tallied in (a streamed corpus comes in file order)', () => {
    const corpus = [interview('A10', 'Trust and burnout.'), interview('A2', 'Funding.', 'Burnout, trust.'), interview('B', 'Funding and burnout.')];
    const compiled = compileCodebook(codebook);
    const tallied = (order: readonly Transcript[]) => {
      const tally = new CodingTally(codebook.codes);
      for (const t of order) tally.add(t.id, codeTranscript(t, compiled, 'turn'));
      return tally;
    };
    const view = (tally: CodingTally) => ({
      pairs: tally.cooccurrence().map((p) => [p.a.id, p.b.id, p.units, p.either, p.example[0].transcript, p.example[0].turn]),
      counts: codebook.codes.map((c) => [c.id, tally.mentionsOf(c), tally.interviewsOf(c), [...tally.raising(c)].sort()]),
    });
    const forward = view(tallied(corpus));
    // The first unit in id order (A2 before A10) is each pair's example, whichever transcript came first.
    expect(forward.pairs).toEqual([
      ['burnout', 'trust', 2, 3, 'A2', 4],
      ['funding', 'burnout', 1, 4, 'B', 2],
    ]);
    expect(view(tallied([...corpus].reverse()))).toEqual(forward);
    expect(() => tallied([corpus[0]!, corpus[0]!])).toThrow('counted twice');
  });

  it('writes one CSV row per pair, codes first, then labels and the example', () => {
    expect(formatCooccurrenceCsv(analysis).split('\r\n')).toEqual([
      'code_a,code_b,units,jaccard,label_a,label_b,example_transcript,example_turn',
      'funding,burnout,2,0.5,Funding,Burnout,A,2',
      'burnout,trust,1,0.25,Burnout,Trust,A,4',
      '',
    ]);
  });
});

describe('saturation', () => {
  const raised = new Map(Object.entries({ 1: ['a', 'b'], 2: ['b'], 3: ['c'], 4: ['a'], 5: ['d'] }).map(([id, codes]) => [id, new Set(codes)]));
  const codesOf = (id: string): ReadonlySet<string> => raised.get(id)!;
  const s = saturationOf(['1', '2', '3', '4', '5'], codesOf);

  it('counts in the given order the new codes each interview brought, and after which 90% and all had appeared', () => {
    expect(s.steps.map((step) => [step.transcript, step.newCodes, step.cumulativeCodes])).toEqual([
      ['1', 2, 2],
      ['2', 0, 2],
      ['3', 1, 3],
      ['4', 0, 3],
      ['5', 1, 4],
    ]);
    // 90% of 4 codes is 3.6: all 4 are needed.
    expect([s.codes, s.inOrder.at90, s.inOrder.at100]).toEqual([4, 5, 5]);
  });

  it('averages over seeded random orders: the same figures on every run, ending at every code', () => {
    expect(saturationOf(['1', '2', '3', '4', '5'], codesOf)).toEqual(s);
    expect(s.random.orders).toBe(RANDOM_ORDERS);
    expect(s.steps.at(-1)!.randomMeanCodes).toBe(4);
    // Averaged over orders, the first interview brings the mean of the interviews' own counts: (2+1+1+1+1)/5 = 1.2.
    expect(s.steps[0]!.randomMeanCodes).toBeCloseTo(1.2, 0);
    for (let i = 1; i < s.steps.length; i++) expect(s.steps[i]!.randomMeanCodes).toBeGreaterThanOrEqual(s.steps[i - 1]!.randomMeanCodes);
    expect(s.random.at100).toBeGreaterThanOrEqual(s.random.at90);
  });

  it('writes one CSV row per interview', () => {
    const csv = formatSaturationCsv(run(interview('A', 'Funding.'), interview('B', 'Funding and trust.')));
    const [header, first, second] = csv.split('\r\n');
    expect([header, second]).toEqual(['position,transcript,new_codes,cumulative_codes,mean_cumulative_codes_random_orders', '2,B,1,2,2']);
    // First in a random order, A brings 1 code and B 2: the mean lies between, near 1.5.
    const mean = Number(first!.split(',').at(-1));
    expect(first!.startsWith('1,A,1,1,')).toBe(true);
    expect(mean).toBeGreaterThan(1.3);
    expect(mean).toBeLessThan(1.7);
  });
});
