import { describe, expect, it } from 'vitest';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import { codeUnit } from '../../src/core/coding/code-unit.js';
import { unitsOf } from '../../src/core/coding/units.js';
import { sliceCodePoints } from '../../src/core/text/offsets.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - id: funding
    label: Funding
    type: barrier
    category: money
    terms:
      en: [funding, donor priorities, fund* cycle, '/\\bgrants? (?:of|for) \\d+ months\\b/']
      es: [financiamiento, donante*, colabor*]
    exclude:
      en: [crowdfunding]
  - id: burnout
    label: Burnout
    type: barrier
    category: people
    terms:
      en: [burnout, exhausted, exhausted team]
      es: [agotamiento]
`);
const compiled = compileCodebook(codebook);
const codesIn = (text: string, language: 'en' | 'es' = 'en') =>
  codeUnit(text, 0, text.length, compiled.index(language)).map((c) => [codebook.codes[c.code]!.id, c.score, c.matchedTerms]);

describe('term kinds', () => {
  it('match single words on their stems', () => {
    expect(codesIn('We were funded once.')).toEqual([['funding', 1, ['funding']]]);
  });

  it('match phrases as stemmed words in order, ignoring case and punctuation between them', () => {
    expect(codesIn('It follows Donor-Priorities.')).toEqual([['funding', 2, ['donor priorities']]]);
    expect(codesIn('The donor sets its priorities.')).toEqual([]);
  });

  it('match prefix wildcards, also inside phrases', () => {
    expect(codesIn('the funding cycle', 'en')[0]?.[2]).toEqual(['funding', 'fund* cycle']);
    expect(codesIn('Las donantes y la colaboración.', 'es')).toEqual([['funding', 2, ['donante*', 'colabor*']]]);
  });

  it('match regular expressions on the unit text, case-insensitively', () => {
    expect(codesIn('Grants of 12 months are too short.')).toEqual([['funding', 2, ['/\\bgrants? (?:of|for) \\d+ months\\b/']]]);
  });

  it('match accented Spanish words whole, and without their accents', () => {
    expect(codesIn('El financiamiento y el agotamiento.', 'es').map((c) => c[0])).toEqual(['funding', 'burnout']);
    expect(codesIn('COLABORACION sin tildes', 'es')).toEqual([['funding', 1, ['colabor*']]]);
  });

  it('use the terms of the unit language only', () => {
    expect(codesIn('agotamiento', 'en')).toEqual([]);
    expect(codesIn('burnout', 'es')).toEqual([]);
  });
});

describe('exclusions', () => {
  it('veto the code in the unit where they occur, and only that code', () => {
    expect(codesIn('Crowdfunding replaced funding, and we are exhausted.')).toEqual([['burnout', 1, ['exhausted']]]);
  });
});

describe('scores', () => {
  it('add one weight per occurrence; phrases weigh their length; overlapping hits of a code count once; terms list in codebook order', () => {
    // "exhausted team" (2) overlaps "exhausted" (1): counted once at 2; then "burnout" adds 1.
    expect(codesIn('An exhausted team, and burnout.')).toEqual([['burnout', 3, ['burnout', 'exhausted', 'exhausted team']]]);
  });

  it('rank the codes of a unit, strongest first', () => {
    expect(codesIn('Funding. Burnout, burnout, exhausted.').map((c) => c[0])).toEqual(['burnout', 'funding']);
  });
});

describe('codeTranscript', () => {
  const text = '---\ngroup: members\n---\nInterviewer: Is funding a problem? Burnout?\nRespondent: Funding is.\n\nAnd burnout 😀 too.\nInterviewer: Thanks.\n';
  const transcript = transcriptFrom(text);

  it('never codes interviewer turns', () => {
    expect(codeTranscript(transcript, compiled, 'turn').map((c) => [c.turn, c.code.id])).toEqual([
      [2, 'funding'],
      [2, 'burnout'],
    ]);
  });

  it('records code point offsets that point at the unit', () => {
    for (const coding of codeTranscript(transcript, compiled, 'paragraph')) {
      expect(sliceCodePoints(transcript.text, coding)).toBe(coding.text);
    }
    const [first] = codeTranscript(transcript, compiled, 'turn');
    expect(first).toMatchObject({ transcript: 'T1', speaker: 'Respondent', text: 'Funding is.\n\nAnd burnout 😀 too.' });
  });

  it('splits turns into paragraphs or sentences when asked', () => {
    const texts = (unit: 'paragraph' | 'sentence') => unitsOf(transcript, unit).map((u) => transcript.text.slice(u.start, u.end));
    expect(texts('paragraph')).toEqual(['Funding is.', 'And burnout 😀 too.']);
    expect(codeTranscript(transcript, compiled, 'sentence').map((c) => c.text)).toEqual(['Funding is.', 'And burnout 😀 too.']);
  });
});
