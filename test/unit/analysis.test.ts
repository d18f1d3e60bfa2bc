import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analysis/analyze.js';
import { percent } from '../../src/core/analysis/percent.js';
import { quoteSpan } from '../../src/core/analysis/quotes.js';
import { sliceCodePoints } from '../../src/core/text/offsets.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - {id: funding, label: Funding, type: barrier, category: money, terms: {en: [funding]}}
  - {id: burnout, label: Burnout, type: barrier, category: people, terms: {en: [burnout]}}
  - {id: trust, label: Trust, type: enabler, category: people, terms: {en: [trust]}}
`);

const interview = (id: string, group: string | undefined, ...answers: string[]) =>
  transcriptFrom(`${group === undefined ? '' : `---\ngroup: ${group}\nregion: R${id.length}\n---\n`}${answers.map((a) => `Interviewer: ?\nRespondent: ${a}\n`).join('')}`, id);

const corpus = [
  interview('M1', 'members', 'Funding is short. Funding again.', 'Burnout everywhere.'),
  interview('M2', 'members', 'Funding.'),
  interview('A1', 'allies', 'Nothing to say.'),
  interview('D1', 'donors', 'We fund trust. Funding matters.', 'More funding.'),
  transcriptFrom('---\ngroup: donors\n---\n', 'E1'),
];

function run(by?: string[]): Analysis {
  const result = analyze(corpus, codebook, { unit: 'turn', ...(by === undefined ? {} : { by }) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('frequencies', () => {
  const analysis = run();
  const row = (id: string) => analysis.frequencies.find((f) => f.code.id === id)!;

  it('count interviews raising a code, over the non-empty sample', () => {
    expect(analysis.sampleSize).toBe(4);
    expect([row('funding').interviews, row('funding').interviewsPct]).toEqual([3, 75]);
    expect([row('burnout').interviews, row('burnout').interviewsPct]).toEqual([1, 25]);
  });

  it('count mentions as coded units, not term occurrences', () => {
    // M1 turn 2 has "Funding" twice: one mention. D1 has it in two turns: two mentions.
    expect(row('funding').mentions).toBe(4);
  });

  it('list codes never raised, in codebook order', () => {
    const none = codebookFrom(`  - {id: silence, label: Silence, type: barrier, category: people, terms: {en: [silence]}}\n  - {id: funding, label: Funding, type: barrier, category: money, terms: {en: [funding]}}\n`);
    const result = analyze(corpus, none, { unit: 'turn' });
    expect(result.ok && result.value.frequencies.map((f) => [f.code.id, f.interviews, f.mentions])).toEqual([
      ['silence', 0, 0],
      ['funding', 3, 4],
    ]);
  });

  it('break interviews down by group by default, counting within each group', () => {
    expect(analysis.by).toEqual(['group']);
    expect(row('funding').breakdown.map((b) => [b.value, b.interviews, b.of])).toEqual([
      ['allies', 0, 1],
      ['donors', 1, 1],
      ['members', 2, 2],
    ]);
  });

  it('break down by any attribute, or by language', () => {
    expect(run(['region', 'language']).frequencies[0]!.breakdown.map((b) => `${b.attribute}=${b.value}:${b.interviews}/${b.of}`)).toEqual(['region=R2:3/4', 'language=en:3/4']);
  });

  it('refuse an attribute no transcript gives, naming those that exist', () => {
    const result = analyze(corpus, codebook, { unit: 'turn', by: ['regoin'] });
    expect(result.ok ? undefined : result.problems[0]).toMatchObject({ message: 'no transcript gives the attribute "regoin"', hint: expect.stringContaining('group, language, region') });
  });
});

describe('the sample', () => {
  const analysis = run();

  it('lists empty transcripts but leaves them out of the counts', () => {
    expect(analysis.interviews.map((i) => [i.id, i.isEmpty])).toEqual([
      ['A1', false],
      ['D1', false],
      ['E1', true],
      ['M1', false],
      ['M2', false],
    ]);
    expect(analysis.sample[0]).toEqual({
      attribute: 'group',
      values: [
        { value: 'allies', interviews: 1, pct: 25 },
        { value: 'donors', interviews: 1, pct: 25 },
        { value: 'members', interviews: 2, pct: 50 },
      ],
    });
  });

  it('counts respondent and coded turns', () => {
    expect([analysis.respondentTurns, analysis.codedTurns]).toEqual([6, 5]);
  });

  it('does not depend on the order transcripts come in', () => {
    const reversed = analyze([...corpus].reverse(), codebook, { unit: 'turn' });
    expect(reversed.ok && JSON.stringify(reversed.value.codings)).toBe(JSON.stringify(analysis.codings));
    expect(reversed.ok && JSON.stringify(reversed.value.quotes)).toBe(JSON.stringify(analysis.quotes));
  });
});

describe('percent', () => {
  it('rounds half away from zero to one decimal', () => {
    expect([percent(1, 3), percent(2, 3), percent(1, 8), percent(0, 0), percent(7, 7)]).toEqual([33.3, 66.7, 12.5, 0, 100]);
  });
});

describe('quotes', () => {
  const analysis = run();

  it('come from different interviews, at most three per code, strongest first', () => {
    const funding = analysis.quotes.filter((q) => q.code.id === 'funding');
    // M1 and D1 both score 2 ("Funding ... Funding", "fund ... Funding"): the id breaks the tie. M2 scores 1.
    expect(funding.map((q) => q.transcript)).toEqual(['D1', 'M1', 'M2']);
  });

  it('are the sentences that carry the terms, and their offsets point at them', () => {
    const d1 = corpus.find((t) => t.id === 'D1')!;
    const coding = analysis.codings.find((c) => c.transcript === 'D1' && c.code.id === 'trust')!;
    expect(d1.text.slice(quoteSpan(coding, d1).start, quoteSpan(coding, d1).end)).toBe('We fund trust. Funding matters.');
    for (const q of analysis.quotes) {
      const t = corpus.find((c) => c.id === q.transcript)!;
      expect(sliceCodePoints(t.text, q).replace(/\s+/g, ' ')).toBe(q.text);
    }
  });

  it('cut a long turn down to the sentences with the code', () => {
    const filler = 'This sentence says nothing in particular about the subject at hand. '.repeat(8);
    const t = transcriptFrom(`Respondent: ${filler}Burnout is the real problem for us. ${filler}`, 'L1');
    const result = analyze([t], codebook, { unit: 'turn' });
    expect(result.ok && result.value.quotes.map((q) => q.text)).toEqual([
      'Burnout is the real problem for us. This sentence says nothing in particular about the subject at hand.',
    ]);
  });
});
