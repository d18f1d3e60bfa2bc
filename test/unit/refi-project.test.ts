// REFI-QDA projects out and back in: what is written validates against the schema, and reading it back gives the
// same codings, coders, positions and codes.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import type { Coding, HumanCoding } from '../../src/core/coding/coding.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import type { CodingRow } from '../../src/core/codings/codings-table.js';
import { placeCodings } from '../../src/core/codings/place-codings.js';
import { codebookFromCodeNames } from '../../src/core/codings/resolve-codes.js';
import { sliceCodePoints } from '../../src/core/text/offsets.js';
import { codingRowsOfProject } from '../../src/interop/refi/project-codings.js';
import { readProject } from '../../src/interop/refi/read-project.js';
import { automaticCoderName, writeProject } from '../../src/interop/refi/write-project.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';
import { qdpxSchemaErrors } from '../helpers/refi-schemas.js';

const codebook = codebookFrom(`  - {id: burnout, label: Exhaustion and burnout, type: barrier, category: people, definition: People are worn out., use_when: Fatigue or overload., terms: {en: [exhausted, burn* out], es: [agotad*]}}
  - {id: funding, label: Flexible funding, type: enabler, category: money, definition: Money that can move., terms: {en: [core funding], es: [fondos flexibles]}}
  - {id: rivalry, label: "Rivalry for funding, and guarded contacts", type: barrier, category: money, definition: "Competition for the same <donors> & \\"pots\\".", terms: {en: [compet*]}}
`);

const transcripts = [
  transcriptFrom('---\ngroup: members\nregion: Américas\n---\nInterviewer: How is the team? 🙂\n\nRespondent: We are exhausted 😩😩 and burned out. Core funding would help.\n\nInterviewer: And others?\n\nRespondent: We compete with everyone, even our friends 🤝.\n', 'M01'),
  transcriptFrom('---\nlanguage: es\ngroup: donors\n---\nEntrevistador: ¿Cómo está el equipo?\n\nEntrevistada: Estamos agotadas 😮‍💨, la verdad. Con fondos flexibles sería distinto; año tras año lo mismo.\n', 'D01'),
];

const auto = transcripts.flatMap((t) => codeTranscript(t, compileCodebook(codebook), 'turn'));

function humanCodings(): HumanCoding[] {
  const rows: CodingRow[] = [
    { row: { file: 'ana.csv', line: 2 }, transcript: 'M01', code: 'burnout', segment: { text: 'exhausted 😩😩 and burned out' }, coder: 'Ana', memo: 'Said twice, with feeling.' },
    { row: { file: 'ana.csv', line: 3 }, transcript: 'D01', code: 'funding', segment: { text: 'Con fondos flexibles sería distinto' }, coder: 'Ana' },
    { row: { file: 'ben.csv', line: 2 }, transcript: 'M01', code: 'rivalry', segment: { text: 'We compete with everyone, even our friends 🤝.' }, coder: 'Benoît' },
    { row: { file: 'ben.csv', line: 3 }, transcript: 'D01', code: 'burnout', segment: { text: 'agotadas 😮‍💨' }, coder: 'Benoît' },
  ];
  const placed = placeCodings(rows, transcripts, codebook);
  if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
  return [...placed.value.codings];
}

const exportOf = (codings: readonly Coding[]) => writeProject({ name: 'Test project', generator: 'collab-code 9.9.9', codebook, transcripts, codings });

/** What a coding is, for comparing: where, which code, who. */
const key = (c: Coding) => `${c.transcript} ${c.start}-${c.end} ${c.code.id} ${c.source === 'human' ? c.coder : automaticCoderName('collab-code 9.9.9')}`;

async function importBack(bytes: Uint8Array, book = codebook) {
  const project = await readProject(bytes, 'exported.qdpx', () => undefined);
  if (!project.ok) throw new Error(JSON.stringify(project.problems));
  const rows = codingRowsOfProject(project.value, transcripts);
  const placed = placeCodings(rows.rows, transcripts, book);
  if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
  return { project: project.value, rows, placed: placed.value };
}

