// Suggestions for the units the terms missed: ranking by BM25 over the codes' own text, evidence, thresholds.
import { describe, expect, it } from 'vitest';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import { similarityIndex } from '../../src/core/suggestions/similarity.js';
import { MIN_SCORE, suggestCodes } from '../../src/core/suggestions/suggest-codes.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - id: travel
    label: Travel restrictions keep members away from meetings
    type: barrier
    category: people
    definition: Visas, flights and border controls stop people from attending gatherings abroad.
    use_when: Someone could not attend because of travel.
    terms:
      en: [visa*, airfare, travel ban]
      es: [visado*, pasaje*]
  - id: funding
    label: Funding tied to single projects
    type: barrier
    category: money
    definition: Money comes project by project, for deliverables, with nothing left for the shared work.
    terms:
      en: [project funding, earmarked, deliverable*]
      es: [fondos por proyecto]
  - id: trust
    label: Trust built over years
    type: enabler
    category: people
    definition: Partners who have known each other for years trust each other.
    terms:
      en: [trust, long-standing]
`);
const names = (ranked: { code: number }[]) => ranked.map((r) => codebook.codes[r.code]!.id);

describe('similarityIndex', () => {
  const en = similarityIndex(codebook, 'en');

  it('ranks the codes whose text shares the most distinctive words with a unit first', () => {
    expect(names(en.rank('Half of our members could not get their visas, so they missed the gathering.'))[0]).toBe('travel');
    expect(names(en.rank('The money only comes for one project at a time, for its deliverables.'))[0]).toBe('funding');
  });

  it('gives the shared words as written, with the fields of the code they came from, strongest first', () => {
    const [top] = en.rank('Our members were stopped at border controls.');
    expect(top!.evidence.map((e) => [e.word, e.fields])).toEqual(
      expect.arrayContaining([
        ['border', ['definition']],
        ['members', ['label']],
      ]),
    );
    expect(top!.score).toBeCloseTo(top!.evidence.reduce((n, e) => n + e.weight, 0), 10);
    expect(top!.evidence.map((e) => e.weight)).toEqual([...top!.evidence.map((e) => e.weight)].sort((a, b) => b - a));
  });

  it('matches prefix terms, and counts a word once however often it recurs', () => {
    const once = en.rank('Visas.')[0]!;
    const thrice = en.rank('Visas, visas, visas.')[0]!;
    expect(once.evidence[0]).toMatchObject({ word: 'visas', fields: ['definition', 'terms'] });
    expect(thrice.score).toBe(once.score);
  });

  it('ignores function words', () => {
    expect(en.rank('And the of from with it was that.')).toEqual([]);
  });

  it("uses the label, definition and use_when only for units in the codebook's language; terms in their own", () => {
    const es = similarityIndex(codebook, 'es');
    expect(es.rank('members travel gatherings')).toEqual([]);
    expect(names(es.rank('Los visados y los pasajes son carísimos.'))).toEqual(['travel']);
  });
});

describe('suggestCodes', () => {
  const transcript = transcriptFrom(
    [
      'Interviewer: What stands in the way?',
      'Respondent: We face real trouble with visas and border controls: members miss the gatherings abroad.',
      'Interviewer: And money?',
      'Respondent: Project funding, always earmarked.',
      'Interviewer: Anything else?',
      'Respondent: The weather was lovely in spring, and we planted tomatoes.',
    ].join('\n'),
  );
  const auto = codeTranscript(transcript, compileCodebook(codebook), 'turn');

  it('suggests codes only for units no coding covers, and none for units unlike every code', () => {
    // Turn 2 is coded by its terms (visa*); taken as uncoded here, it gets the code as a suggestion.
    expect(auto.some((c) => c.turn === 2)).toBe(true);
    const result = suggestCodes([transcript], codebook, auto.filter((c) => c.turn !== 2), 'turn');
    expect(result.uncodedUnits).toBe(2);
    expect(result.suggestedUnits).toBe(1);
    expect(result.suggestions.map((s) => [s.turn, s.rank, s.code.id])).toEqual([[2, 1, 'travel']]);
    expect(result.suggestions[0]!.text).toBe('We face real trouble with visas and border controls: members miss the gatherings abroad.');
    expect(result.suggestions[0]!.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('gives at most three codes per unit, ranked', () => {
    const result = suggestCodes([transcript], codebook, [], 'turn');
    for (const turn of new Set(result.suggestions.map((s) => s.turn))) {
      const ranks = result.suggestions.filter((s) => s.turn === turn).map((s) => s.rank);
      expect(ranks).toEqual([1, 2, 3].slice(0, ranks.length));
    }
    expect(result.suggestions.filter((s) => s.turn === 6)).toEqual([]);
  });
});
