// codebook lint's measures that help revise terms: the forms a term misses, and firing on an off-topic corpus.
import { describe, expect, it } from 'vitest';
import { lintCodebook } from '../../src/core/coding/lint.js';
import type { NearForms } from '../../src/core/coding/near-forms.js';
import { offTopicFiring } from '../../src/core/coding/off-topic.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - id: caring
    label: A caring team
    type: enabler
    category: people
    terms:
      en: [caring*, connector, reporter]
  - id: rivalry
    label: Rivalry
    type: barrier
    category: money
    terms:
      en: [competition, paper]
`);

describe('forms the terms miss', () => {
  const transcript = transcriptFrom(
    [
      'Respondent: The team will care for you, and they connect people. Caring staff.',
      'Interviewer: And?',
      'Respondent: They care a lot, and the connection helped. The paperwork did not. Careers matter.',
      'Interviewer: Who else?',
      'Respondent: Reporters and their reports.',
    ].join('\n'),
  );
  const found = lintCodebook(codebook, [transcript], 'turn').findings.filter((f): f is NearForms => f.kind === 'near-forms');
  const formsOf = (term: string) => found.find((f) => f.term === term)?.forms.map((w) => [w.word, w.units]);

  it('lists words that share a term\'s stem or a longer root, with the units its code did not get', () => {
    // Turn 1 is coded caring ("Caring"); turn 3 is not.
    expect(formsOf('caring*')).toEqual([['care', 1]]);
    expect(formsOf('connector')).toEqual([['connection', 1]]);
  });

  it('leaves out compounds, short roots that only start alike, and what the stemmer already joins', () => {
    expect(formsOf('paper')).toBeUndefined();
    expect(JSON.stringify(found)).not.toContain('careers');
    expect(formsOf('reporter')).toBeUndefined();
  });
});

describe('off-topic firing', () => {
  const offTopic = [
    transcriptFrom('Respondent: The ward was quiet.\nInterviewer: And?\nRespondent: Competition for beds is fierce; no competition for staff.\nInterviewer: Else?\nRespondent: The paper forms are slow.\n', 'H1'),
    transcriptFrom('Respondent: Our harvest was good.\nInterviewer: And?\nRespondent: Paper bags again.\n', 'F1'),
  ];

  it('gives the share of units coded and each term\'s units there, most first', () => {
    const o = offTopicFiring(codebook, offTopic, 'turn');
    expect(o).toMatchObject({ transcripts: 2, units: 5, codedUnits: 3 });
    expect(o.terms.map((t) => [t.code.id, t.term, t.units])).toEqual([
      ['rivalry', 'paper', 2],
      ['rivalry', 'competition', 1],
    ]);
  });
});