describe('exporting a coded project', () => {
  it('validates against the REFI-QDA project schema', async () => {
    const bytes = await exportOf([...auto, ...humanCodings()]);
    expect(await qdpxSchemaErrors(bytes)).toEqual([]);
  });

  it('gives the same bytes for the same inputs, whatever their order', async () => {
    const human = humanCodings();
    const a = await exportOf([...auto, ...human]);
    const b = await exportOf([...human.reverse(), ...auto.reverse()]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('holds project.qde and each transcript as a text source, with nothing that records the time', async () => {
    const entries = unzipSync(await exportOf(auto));
    expect(Object.keys(entries).sort()).toEqual(['project.qde', ...Object.keys(entries).filter((n) => n.startsWith('sources/')).sort()].sort());
    expect(Object.keys(entries).filter((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n))).toHaveLength(2);
    const qde = new TextDecoder().decode(entries['project.qde']);
    expect(qde).not.toMatch(/DateTime=/);
    expect(Object.values(entries).map((b) => new TextDecoder().decode(b))).toContain(transcripts[0]!.text);
  });

  it('writes the tree as Type > Category > code, with definitions and guidance as descriptions', async () => {
    const qde = new TextDecoder().decode(unzipSync(await exportOf(auto))['project.qde']);
    expect(qde).toMatch(/<Code guid="[^"]+" name="Barriers" isCodable="false">\s*<Code guid="[^"]+" name="People" isCodable="false">\s*<Code guid="[^"]+" name="Exhaustion and burnout" isCodable="true">\s*<Description>People are worn out.\n\nUse when: Fatigue or overload.<\/Description>/);
    expect(qde).toContain('name="Rivalry for funding, and guarded contacts"');
    expect(qde).toContain('Competition for the same &lt;donors&gt; &amp; &quot;pots&quot;.');
  });

  it('gives each transcript a case with its attributes and language as variables', async () => {
    const { project } = await importBack(await exportOf(auto));
    expect(project.sources.map((s) => [s.name, s.variables])).toEqual([
      ['D01.txt', { language: 'es', group: 'donors' }],
      ['M01.txt', { language: 'en', group: 'members', region: 'Américas' }],
    ]);
  });

  it('counts positions in code points, as REFI-QDA says', async () => {
    const qde = new TextDecoder().decode(unzipSync(await exportOf(humanCodings()))['project.qde']);
    const before = transcripts[0]!.text.slice(0, transcripts[0]!.text.indexOf('exhausted'));
    // An emoji comes before: code points and UTF-16 units differ here.
    expect(Array.from(before).length).toBeLessThan(before.length);
    expect(qde).toContain(`startPosition="${Array.from(before).length}" endPosition="${Array.from(before + 'exhausted 😩😩 and burned out').length}"`);
  });
});

describe('importing an exported project', () => {
  it('gives back the same codings, coders, positions and codes', async () => {
    const codings = [...auto, ...humanCodings()];
    const { placed } = await importBack(await exportOf(codings));
    expect(placed.unplaced).toEqual([]);
    expect(placed.codings.map(key).sort()).toEqual(codings.map(key).sort());
    expect(placed.placements.position).toBe(codings.length);
    for (const c of placed.codings) expect(c.text).toBe(sliceCodePoints(transcripts.find((t) => t.id === c.transcript)!.text, c));
  });

  it('keeps memos, and names the terms that applied an automatic coding', async () => {
    const { placed } = await importBack(await exportOf([...auto, ...humanCodings()]));
    expect(placed.codings.find((c) => c.coder === 'Ana' && c.code.id === 'burnout')?.memo).toBe('Said twice, with feeling.');
    expect(placed.codings.find((c) => c.coder.includes('automatic') && c.code.id === 'rivalry')?.memo).toContain('Rivalry for funding, and guarded contacts: applied by compet*');
  });

  it('without a codebook, takes the project’s codes with their paths and definitions', async () => {
    const bytes = await exportOf(humanCodings());
    const project = await readProject(bytes, 'exported.qdpx', () => undefined);
    if (!project.ok) throw new Error('unreadable');
    const rows = codingRowsOfProject(project.value, transcripts);
    expect(rows.codeNames).toEqual(['Barriers > People > Exhaustion and burnout', 'Barriers > Money > Rivalry for funding, and guarded contacts', 'Enablers > Money > Flexible funding']);
    const book = codebookFromCodeNames(rows.codeNames, 'exported.qdpx');
    const placed = placeCodings(rows.rows, transcripts, book);
    expect(placed.ok && placed.value.codings.map((c) => c.code.id).sort()).toEqual([
      'Barriers > Money > Rivalry for funding, and guarded contacts',
      'Barriers > People > Exhaustion and burnout',
      'Barriers > People > Exhaustion and burnout',
      'Enablers > Money > Flexible funding',
    ]);
  });
});
