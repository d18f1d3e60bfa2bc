import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analysis/analyze.js';
import { percent } from '../../src/core/analysis/percent.js';
import { strengthOfScore } from '../../src/core/coding/strength.js';
import { formatReportMarkdown } from '../../src/outputs/report-md.js';
import { codebookFrom, heldCodings, transcriptFrom } from '../helpers/build.js';

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
    expect(reversed.ok && JSON.stringify(reversed.value.codingRows)).toBe(JSON.stringify(analysis.codingRows));
    expect(reversed.ok && JSON.stringify(reversed.value.quotes)).toBe(JSON.stringify(analysis.quotes));
  });
});

describe('percent', () => {
  it('rounds half away from zero to one decimal', () => {
    expect([percent(1, 3), percent(2, 3), percent(1, 8), percent(0, 0), percent(7, 7)]).toEqual([33.3, 66.7, 12.5, 0, 100]);
  });
});

describe('evidence strength', () => {
  it('is read from the score: weak 1, moderate 2, strong 3 or more', () => {
    expect([1, 2, 3, 7].map(strengthOfScore)).toEqual(['weak', 'moderate', 'strong', 'strong']);
  });

  it('is counted per code, and --min-score leaves weaker codings out of codings, counts and quotes', () => {
    const all = run();
    // funding: M1 "Funding ... Funding" (2), M2 "Funding." (1), D1 "fund ... Funding" (2) and "More funding." (1).
    expect(all.frequencies.find((f) => f.code.id === 'funding')!.byStrength).toEqual({ strong: 0, moderate: 2, weak: 2 });
    const strict = analyze(corpus, codebook, { unit: 'turn', minScore: 2 });
    if (!strict.ok) throw new Error('analysis failed');
    const funding = strict.value.frequencies.find((f) => f.code.id === 'funding')!;
    expect([funding.interviews, funding.mentions, funding.byStrength]).toEqual([2, 2, { strong: 0, moderate: 2, weak: 0 }]);
    expect(heldCodings(strict.value).every((c) => c.source === 'auto' && c.score >= 2)).toBe(true);
    expect(strict.value.quotes.every((q) => q.coding.source === 'auto' && q.coding.score >= 2)).toBe(true);
    expect(strict.value.minScore).toEqual({ score: 2, dropped: all.codingCount - strict.value.codingCount });
  });
});

describe('interviewers', () => {
  it('are noted, with the limitation it brings, when a transcript has several speakers and none recognised as the interviewer', () => {
    const result = analyze([...corpus, transcriptFrom('Dan: What about money?\nAmara: Funding is short.', 'X1')], codebook, { unit: 'turn' });
    if (!result.ok) throw new Error('analysis failed');
    expect(result.value.interviews.filter((i) => i.interviewer.status === 'unrecognised').map((i) => i.id)).toEqual(['X1']);
    expect(formatReportMarkdown(result.value, { generator: 'test' })).toContain(
      "1 transcript has several speakers and none recognised as the interviewer (X1): the interviewer's words were coded and may be quoted as a respondent's.",
    );
  });
});
