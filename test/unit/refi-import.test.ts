// Importing projects as NVivo, ATLAS.ti, MAXQDA and QualCoder export them, with their bends of the standard; and
// reading selection positions however an exporter counted them.
import { describe, expect, it } from 'vitest';
import type { HumanCoding } from '../../src/core/coding/coding.js';
import { placeCodings } from '../../src/core/codings/place-codings.js';
import { codebookFromCodeNames } from '../../src/core/codings/resolve-codes.js';
import type { Problem } from '../../src/core/problem.js';
import { sliceCodePoints } from '../../src/core/text/offsets.js';
import { readPositions } from '../../src/interop/refi/positions.js';
import { codingRowsOfProject } from '../../src/interop/refi/project-codings.js';
import { readProject, type ExternalFinder, type RefiProject } from '../../src/interop/refi/read-project.js';
import { transcriptFrom } from '../helpers/build.js';
import { atlasProject, INTERVIEWS, maxqdaProject, nvivoProject, positionsOf, qdpx, qualcoderProject } from '../helpers/qdpx.js';

const transcripts = Object.entries(INTERVIEWS).map(([name, text]) => transcriptFrom(text, name.replace('.txt', '')));
const messages = (problems: readonly Problem[]) => problems.map((p) => p.message);

async function imported(bytes: Uint8Array, findExternal: ExternalFinder = () => undefined) {
  const project = await readProject(bytes, 'team.qdpx', findExternal);
  if (!project.ok) throw new Error(JSON.stringify(project.problems));
  const rows = codingRowsOfProject(project.value, transcripts);
  const placed = placeCodings(rows.rows, transcripts, codebookFromCodeNames(rows.codeNames, 'team.qdpx'));
  if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
  return { project: project.value, rows, placed: placed.value, warnings: messages([...project.value.warnings, ...rows.warnings]) };
}

/** QualCoder's project, its sources (changed by `change`) placed in `given` transcripts: R01's codings, how placed. */
async function placedInR01(given: ReturnType<typeof transcriptFrom>[], change: (p: RefiProject) => RefiProject = (p) => p) {
  const project = await readProject(qualcoderProject(1), 'team.qdpx', () => undefined);
  if (!project.ok) throw new Error('unreadable');
  const rows = codingRowsOfProject(change(project.value), given);
  const placed = placeCodings(rows.rows, given, codebookFromCodeNames(rows.codeNames, 'x'));
  if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
  return { warnings: messages(rows.warnings), r01: placed.value.codings.filter((c) => c.transcript === 'R01').map((c) => [c.text, c.placement]) };
}

/** Each coding as "transcript: code (coder): the words it covers", read back in code points from the transcript. */
const described = (codings: readonly HumanCoding[]) =>
  codings.map((c) => `${c.transcript}: ${c.code.label} (${c.coder}): ${sliceCodePoints(transcripts.find((t) => t.id === c.transcript)!.text, c)}`);

describe('a project exported by NVivo', () => {
  it('reads UTF-16 positions over CRLF text, says so, and the codings land on the words coded', async () => {
    const { placed, warnings, project } = await imported(nvivoProject());
    expect(described(placed.codings)).toEqual([
      'R01: Exhaustion and burnout (ana): we are exhausted 😩 after the café meetings in Bogotá',
      'R01: Rivalry for funding (ana): Everyone competes for the same grants',
      'R01: Flexible funding (ben): Core funding that lasts more than a year 🙏',
      'R01: Rivalry for funding (ben): nobody shares contacts',
    ]);
    expect(warnings.join('\n')).toContain('source "R01": positions count UTF-16 units over CRLF line ends, not code points over LF line ends as REFI-QDA says; read so, which puts 8 of 8 selection edges on word boundaries');
    expect(project.notes).toEqual(['team.qdpx: 1 text source with 4 selections; positions read as UTF-16 units over CRLF line ends in 1 source (R01)']);
  });

  it('keeps a memo written as a Note, and the case’s variables', async () => {
    const { placed, project } = await imported(nvivoProject());
    expect(placed.codings.find((c) => c.code.label === 'Exhaustion and burnout')?.memo).toBe('Tired of travelling, not of the work.');
    expect(project.sources[0]!.variables).toEqual({ 'Stakeholder group': 'members', 'Years in network': '7' });
  });

  it('keeps the code paths: codable parents too', async () => {
    const { rows } = await imported(nvivoProject());
    expect(rows.codeNames).toEqual(['Barriers', 'Barriers > Exhaustion and burnout', 'Barriers > Rivalry for funding', 'Enablers', 'Enablers > Flexible funding']);
    expect(rows.definitions.get('Barriers > Exhaustion and burnout')).toBe('People are worn out.');
  });
});

