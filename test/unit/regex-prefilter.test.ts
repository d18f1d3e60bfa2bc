import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { parseTerm } from '../../src/core/codebook/parse-term.js';
import { passesPrefilter, requiredLiterals } from '../../src/core/coding/regex-prefilter.js';

describe('requiredLiterals', () => {
  it('finds every group of literals a match must contain', () => {
    expect(requiredLiterals(String.raw`\bagenda\b.{0,60}\bdonors\b`)).toEqual([['agenda'], ['donors']]);
    expect(requiredLiterals(String.raw`\b(?:Give|gives|gave|offer\w*)\b.{0,40}platform`)).toEqual([['platform'], ['give', 'gave', 'offer']]);
    expect(requiredLiterals('power (and|&) privilege')).toEqual([[' privilege'], ['power ']]);
    expect(requiredLiterals(String.raw`(?<=\bgive.{0,9})platform`)).toEqual([['platform']]);
  });

  it('leaves out what a quantifier makes optional', () => {
    expect(requiredLiterals('colou?r')).toEqual([['colo']]);
    expect(requiredLiterals('(foo)?bar')).toEqual([['bar']]);
    expect(requiredLiterals(String.raw`the (?:few )?same`)).toEqual([['the '], ['same']]);
  });

  it('reads escapes as what they are', () => {
    expect(requiredLiterals(String.raw`\p{L}abc`)).toEqual([['abc']]);
    expect(requiredLiterals(String.raw`caf\u{e9}s`)).toEqual([['caf']]);
    expect(requiredLiterals(String.raw`abc\.def`)).toEqual([['abc.def']]);
  });

  it('gives up whenever no literal is certain', () => {
    for (const source of ['a|b', 'agenda|donors', '(?:ab|cde)x', '[abc]de', '.{0,3}ag', 'ab+cd', String.raw`\w+`]) {
      expect(requiredLiterals(source), source).toBeUndefined();
    }
  });
});

describe('the prefilter', () => {
  it('never rejects a unit its regex matches (every regex of the bundled codebook, every paragraph of the example)', () => {
    const codebook = parseCodebook(readFileSync('codebooks/collaboration-code.yaml', 'utf8'), 'cb');
    if (!codebook.ok) throw new Error('bundled codebook invalid');
    const regexes = codebook.value.codes.flatMap((c) => [...(c.terms.en ?? []), ...(c.terms.es ?? [])]).map(parseTerm).flatMap((t) => (typeof t !== 'string' && t.kind === 'regex' ? [t.regex] : []));
    expect(regexes.length).toBeGreaterThan(5);
    const paragraphs = readdirSync('fixtures/example').flatMap((f) => readFileSync(`fixtures/example/${f}`, 'utf8').split(/\n\s*\n/));
    let matched = 0;
    for (const regex of regexes) {
      const literals = requiredLiterals(regex.source);
      expect(literals, regex.source).toBeDefined();
      for (const text of [...paragraphs, 'They GAVE us the Platform.', 'La agenda la fijan los DONANTES.']) {
        if (new RegExp(regex.source, 'iu').test(text)) {
          matched++;
          expect(passesPrefilter(text.toLowerCase(), literals!), `${regex.source} on ${text}`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(5);
  });
});

