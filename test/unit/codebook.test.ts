import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Ajv } from 'ajv';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { parseTerm, termKind } from '../../src/core/codebook/parse-term.js';

const BUNDLED = 'codebooks/collaboration-code.yaml';
const read = (file: string) => readFileSync(file, 'utf8');

function problemsOf(text: string) {
  const result = parseCodebook(text, 'cb.yaml');
  return result.ok ? [] : result.problems.filter((p) => p.severity === 'error');
}

describe('parseTerm', () => {
  it('tells the four kinds of term apart', () => {
    const kinds = ['funding', 'same people', 'colabor*', '/power (and|&) privilege/', 'co-design*'].map((t) => {
      const parsed = parseTerm(t);
      return typeof parsed === 'string' ? parsed : termKind(parsed);
    });
    expect(kinds).toEqual(['word', 'phrase', 'prefix', 'regex', 'prefix']);
  });

  it('rejects invalid terms with a reason', () => {
    expect(parseTerm('/[unclosed/')).toMatch(/invalid regular expression/);
    expect(parseTerm('co*l')).toMatch(/wildcard/);
    expect(parseTerm('ab*')).toMatch(/at least 3 letters/);
    expect(parseTerm('  ')).toBe('empty term');
    expect(parseTerm('/\bword\b/')).toMatch(/single quotes/);
    expect(parseTerm('/word/i')).toMatch(/no flags/);
  });
});

describe('parseCodebook', () => {
  it('accepts the bundled codebook: 42 codes, 4 types, 5 categories, no warnings', () => {
    const result = parseCodebook(read(BUNDLED), BUNDLED);
    expect(result.ok && result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.value.codes).toHaveLength(42);
    expect(result.value.types.map((t) => t.id)).toEqual(['barrier', 'enabler', 'strength', 'gap']);
    expect(result.value.categories.map((c) => c.label)).toEqual(['People', 'Trust / Process', 'Resources', 'Impact', "The network's role"]);
    for (const code of result.value.codes) {
      expect(code.definition, code.id).not.toBe('');
      expect(code.terms.en?.length, `${code.id} en`).toBeGreaterThan(5);
      expect(code.terms.es?.length, `${code.id} es`).toBeGreaterThan(5);
    }
  });

  const outline = '../shared/study/collaboration-code-outline.md';
  it.skipIf(!existsSync(outline))("carries the study's code labels exactly, in the study's order", () => {
    const text = read(outline);
    const section = text.slice(text.indexOf('### Barriers'), text.indexOf("## The report's shape"));
    const labels = section.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).trim());
    const result = parseCodebook(read(BUNDLED), BUNDLED);
    expect(result.ok && result.value.codes.map((c) => c.label)).toEqual(labels);
  });

  it('reports every mistake with its line and column, and suggests the key meant', () => {
    const problems = problemsOf(read('fixtures/cases/invalid-codebook.yaml'));
    const at = (fragment: string) => problems.find((p) => p.message.includes(fragment));
    expect(at('unknown key "definiton"')).toMatchObject({ line: 14, column: 5, message: expect.stringContaining('did you mean "definition"') });
    expect(at('duplicate code id "burnout"')).toMatchObject({ line: 17, message: expect.stringContaining('first defined at line 10') });
    expect(at('unknown type "barier"')).toMatchObject({ line: 25, message: expect.stringContaining('did you mean "barrier"') });
    expect(at('unknown category "peeple"')).toMatchObject({ line: 26, message: expect.stringContaining('did you mean "people"') });
    expect(at('invalid regular expression')).toMatchObject({ line: 28 });
    expect(at('"silent" has no terms')).toMatchObject({ line: 34 });
    expect(problems).toHaveLength(6);
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a! - b!));
  });

  it('reports YAML syntax errors at their line', () => {
    const problems = problemsOf('title: x\ncategories:\n  - id: a\n    label: [A\ntypes: []\n');
    expect(problems[0]).toMatchObject({ file: 'cb.yaml', message: expect.stringContaining('YAML syntax') });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('rejects a document that is not a mapping, and missing sections', () => {
    expect(problemsOf('- a\n- b\n')[0]?.message).toContain('a codebook is a mapping');
    expect(problemsOf('title: x\n').map((p) => p.message)).toEqual(['"categories" is missing', '"types" is missing', '"codes" is missing']);
  });

  it('rejects invalid ids and unknown languages', () => {
    const problems = problemsOf('language: fr\ncategories: [{id: "Bad Id", label: x}]\ntypes: [{id: t, label: T}]\ncodes: [{id: c, label: C, type: t, category: x, terms: {en: [a b]}}]\n');
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining(['unsupported language "fr"', 'id "Bad Id" is not a valid id']));
  });
});

describe('codebook JSON Schema', () => {
  const schema = JSON.parse(read('codebooks/codebook.schema.json')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('accepts the bundled codebook', () => {
    expect(validate(parseYaml(read(BUNDLED))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown keys and codes without terms, as validate does', () => {
    expect(validate(parseYaml(read('fixtures/cases/invalid-codebook.yaml')))).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    expect(validate({ categories: [{ id: 'a', label: 'A' }], types: [{ id: 't', label: 'T' }], codes: [{ id: 'c', label: 'C', type: 't', category: 'a' }] })).toBe(false);
  });

  it('knows the negated setting: skip, keep or a code id', () => {
    const codebook = (negated: string) => ({ categories: [{ id: 'a', label: 'A' }], types: [{ id: 't', label: 'T' }], codes: [{ id: 'c', label: 'C', type: 't', category: 'a', terms: { en: ['x'] }, negated }] });
    expect(validate(codebook('keep'))).toBe(true);
    expect(validate(codebook('other-code'))).toBe(true);
    expect(validate(codebook('Not An Id'))).toBe(false);
  });
});

describe('selfVetoingExclusions', () => {
  it('warns about an exclusion that matches the same words as a term of its code', async () => {
    const { selfVetoingExclusions } = await import('../../src/core/coding/diagnostics.js');
    const result = parseCodebook(
      'categories: [{id: p, label: P}]\ntypes: [{id: b, label: B}]\ncodes:\n  - {id: burnout, label: B, type: b, category: p, definition: d, terms: {en: [exhausted, burnout]}, exclude: {en: [exhaustive, exhaustive*]}}\n',
      'cb.yaml',
    );
    if (!result.ok) throw new Error('invalid');
    const warnings = selfVetoingExclusions(result.value, 'cb.yaml');
    expect(warnings.map((w) => w.message)).toEqual(['code "burnout" (en): the exclusion "exhaustive" matches the same words as its term "exhausted" ("exhaust"), so that term can never apply the code']);
    expect(warnings[0]).toMatchObject({ severity: 'warning', hint: 'to exclude one form only, write it as a prefix: "exhaustive*"' });
  });

  it('finds none in the bundled codebook', async () => {
    const { selfVetoingExclusions } = await import('../../src/core/coding/diagnostics.js');
    const result = parseCodebook(read(BUNDLED), BUNDLED);
    expect(result.ok && selfVetoingExclusions(result.value, BUNDLED)).toEqual([]);
  });
});