describe('a project exported by ATLAS.ti', () => {
  it('reads Trial.qde and the Sources folder, each with a warning naming the bend', async () => {
    const { warnings, placed } = await imported(atlasProject());
    expect(warnings).toContain('the project\'s XML is "Trial.qde", not "project.qde" as REFI-QDA names it; read it all the same');
    expect(warnings).toContain('the sources are in "Sources/", not "sources/" as REFI-QDA names the folder; read them there');
    expect(described(placed.codings)).toEqual([
      'R02: Barriers::Rivalry for funding (Carla): La competencia por los fondos 💸 es feroz',
      'R02: Barriers::Exhaustion and burnout (Carla): el agotamiento del equipo es real',
    ]);
  });

  it('keeps comments written as the selection’s Description as memos, and counts the image’s coding as skipped', async () => {
    const { warnings, placed } = await imported(atlasProject());
    expect(placed.codings.map((c) => c.memo)).toEqual(['Fondos: la palabra “feroz” es suya.', 'Agotamiento después de cada campaña.']);
    expect(warnings).toContain('2 memos written as a selection\'s Description rather than a Note: kept as the coding\'s memo');
    expect(warnings).toContain('1 coding skipped: 1 in image sources; collab-code reads codings of text selections only');
  });
});

describe('a project exported by MAXQDA', () => {
  const finder: ExternalFinder = (ref) => (ref.path.endsWith('/R01.txt') ? { bytes: new TextEncoder().encode(INTERVIEWS['R01.txt']), where: 'beside team.qdpx' } : undefined);

  it('finds a source kept outside the archive, and names those it cannot find', async () => {
    const { warnings, placed } = await imported(maxqdaProject(), finder);
    expect(warnings).toContain('1 source kept outside the archive (paths relative to "C:/Users/someone/Documents/MAXQDA/Interviews 2024", from the machine that exported it) found: R01 (beside team.qdpx)');
    expect(warnings).toContain('1 source kept outside the archive not found, so 1 coding in them skipped: R03');
    expect(described(placed.codings).filter((c) => c.startsWith('R01'))).toEqual(['R01: Flexible funding (dana): Core funding that lasts more than a year 🙏']);
  });

  it('codes the whole turn for a selection of zero length, and skips audio and PDF codings', async () => {
    const { warnings, placed } = await imported(maxqdaProject(), finder);
    const point = placed.codings.filter((c) => c.transcript === 'R02' && c.code.label === 'Exhaustion and burnout');
    expect(described(point)).toEqual([
      'R02: Exhaustion and burnout (dana): el agotamiento del equipo es real',
      'R02: Exhaustion and burnout (dana): La competencia por los fondos 💸 es feroz. Además, el agotamiento del equipo es real; después de cada campaña nadie descansa.',
    ]);
    expect(warnings).toContain('1 selection of zero length (REFI-QDA selections span text): each codes the turn it sits in');
    expect(warnings).toContain('2 codings skipped: 1 in PDF sources, 1 in audio sources; collab-code reads codings of text selections only');
  });
});

