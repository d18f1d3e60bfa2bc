// The matching rules that meet real speech: contractions and possessives, phrases with a gap, negation.
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { parseTerm } from '../../src/core/codebook/parse-term.js';
import { codeUnit } from '../../src/core/coding/code-unit.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import type { Language } from '../../src/core/text/language.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { codebookFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - id: rivalry
    label: Rivalry
    type: barrier
    category: money
    terms:
      en: [competition, compete, '/\\bzero[- ]sum\\b/']
      es: [competencia, financiamiento]
  - id: who-does-what
    label: Who does what
    type: enabler
    category: people
    terms:
      en: [who is doing what, they are working, organisation, do not know the context]
  - id: same-people
    label: Same people
    type: barrier
    category: people
    terms:
      en: [same people, '"same old faces"', '"usual names"~3', donor priorities set]
  - id: in-person
    label: In person
    type: enabler
    category: people
    negated: distance
    terms:
      en: [in person]
      es: [en persona]
  - id: distance
    label: Distance
    type: barrier
    category: people
    terms:
      en: [lockdown]
  - id: unpaid
    label: Unpaid
    type: barrier
    category: money
    negated: keep
    terms:
      en: [paid]
`);
const compiled = compileCodebook(codebook);
const codesIn = (text: string, language: Language = 'en') => codeUnit(text, 0, text.length, compiled.index(language)).map((c) => codebook.codes[c.code]!.id);
const termsIn = (text: string, code: string, language: Language = 'en') =>
  codeUnit(text, 0, text.length, compiled.index(language)).find((c) => codebook.codes[c.code]!.id === code)?.matchedTerms;

describe('contractions and possessives', () => {
  it('spell English contractions out and drop possessives', () => {
    expect(tokenize("Don't, who's, they're, we've, I'm, can't, cannot, won't, let's, organisation's, it’s", 'en').map((t) => t.folded)).toEqual(
      ['do', 'not', 'who', 'is', 'they', 'are', 'we', 'have', 'i', 'am', 'can', 'not', 'can', 'not', 'will', 'not', 'let', 'us', 'organisation', 'it', 'is'],
    );
  });

  it('give both words of a contraction the span of the word as written', () => {
    const [first, second] = tokenize("don't", 'en', 10);
    expect([first, second].map((t) => [t?.start, t?.end])).toEqual([
      [10, 15],
      [10, 15],
    ]);
  });

  it('leave Spanish apostrophes alone', () => {
    expect(tokenize("l'ONG", 'es').map((t) => t.folded)).toEqual(["l'ong"]);
  });

  it('let terms match contracted and possessive forms, and contracted terms match the full forms', () => {
    expect(codesIn("Nobody knows who's doing what.")).toEqual(['who-does-what']);
    expect(codesIn("They're working on it.")).toEqual(['who-does-what']);
    expect(codesIn("The organisation's board.")).toEqual(['who-does-what']);
    expect(codesIn("They don't know the context.")).toEqual(['who-does-what']);
    expect(codesIn('They do not know the context.')).toEqual(['who-does-what']);
  });
});

describe('phrases with a gap', () => {
  it('allow one other word between the words of a phrase by default, and no more', () => {
    expect(codesIn('It is always the same people.')).toEqual(['same-people']);
    expect(codesIn('It is always the same few people.')).toEqual(['same-people']);
    expect(codesIn('The same two or three people.')).toEqual([]);
    expect(codesIn('People are never the same.')).toEqual([]);
  });

  it('count the gap over the whole phrase', () => {
    expect(codesIn('The donor priorities we set.')).toEqual(['same-people']);
    expect(codesIn('The donor and their priorities we set.')).toEqual([]);
  });

  it('take the gap a term sets: none in quotes alone, N after ~N', () => {
    expect(codesIn('The same old faces.')).toEqual(['same-people']);
    expect(codesIn('The same tired old faces.')).toEqual([]);
    expect(codesIn('The usual three or four names.')).toEqual(['same-people']);
  });

  it('parse gaps and refuse those out of bounds', () => {
    expect(parseTerm('"same people"~2')).toMatchObject({ kind: 'words', gap: 2 });
    expect(parseTerm('"same people"')).toMatchObject({ kind: 'words', gap: 0 });
    expect(parseTerm('same people')).toMatchObject({ kind: 'words', gap: 1 });
    expect(parseTerm('"same people"~9')).toMatch(/at most 5/);
    expect(parseTerm('"people"~2')).toMatch(/two or more words/);
    expect(parseTerm('"same people"~x')).toMatch(/number of words/);
  });
});

describe('negation', () => {
  it('drops an occurrence with a negator just before it', () => {
    expect(codesIn('There is no competition between us.')).toEqual([]);
    expect(codesIn('We never compete.')).toEqual([]);
    expect(codesIn("We don't compete.")).toEqual([]);
    expect(codesIn('There is not really much competition.')).toEqual([]);
    expect(codesIn('Without competition, things are easier.')).toEqual([]);
    expect(codesIn('Competition is fierce.')).toEqual(['rivalry']);
  });

  it('applies to regular expressions too', () => {
    expect(codesIn('It is not a zero-sum game.')).toEqual([]);
    expect(codesIn('It is a zero-sum game.')).toEqual(['rivalry']);
  });

  it('reaches at most three words, within the clause, and is undone by "not only"', () => {
    expect(codesIn('Not that we ever had so much competition.')).toEqual(['rivalry']);
    expect(codesIn('No, competition is fierce.')).toEqual(['rivalry']);
    expect(codesIn('No money but competition.')).toEqual(['rivalry']);
    expect(codesIn('Not only competition but also mistrust.')).toEqual(['rivalry']);
    expect(codesIn('We have no idea. Competition is everywhere.')).toEqual(['rivalry']);
  });

  it('lets a verb negator reach over light words and the verb, not over two other words', () => {
    expect(codesIn("We don't have any competition.")).toEqual([]);
    expect(codesIn('We did not see competition.')).toEqual([]);
    expect(codesIn('We did not fear their competition.')).toEqual(['rivalry']);
    expect(codesIn('No real competition.')).toEqual([]);
    expect(codesIn('No hay mucha competencia.', 'es')).toEqual([]);
    expect(codesIn('No tememos su competencia.', 'es')).toEqual(['rivalry']);
  });

  it('counts a negated occurrence once another occurrence in the unit is not negated', () => {
    expect(codesIn('No competition at home; abroad, competition everywhere.')).toEqual(['rivalry']);
  });

  it('knows Spanish negators, several words long too', () => {
    expect(codesIn('Trabajamos sin financiamiento.', 'es')).toEqual([]);
    expect(codesIn('Hay una falta de financiamiento.', 'es')).toEqual([]);
    expect(codesIn('No hay competencia.', 'es')).toEqual([]);
    expect(codesIn('Sin embargo el financiamiento llegó.', 'es')).toEqual(['rivalry']);
  });

  it('leaves the occurrence alone for a code with negated: keep', () => {
    expect(codesIn('We were not paid.')).toEqual(['unpaid']);
  });

  it('sends the occurrence to the code named by negated:, saying so among the matched terms', () => {
    expect(codesIn('We miss meeting in person.')).toEqual(['in-person']);
    expect(codesIn('The lack of in-person meetings hurt.')).toEqual(['distance']);
    expect(termsIn('The lack of in-person meetings, and the lockdown.', 'distance')).toEqual(['lockdown', 'in person (negated)']);
    expect(codesIn('Nunca nos vimos en persona.', 'es')).toEqual(['distance']);
  });
});

describe('the negated setting in a codebook', () => {
  const codes = (negated: string) =>
    `categories: [{id: p, label: P}]\ntypes: [{id: b, label: B}]\ncodes:\n  - {id: in-person, label: A, type: b, category: p, definition: d, negated: ${negated}, terms: {en: [in person]}}\n  - {id: distance, label: B, type: b, category: p, definition: d, terms: {en: [lockdown]}}\n`;
  const errors = (negated: string) => {
    const result = parseCodebook(codes(negated), 'cb.yaml');
    return result.ok ? [] : result.problems.map((p) => p.message);
  };

  it('accepts skip, keep and a code id', () => {
    expect(errors('skip')).toEqual([]);
    expect(errors('keep')).toEqual([]);
    expect(errors('distance')).toEqual([]);
  });

  it('rejects an unknown code, the code itself, and a value that is not an id', () => {
    expect(errors('distanse')).toEqual(['negated: unknown code "distanse" (did you mean "distance"?)']);
    expect(errors('in-person')).toEqual(['code "in-person" sends negated mentions to itself']);
    expect(errors('"Do not"')).toEqual(['negated: "Do not" is neither skip, keep nor a code id']);
  });
});

describe('regular expressions with flags', () => {
  it('are refused, since they would never match', () => {
    expect(parseTerm('/power/i')).toMatch(/takes no flags.*write \/power\//);
    expect(parseTerm('/power/')).toMatchObject({ kind: 'regex' });
  });
});
