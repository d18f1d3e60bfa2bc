// Codebooks to and from other tools: REFI-QDA codebooks (.qdc) out and in, quanteda and LIWC dictionaries in, and
// the YAML codebook an import writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { codebookFromTree, slugId } from '../../src/interop/code-tree.js';
import { readLiwc } from '../../src/interop/dictionaries/liwc.js';
import { convertPattern } from '../../src/interop/dictionaries/patterns.js';
import { readQuanteda } from '../../src/interop/dictionaries/quanteda.js';
import { readQdc, writeQdc } from '../../src/interop/refi/qdc.js';
import { formatCodebookYaml } from '../../src/outputs/codebook-yaml.js';
import { codebookFrom } from '../helpers/build.js';
import { CODEBOOK } from '../helpers/cli.js';
import { qdcSchemaErrors } from '../helpers/refi-schemas.js';

const bundled = (() => {
  const parsed = parseCodebook(readFileSync(CODEBOOK, 'utf8'), path.basename(CODEBOOK));
  if (!parsed.ok) throw new Error('bundled codebook invalid');
  return parsed.value;
})();

async function qdcOf(xml: string) {
  const read = await readQdc(xml, 'team.qdc', 'en');
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

describe('exporting a codebook as .qdc', () => {
  it('validates against the REFI-QDA codebook schema', async () => {
    expect(await qdcSchemaErrors(await writeQdc(bundled, 'collab-code 9.9.9'))).toEqual([]);
  });

  it('comes back with the same codes, types, categories, definitions and guidance', async () => {
    const { codebook } = await qdcOf(await writeQdc(bundled, 'collab-code 9.9.9'));
    expect(codebook.codes.map((c) => c.label)).toEqual(bundled.codes.map((c) => c.label));
    const typeLabel = (book: typeof bundled, id: string) => book.types.find((t) => t.id === id)?.label;
    const categoryLabel = (book: typeof bundled, id: string) => book.categories.find((c) => c.id === id)?.label;
    for (const [i, code] of codebook.codes.entries()) {
      const original = bundled.codes[i]!;
      expect([typeLabel(codebook, code.type), categoryLabel(codebook, code.category)]).toEqual([typeLabel(bundled, original.type), categoryLabel(bundled, original.category)]);
      expect([code.definition, code.useWhen, code.doNotUseWhen]).toEqual([original.definition, original.useWhen, original.doNotUseWhen]);
    }
    expect(codebook.types.map((t) => t.description)).toEqual(bundled.types.map((t) => t.description));
  });

  it('gives each code the same GUID in every export', async () => {
    const first = await writeQdc(bundled, 'collab-code 9.9.9');
    const changed = await writeQdc({ ...bundled, codes: [...bundled.codes].reverse() }, 'collab-code 9.9.9');
    const guidOf = (xml: string, label: string) => new RegExp(`guid="([^"]+)" name="${label}"`).exec(xml)?.[1];
    expect(guidOf(changed, 'Exhaustion and burnout')).toBe(guidOf(first, 'Exhaustion and burnout'));
    expect(guidOf(first, 'Exhaustion and burnout')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('importing a .qdc written by another tool', () => {
  const qdc = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14">
  <Codes>
    <Code guid="{5215CC69-B628-4E02-AFB9-9BEEAEE55808}" name="Obstáculos" isCodable="false">
      <Code guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name="Competencia por fondos" isCodable="true" color="#ffff00"><Description>Organizaciones que compiten por el mismo dinero.</Description></Code>
      <Code guid="0dcef2f5-e55c-49da-8c33-9b0803c7aeb4" name="Agotamiento" isCodable="true"/>
    </Code>
    <Code guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="Facilitadores" isCodable="false">
      <Code guid="7c108712-b650-4892-ac0b-fc9a10190c3b" name="Fondos flexibles" isCodable="true"/>
    </Code>
  </Codes>
  <Sets><Set guid="12365523-1035-4afa-9e7b-281fe0bc51c5" name="Dinero"><MemberCode guid="d7aa29da-519b-4946-9b90-253b6db8fd0a"/></Set></Sets>
</CodeBook>`;

  it('makes codes with ids, labels, hierarchy and definitions, and says what did not carry over', async () => {
    const { codebook, notes } = await qdcOf(qdc);
    expect(codebook.codes.map((c) => [c.id, c.label, c.category, c.definition])).toEqual([
      ['competencia-por-fondos', 'Competencia por fondos', 'obstaculos', 'Organizaciones que compiten por el mismo dinero.'],
      ['agotamiento', 'Agotamiento', 'obstaculos', ''],
      ['fondos-flexibles', 'Fondos flexibles', 'facilitadores', ''],
    ]);
    expect(codebook.categories.map((c) => c.label)).toEqual(['Obstáculos', 'Facilitadores']);
    expect(notes).toEqual(['colours of 1 codes are not kept', 'REFI-QDA codebooks have no matching terms: add terms to each code before coding automatically', 'sets of codes are not kept']);
  });

  it('writes YAML that collab-code reads back, refusing only for the terms still to add', async () => {
    const { codebook } = await qdcOf(qdc);
    const parsed = parseCodebook(formatCodebookYaml(codebook, ['Imported from team.qdc']), 'imported.yaml');
    expect(!parsed.ok && parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'code "competencia-por-fondos" has no terms, so it can never be applied',
      'code "agotamiento" has no terms, so it can never be applied',
      'code "fondos-flexibles" has no terms, so it can never be applied',
    ]);
  });

  it('refuses a file that is not a codebook, and malformed XML at its line', async () => {
    const project = await readQdc('<Project name="x"/>', 'team.qdc', 'en');
    expect(!project.ok && project.problems[0]!.message).toBe('not a REFI-QDA codebook: no <CodeBook> element');
    const broken = await readQdc('<CodeBook>\n<Codes>\n</CodeBook>', 'team.qdc', 'en');
    expect(!broken.ok && broken.problems[0]).toMatchObject({ file: 'team.qdc', line: 3 });
  });
});

describe('a code tree as a codebook', () => {
  it('takes the top folders as types when every code is two folders deep, else one type', () => {
    const leaf = (name: string) => ({ name, codable: true, children: [] });
    const folder = (name: string, children: ReturnType<typeof leaf>[]) => ({ name, codable: false, children });
    const typed = codebookFromTree([folder('Barriers', [folder('People', [leaf('Burnout')]) as never]), folder('Enablers', [folder('People', [leaf('Trust')]) as never])], { title: 't', language: 'en' });
    expect(typed.types.map((t) => t.label)).toEqual(['Barriers', 'Enablers']);
    expect(typed.categories.map((c) => c.label)).toEqual(['People']);
    const flat = codebookFromTree([leaf('Burnout'), folder('Money', [leaf('Funding')])], { title: 't', language: 'en' });
    expect(flat.types.map((t) => t.id)).toEqual(['code']);
    expect(flat.codes.map((c) => c.category)).toEqual(['uncategorised', 'money']);
  });

  it('makes valid, unique ids of any name', () => {
    const taken = new Set<string>();
    expect(['Rivalry for funding has permeated into the culture, and the ways of working together', 'Año ñandú', '¿?', 'Año ñandú', "The network's role"].map((n) => slugId(n, taken))).toEqual([
      'rivalry-for-funding-has-permeated-into',
      'ano-nandu',
      'code',
      'ano-nandu-2',
      'the-networks-role',
    ]);
  });
});

describe('dictionary patterns as terms', () => {
  it.each([
    ['funding', 'funding'],
    ['tax*', 'tax*'],
    ['burn* out', 'burn* out'],
    ['united states', 'united states'],
  ])('keeps %s as a term', (pattern, term) => {
    expect(convertPattern(pattern)).toEqual({ term, as: 'term' });
  });

  it('turns wildcards a prefix cannot express into regular expressions that still match whole words', () => {
    const cases: [string, string[], string[]][] = [
      ['*ing', ['Working hard', 'ing'], ['ingest']],
      ['ab*', ['abuse', 'ab'], ['cab']],
      ['col?r', ['color', 'colour is not'], ['colour']],
    ];
    for (const [pattern, matches, misses] of cases) {
      const converted = convertPattern(pattern);
      expect('as' in converted && converted.as).toBe('regex');
      const regex = new RegExp(('term' in converted ? converted.term : '').slice(1, -1), 'iu');
      for (const m of matches.slice(0, 1)) expect(regex.test(m), `${pattern} ~ ${m}`).toBe(true);
      for (const m of misses) expect(regex.test(m), `${pattern} !~ ${m}`).toBe(false);
    }
  });

  it('skips an entry with no word in it, saying why', () => {
    expect(convertPattern(':)')).toEqual({ skipped: '":)" has no letters or digits to match' });
  });
});

describe('a quanteda dictionary', () => {
  const dictionary = `# our own dictionary\nbarriers:\n  burnout: [exhausted, burn* out, agotad*]\n  rivalry:\n    - compet*\n    - "*rivalr*"\nenablers:\n  funding: [core funding, flexible fund*]\n`;

  it('becomes codes under the tree of its keys, with its patterns as terms', () => {
    const read = readQuanteda(dictionary, 'policy.yml', 'en');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { codebook, notes } = read.value;
    expect(codebook.codes.map((c) => [c.id, c.category, c.terms.en])).toEqual([
      ['burnout', 'barriers', ['exhausted', 'burn* out', 'agotad*']],
      ['rivalry', 'barriers', ['compet*', '/(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]*rivalr[\\p{L}\\p{N}]*(?![\\p{L}\\p{N}])/']],
      ['funding', 'enablers', ['core funding', 'flexible fund*']],
    ]);
    expect(notes).toContain('1 patterns with wildcards a prefix term cannot express (* not at the end of a word, ?, or fewer than 3 letters before *) became regular expressions');
  });

  it('writes a YAML codebook that validates, terms and all', () => {
    const read = readQuanteda(dictionary, 'policy.yml', 'en');
    if (!read.ok) throw new Error('unreadable');
    const parsed = parseCodebook(formatCodebookYaml(read.value.codebook, ['from policy.yml']), 'codebook.yaml');
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.codes.map((c) => c.terms.en)).toEqual(read.value.codebook.codes.map((c) => c.terms.en));
  });

  it('reports a YAML syntax error with its line', () => {
    const read = readQuanteda('barriers:\n  burnout: [exhausted\n', 'policy.yml', 'en');
    expect(!read.ok && read.problems[0]).toMatchObject({ file: 'policy.yml', line: expect.any(Number) });
  });
});

describe('a LIWC dictionary', () => {
  const dic = '%\n1\tposemo\t(Positive emotion)\n2\tnegemo\n3\tsocial\n%\nhope*\t1\nworr*\t2\nfriend*\t1\t3\nkind of\t3\nlike (02 134)125/464\t1\n:)\t1\nzz\t9\n';

  it('becomes one code per category, its entries as terms, and notes what did not carry over', () => {
    const read = readLiwc(dic, 'emotions.dic', 'en');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { codebook, notes } = read.value;
    expect(codebook.codes.map((c) => [c.id, c.definition, c.terms.en])).toEqual([
      ['posemo', 'Positive emotion', ['hope*', 'friend*']],
      ['negemo', '', ['worr*']],
      ['social', '', ['friend*', 'kind of']],
    ]);
    expect(notes.join('\n')).toContain('2 entries not carried over');
    expect(notes.join('\n')).toContain("LIWC's conditional entries");
    expect(notes).toContain('entries name categories the dictionary does not declare, left out: 9');
  });

  it('refuses a file without its category section', () => {
    const read = readLiwc('hope*\t1\n', 'emotions.dic', 'en');
    expect(!read.ok && read.problems[0]!.message).toMatch(/^not a LIWC dictionary/);
  });

  it('reads the codebook the imported YAML describes, with the same terms', () => {
    const read = readLiwc(dic, 'emotions.dic', 'es');
    if (!read.ok) throw new Error('unreadable');
    const parsed = parseCodebook(formatCodebookYaml(read.value.codebook, []), 'codebook.yaml');
    expect(parsed.ok && [parsed.value.language, parsed.value.codes.map((c) => c.terms.es)]).toEqual(['es', [['hope*', 'friend*'], ['worr*'], ['friend*', 'kind of']]]);
  });
});

// A codebook made for tests must still export: types and categories named by id only fall back to the id.
describe('exporting any codebook', () => {
  it('validates for a small test codebook too', async () => {
    const book = codebookFrom('  - {id: a, label: "A & <b>", type: barrier, category: people, definition: "x", terms: {en: [a]}}\n');
    expect(await qdcSchemaErrors(await writeQdc(book, 'collab-code'))).toEqual([]);
  });
});