describe('projects exported by QualCoder', () => {
  it('give the same codings from two exports whose GUIDs all differ: sources match by name, codes by path', async () => {
    const first = await imported(qualcoderProject(1));
    const second = await imported(qualcoderProject(2));
    expect(described(first.placed.codings)).toEqual([
      'R01: Exhaustion and burnout (elif): we are exhausted 😩',
      'R01: Flexible funding (elif): Core funding that lasts more than a year 🙏, and partners who listen.',
      'R02: Rivalry for funding (elif): La competencia por los fondos 💸 es feroz.',
      'R02: Exhaustion and burnout (elif): después de cada campaña nadie descansa',
    ]);
    expect(described(second.placed.codings)).toEqual(described(first.placed.codings));
    expect(first.placed.codings.map((c) => c.code.id)).toEqual(['People > Exhaustion and burnout', 'Money > Flexible funding', 'Money > Rivalry for funding', 'People > Exhaustion and burnout']);
    expect(first.warnings).toEqual([]);
  });

  it('match a source to a transcript by text when the names differ', async () => {
    const renamed = transcripts.map((t) => ({ ...t, id: `${t.id}-renamed`, file: `${t.id}-renamed.txt` }));
    const project = await readProject(qualcoderProject(1), 'team.qdpx', () => undefined);
    if (!project.ok) throw new Error('unreadable');
    const rows = codingRowsOfProject(project.value, renamed);
    expect(rows.rows.map((r) => r.transcript)).toEqual(['R01-renamed', 'R01-renamed', 'R02-renamed', 'R02-renamed']);
    expect(rows.warnings).toEqual([]);
  });

  it('place selections by their text when a transcript’s text differs from the source’s', async () => {
    const edited = [transcriptFrom(`---\ngroup: members\n---\nA note added later.\n\n${INTERVIEWS['R01.txt'].replace('Honestly, ', '')}`, 'R01'), transcripts[1]!];
    const { warnings, r01 } = await placedInR01(edited);
    expect(warnings).toEqual(['source "R01.txt" differs in text from transcript R01: its selections were placed by their text, not their positions']);
    expect(r01).toEqual([
      ['we are exhausted 😩', 'exact'],
      ['Core funding that lasts more than a year 🙏, and partners who listen.', 'exact'],
    ]);
  });

  const byPosition = [
    ['we are exhausted 😩', 'position'],
    ['Core funding that lasts more than a year 🙏, and partners who listen.', 'position'],
  ];

  it('shift positions when the transcript holds front matter the tool never saw', async () => {
    const { r01 } = await placedInR01([transcriptFrom(`---\ngroup: members\n---\n${INTERVIEWS['R01.txt'].trimEnd()}`, 'R01'), transcripts[1]!]);
    expect(r01).toEqual(byPosition);
  });

  it('match a source by its text when its name says nothing, even with blank lines around it', async () => {
    const named = [transcriptFrom(`---\nid: R01\n---\n${INTERVIEWS['R01.txt'].trimEnd()}`, 'interview-2024-03'), transcripts[1]!];
    // Renamed, with blank lines before its text, and positions counted in the text with them.
    const { r01 } = await placedInR01(named, (p) => ({
      ...p,
      sources: p.sources.map((s) => ({ ...s, name: `Document ${s.name}`, text: `\n\n${s.text}`, selections: s.selections.map((sel) => ({ ...sel, span: sel.span && { start: sel.span.start + 2, end: sel.span.end + 2 } })) })),
    }));
    expect(r01).toEqual(byPosition);
  });
});

