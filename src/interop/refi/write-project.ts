// A coded project as a REFI-QDA .qdpx, for review in NVivo, ATLAS.ti, MAXQDA or QualCoder: the codebook as a code
// tree, each transcript as a text source with a case holding its attributes, each coding as a selection with the
// code and the coder. GUIDs are made from stable ids and nothing records the time, so the same inputs give the
// same bytes.
import type { Codebook } from '../../core/codebook/codebook.js';
import type { Coding } from '../../core/coding/coding.js';
import { groupBy } from '../../core/collections.js';
import { compareNatural } from '../../core/problem.js';
import type { Transcript } from '../../core/transcripts/transcript.js';
import { codeTreeOf, type TreeNode } from '../code-tree.js';
import { uuidV5 } from '../guid.js';
import { buildXml, type XmlNode } from '../xml.js';
import { zip, type ZipEntry } from '../zip.js';
import { codeElements, guidOfNode } from './codes-xml.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const PROJECT_ENTRY = 'project.qde';
export const SOURCES_FOLDER = 'sources';

export interface ProjectExport {
  readonly name: string;
  /** "collab-code X.Y.Z": the project's origin and the automatic coder's name. */
  readonly generator: string;
  readonly codebook: Codebook;
  readonly transcripts: readonly Transcript[];
  readonly codings: readonly Coding[];
}

/** The name of the user who stands for the automatic coding in an exported project. */
export const automaticCoderName = (generator: string): string => `${generator} (automatic coding)`;

const userKey = (coding: Coding): string => (coding.source === 'auto' ? 'user:auto' : `user:human:${coding.coder}`);
const fileName = (transcript: Transcript): string => transcript.file.split(/[\\/]/).at(-1) ?? transcript.id;
export const sourceGuid = (transcript: Transcript): string => uuidV5(`source:${transcript.id}`);

export async function writeProject(project: ProjectExport): Promise<Uint8Array> {
  const tree = codeTreeOf(project.codebook);
  const guidOfCode = new Map<string, string>();
  const walk = (node: TreeNode): void => {
    if (node.code !== undefined) guidOfCode.set(node.code.id, guidOfNode(node));
    node.children.forEach(walk);
  };
  tree.forEach(walk);

  // Users: the automatic coder first, then the human coders in natural order.
  const users = new Map<string, string>();
  if (project.codings.some((c) => c.source === 'auto')) users.set('user:auto', automaticCoderName(project.generator));
  const coders = [...new Set(project.codings.flatMap((c) => (c.source === 'human' ? [c.coder] : [])))].sort(compareNatural);
  for (const coder of coders) users.set(`user:human:${coder}`, coder);

  const transcripts = [...project.transcripts].sort((a, b) => compareNatural(a.id, b.id));
  const attributes = [...new Set(transcripts.flatMap((t) => Object.keys(t.attributes)))].sort(compareNatural);
  const variables = ['language', ...attributes.filter((a) => a !== 'language')];
  const codingsOf = groupBy(project.codings, (c) => c.transcript);
  const rank = new Map(project.codebook.codes.map((c, i) => [c.id, i]));
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [];

  const sources = transcripts.map((transcript): XmlNode => {
    const guid = sourceGuid(transcript);
    entries.push({ name: `${SOURCES_FOLDER}/${guid}.txt`, bytes: encoder.encode(transcript.text) });
    return {
      '@_guid': guid,
      '@_name': fileName(transcript),
      '@_plainTextPath': `internal://${guid}.txt`,
      PlainTextSelection: selectionsOf(transcript, codingsOf.get(transcript.id) ?? [], guidOfCode, rank),
    };
  });

  const cases = transcripts.map((transcript): XmlNode => {
    const values: Record<string, string> = { language: transcript.language, ...transcript.attributes };
    return {
      '@_guid': uuidV5(`case:${transcript.id}`),
      '@_name': transcript.id,
      VariableValue: variables.filter((v) => values[v] !== undefined).map((v) => ({ VariableRef: { '@_targetGUID': uuidV5(`variable:${v}`) }, TextValue: values[v]! })),
      SourceRef: { '@_targetGUID': sourceGuid(transcript) },
    };
  });

  const qde = await buildXml('Project', {
    '@_xmlns': PROJECT_NAMESPACE,
    '@_name': project.name,
    '@_origin': project.generator,
    ...(users.has('user:auto') ? { '@_creatingUserGUID': uuidV5('user:auto') } : {}),
    Users: users.size === 0 ? undefined : { User: [...users].map(([key, name]) => ({ '@_guid': uuidV5(key), '@_name': name })) },
    CodeBook: tree.length === 0 ? undefined : { Codes: { Code: codeElements(tree) } },
    Variables: transcripts.length === 0 ? undefined : { Variable: variables.map((v) => ({ '@_guid': uuidV5(`variable:${v}`), '@_name': v, '@_typeOfVariable': 'Text' })) },
    Cases: cases.length === 0 ? undefined : { Case: cases },
    Sources: sources.length === 0 ? undefined : { TextSource: sources },
  });
  return zip([{ name: PROJECT_ENTRY, bytes: encoder.encode(qde) }, ...entries]);
}

/** One selection per coded stretch, holding a coding per code and coder; in order of position. */
function selectionsOf(transcript: Transcript, codings: readonly Coding[], guidOfCode: ReadonlyMap<string, string>, rank: ReadonlyMap<string, number>): XmlNode[] {
  // Codings of a stretch in codebook order, then by coder: the same project whatever the order they came in.
  const ordered = [...codings].sort((a, b) => (rank.get(a.code.id) ?? -1) - (rank.get(b.code.id) ?? -1) || compareNatural(userKey(a), userKey(b)));
  const byStretch = groupBy(ordered, (c) => `${c.start}:${c.end}`);
  return [...byStretch.values()]
    .sort((a, b) => a[0]!.start - b[0]!.start || a[0]!.end - b[0]!.end)
    .map((stretch): XmlNode => {
      const { start, end } = stretch[0]!;
      const key = `${transcript.id}:${start}:${end}`;
      const seen = new Set<string>();
      const unique = stretch.filter((c) => {
        const id = `${c.code.id}\u0000${userKey(c)}`;
        return !seen.has(id) && (seen.add(id), true);
      });
      const memos = [
        ...new Set(
          unique.map((c) => (c.source === 'auto' ? `${c.code.label}: applied by ${c.matchedTerms.join('; ')}` : (c.memo ?? '').trim())).filter((m) => m !== ''),
        ),
      ];
      return {
        '@_guid': uuidV5(`selection:${key}`),
        '@_startPosition': start,
        '@_endPosition': end,
        Description: memos.length === 0 ? undefined : memos.join('\n\n'),
        Coding: unique.map((c) => ({
          '@_guid': uuidV5(`coding:${key}:${c.code.id}:${userKey(c)}`),
          '@_creatingUser': uuidV5(userKey(c)),
          CodeRef: { '@_targetGUID': guidOfCode.get(c.code.id) ?? uuidV5(`code:${c.code.id}`) },
        })),
      };
    });
}