describe('damaged projects', () => {
  it('a file that is not a zip archive is an error', async () => {
    const read = await readProject(new TextEncoder().encode('not a zip at all'), 'team.qdpx', () => undefined);
    expect(!read.ok && read.problems).toMatchObject([{ file: 'team.qdpx', message: expect.stringMatching(/^not a readable zip archive/) }]);
  });

  it('a damaged entry is an error naming the entry', async () => {
    const bytes = qualcoderProject(1);
    // Damage the deflated data of the first entry (project.qde), which starts after its 30-byte header and name.
    const damaged = Uint8Array.from(bytes);
    for (let i = 30 + 'project.qde'.length; i < 30 + 'project.qde'.length + 40; i++) damaged[i] = 0xff;
    const read = await readProject(damaged, 'team.qdpx', () => undefined);
    expect(!read.ok && read.problems).toMatchObject([{ file: 'team.qdpx/project.qde', message: expect.stringMatching(/^this entry of the zip archive cannot be read/) }]);
  });

  it('malformed XML is an error at its entry, line and column', async () => {
    const read = await readProject(qdpx({ 'project.qde': '<?xml version="1.0"?>\n<Project name="x">\n  <Sources>\n  </Source>\n</Project>\n' }), 'team.qdpx', () => undefined);
    expect(!read.ok && read.problems).toMatchObject([{ file: 'team.qdpx/project.qde', line: 4, message: expect.stringMatching(/^malformed XML: /) }]);
  });

  it('an archive without a .qde, or with two, is an error', async () => {
    const none = await readProject(qdpx({ 'sources/a.txt': 'x' }), 'team.qdpx', () => undefined);
    expect(!none.ok && none.problems[0]!.message).toBe('not a REFI-QDA project: no project.qde at the root of the archive');
    const two = await readProject(qdpx({ 'a.qde': '<Project/>', 'b.qde': '<Project/>' }), 'team.qdpx', () => undefined);
    expect(!two.ok && two.problems[0]!.message).toBe('several .qde files at the root of the archive (a.qde, b.qde): cannot tell which is the project');
  });
});

describe('reading selection positions', () => {
  const text = 'Intro 😀😀 line.\nWe are exhausted, truly 😩 exhausted.\nCore funding helps.';
  const phrases = ['exhausted', 'truly', 'Core funding'];

  it('reads code points when they put the edges on word boundaries', () => {
    const read = readPositions({ raw: text, text }, phrases.map((p) => positionsOf(text, p, 'code points')));
    expect(read.reading).toEqual({ unit: 'code points', lineEnds: 'LF' });
    expect(read.decided).toBe('boundaries');
    expect(read.spans.map((s) => text.slice(s!.start, s!.end))).toEqual(phrases);
  });

  it('reads UTF-16 units when they do', () => {
    const read = readPositions({ raw: text, text }, phrases.map((p) => positionsOf(text, p, 'UTF-16 units')));
    expect(read.reading).toEqual({ unit: 'UTF-16 units', lineEnds: 'LF' });
    expect(read.spans.map((s) => text.slice(s!.start, s!.end))).toEqual(phrases);
    expect(read.fit.chosen).toBe(6);
    expect(read.fit.standard).toBeLessThan(3);
  });

  it('reads positions counted over CRLF line ends, in either unit', () => {
    const raw = text.replace(/\n/g, '\r\n');
    for (const unit of ['code points', 'UTF-16 units'] as const) {
      const read = readPositions({ raw, text }, phrases.map((p) => positionsOf(raw, p, unit)));
      expect(read.reading).toEqual({ unit, lineEnds: 'CRLF' });
      expect(read.spans.map((s) => text.slice(s!.start, s!.end))).toEqual(phrases);
    }
  });

  it('needs no choice when every reading gives the same spans', () => {
    const read = readPositions({ raw: text, text }, [positionsOf(text, 'Intro', 'code points')]);
    expect(read.decided).toBe('alike');
  });

  it('says when it cannot tell, and keeps the standard’s reading', () => {
    const plain = 'x 😀 y z';
    const read = readPositions({ raw: plain, text: plain }, [{ start: 4, end: 5 }]);
    expect(read.decided).toBe('undecided');
    expect(read.reading).toEqual({ unit: 'code points', lineEnds: 'LF' });
  });

  it('leaves out a selection that lies outside the text under every reading', () => {
    const read = readPositions({ raw: text, text }, [{ start: 5, end: 500 }]);
    expect(read.spans).toEqual([undefined]);
  });
});
