// Reads a REFI-QDA project (.qdpx) as NVivo, ATLAS.ti, MAXQDA and QualCoder export it: its code tree, its text
// sources with their selections (positions read as the exporter counted them) and codings, and its cases' variables.
// Real exports bend the standard; each bend that is read anyway is a warning naming it. Codings in audio, video,
// PDF and image sources are counted and skipped.
import { error, fail, ok, warning, type Problem, type Result } from '../../core/problem.js';
import { normaliseText } from '../../core/text/decode.js';
import { listSome, plural } from '../../core/wording.js';
import type { Span } from '../../core/text/sentences.js';
import { normaliseGuid } from '../guid.js';
import { unzip } from '../zip.js';
import { attribute, child, children, parseXml, textOf } from '../xml.js';
import { codesByGuid, readCodeElements, type ReadCode } from './codes-xml.js';
import { caseVariables } from './variables.js';
import { countCodings, mediaCodings } from './media.js';
import { describePositions, readPositions, type ReadPositions } from './positions.js';
import { decodeStored } from './stored-text.js';

/** A source kept outside the archive: a path relative to the project's basePath, or an absolute one. */
export interface ExternalRef {
  readonly scheme: 'relative' | 'absolute';
  readonly path: string;
  readonly basePath?: string;
}

/** Looks for an external source's file (the I/O layer knows where); `where` says where it was found. */
export type ExternalFinder = (ref: ExternalRef) => { readonly bytes: Uint8Array; readonly where: string } | undefined;

export interface ProjectCoding {
  /** The code's path in the tree (ancestors' names, then its own). */
  readonly code: readonly string[];
  readonly coder: string;
}

export interface ProjectSelection {
  /** The selection's UTF-16 span in its source's text; undefined when its positions lie outside the text. */
  readonly span: Span | undefined;
  readonly memo?: string;
  readonly codings: readonly ProjectCoding[];
}

export interface ProjectSource {
  readonly name: string;
  /** The source's text, normalised (no BOM, LF line ends) as transcripts are. */
  readonly text: string;
  /** How its selections' positions were read. */
  readonly positions: Omit<ReadPositions, 'spans'>;
  readonly selections: readonly ProjectSelection[];
  /** Variables of the cases it belongs to, and its own. */
  readonly variables: Readonly<Record<string, string>>;
}

export interface RefiProject {
  readonly file: string;
  readonly name: string;
  readonly codes: readonly ReadCode[];
  readonly sources: readonly ProjectSource[];
  /** Bends of the standard read anyway, sources not found, codings skipped. */
  readonly warnings: readonly Problem[];
  /** What the import did, for the user: how positions were read. */
  readonly notes: readonly string[];
}

const baseName = (file: string): string => (file.split(/[\\/]/).at(-1) ?? file).replace(/\.[^.]*$/, '');

export async function readProject(bytes: Uint8Array, file: string, findExternal: ExternalFinder): Promise<Result<RefiProject>> {
  const unzipped = await unzip(bytes, file);
  if (!unzipped.ok) return unzipped;
  const entries = unzipped.value;
  const warnings: Problem[] = [];
  const at = { file };
  const deviation = (message: string, hint?: string) => warnings.push(warning(at, message, hint));

  // The project's XML: "project.qde" by the standard; ATLAS.ti names it after the project ("Trial.qde").
  const qdes = [...entries.keys()].filter((name) => !name.includes('/') && name.toLowerCase().endsWith('.qde'));
  if (qdes.length === 0) return fail([error(at, 'not a REFI-QDA project: no project.qde at the root of the archive', 'export the project from the QDA tool as a REFI-QDA project (.qdpx)')]);
  if (qdes.length > 1) return fail([error(at, `several .qde files at the root of the archive (${qdes.join(', ')}): cannot tell which is the project`, 'export the project again')]);
  const qdeName = qdes[0]!;
  if (qdeName !== 'project.qde') deviation(`the project's XML is "${qdeName}", not "project.qde" as REFI-QDA names it; read it all the same`);
  const qdeFile = `${file}/${qdeName}`;
  const qdeText = decodeStored(entries.get(qdeName)!);
  if (!qdeText.ok) return fail([error({ file: qdeFile }, `invalid UTF-8 at byte ${qdeText.byteOffset}`, 'the file is damaged; export the project again')]);
  const parsed = await parseXml(qdeText.raw, { file: qdeFile });
  if (!parsed.ok) return parsed;
  const project = child(parsed.value, 'Project');
  if (project === undefined) return fail([error({ file: qdeFile }, 'not a REFI-QDA project: no <Project> element', 'export the project from the QDA tool as a REFI-QDA project (.qdpx)')]);

  // Entries by lower-cased name: exporters differ in the case of the folder ("Sources") and of extensions.
  const byLowerName = new Map([...entries.keys()].map((name) => [name.toLowerCase(), name]));
  const foldersUsed = new Set<string>();
  const problems: Problem[] = [];
  const internal = (path: string, what: string): string | undefined => {
    const name = path.replace(/^internal:\/\//i, '').replace(/^\/+/, '');
    const entry = byLowerName.get(`sources/${name.toLowerCase()}`) ?? byLowerName.get(name.toLowerCase());
    if (entry === undefined) {
      warnings.push(warning(at, `${what}: "${path}" is not in the archive`, 'export the project again with its sources'));
      return undefined;
    }
    if (entry.includes('/')) foldersUsed.add(entry.slice(0, entry.indexOf('/')));
    const decoded = decodeStored(entries.get(entry)!);
    if (!decoded.ok) {
      problems.push(error({ file: `${file}/${entry}` }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'REFI-QDA text sources are UTF-8; export the project again'));
      return undefined;
    }
    return decoded.raw;
  };

  const users = new Map(children(child(project, 'Users'), 'User').map((u) => [normaliseGuid(attribute(u, 'guid') ?? ''), attribute(u, 'name')?.trim() || attribute(u, 'id')?.trim() || normaliseGuid(attribute(u, 'guid') ?? '')]));
  const coderOf = (...guids: (string | undefined)[]): string => {
    for (const guid of guids) if (guid !== undefined && users.has(normaliseGuid(guid))) return users.get(normaliseGuid(guid))!;
    const named = guids.find((g) => g !== undefined);
    return named === undefined ? baseName(file) : normaliseGuid(named);
  };
  const codes = readCodeElements(child(child(project, 'CodeBook'), 'Codes'));
  const codeOf = codesByGuid(codes);
  const notes = new Map(
    children(child(project, 'Notes'), 'Note').map((note) => {
      const path = attribute(note, 'plainTextPath');
      const text = textOf(child(note, 'PlainTextContent')) ?? (path === undefined ? undefined : internal(path, `note "${attribute(note, 'name') ?? ''}"`));
      return [normaliseGuid(attribute(note, 'guid') ?? ''), normaliseText(text ?? textOf(child(note, 'Description')) ?? '').trim()];
    }),
  );
  const variablesOf = caseVariables(project);

  const skipped = new Map<string, number>();
  const skip = (what: string, n: number) => n > 0 && skipped.set(what, (skipped.get(what) ?? 0) + n);
  for (const [kind, n] of mediaCodings(child(project, 'Sources'))) skip(`in ${kind} sources`, n);

  let unknownCodes = 0;
  let zeroLength = 0;
  let describedMemos = 0;
  const external: string[] = [];
  const notFound: { name: string; codings: number }[] = [];
  const basePath = attribute(project, 'basePath')?.trim() || undefined;
  const sources: ProjectSource[] = [];
  for (const source of children(child(project, 'Sources'), 'TextSource')) {
    const name = attribute(source, 'name')?.trim() || normaliseGuid(attribute(source, 'guid') ?? '');
    skip('of whole sources', countCodings(source));
    const selections = children(source, 'PlainTextSelection');
    let raw = textOf(child(source, 'PlainTextContent'));
    const path = attribute(source, 'plainTextPath');
    if (raw === undefined && path !== undefined) {
      const scheme = /^(internal|relative|absolute):\/\//i.exec(path)?.[1]?.toLowerCase();
      if (scheme === 'relative' || scheme === 'absolute') {
        const ref: ExternalRef = { scheme, path: path.slice(scheme.length + 3), ...(basePath === undefined ? {} : { basePath }) };
        const found = findExternal(ref);
        if (found === undefined) {
          notFound.push({ name, codings: selections.reduce((n, s) => n + countCodings(s), 0) });
          continue;
        }
        const decoded = decodeStored(found.bytes);
        if (!decoded.ok) {
          problems.push(error({ file: found.where }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'REFI-QDA text sources are UTF-8'));
          continue;
        }
        external.push(`${name} (${found.where})`);
        raw = decoded.raw;
      } else {
        raw = internal(path, `source "${name}"`);
      }
    }
    if (raw === undefined) {
      skip(`in sources without plain text (${name})`, selections.reduce((n, s) => n + countCodings(s), 0));
      continue;
    }
    const text = normaliseText(raw);
    const given = selections.map((s) => ({ start: Number(attribute(s, 'startPosition')), end: Number(attribute(s, 'endPosition')) }));
    const positions = readPositions({ raw, text }, given);
    const read: ProjectSelection[] = [];
    selections.forEach((selection, i) => {
      if (given[i]!.start === given[i]!.end) zeroLength++;
      const description = textOf(child(selection, 'Description'))?.trim();
      if (description) describedMemos++;
      const memo = [description, ...children(selection, 'NoteRef').map((ref) => notes.get(normaliseGuid(attribute(ref, 'targetGUID') ?? '')))].filter((m): m is string => m !== undefined && m !== '');
      const codings: ProjectCoding[] = [];
      for (const coding of children(selection, 'Coding')) {
        const code = codeOf.get(normaliseGuid(attribute(child(coding, 'CodeRef'), 'targetGUID') ?? ''));
        if (code === undefined) {
          unknownCodes++;
          continue;
        }
        codings.push({ code: code.path, coder: coderOf(attribute(coding, 'creatingUser'), attribute(selection, 'creatingUser'), attribute(project, 'creatingUserGUID')) });
      }
      read.push({ span: positions.spans[i], ...(memo.length === 0 ? {} : { memo: [...new Set(memo)].join('\n\n') }), codings });
    });
    const { spans: _spans, ...how } = positions;
    sources.push({ name, text, positions: how, selections: read, variables: variablesOf(source) });
  }
  if (problems.length > 0) return fail(problems);

  for (const folder of foldersUsed) if (folder !== 'sources') deviation(`the sources are in "${folder}/", not "sources/" as REFI-QDA names the folder; read them there`);
  if (external.length > 0) deviation(`${plural(external.length, 'source')} kept outside the archive${basePath ? ` (paths relative to "${basePath}", from the machine that exported it)` : ''} found: ${listSome(external)}`);
  if (notFound.length > 0) {
    const lost = notFound.reduce((n, s) => n + s.codings, 0);
    deviation(`${plural(notFound.length, 'source')} kept outside the archive not found, so ${plural(lost, 'coding')} in them skipped: ${listSome(notFound.map((s) => s.name), 12)}`, 'put the source files beside the .qdpx, or name their folder with --sources DIR');
  }
  if (zeroLength > 0) deviation(`${plural(zeroLength, 'selection')} of zero length (REFI-QDA selections span text): each codes the turn it sits in`);
  // collab-code writes why it applied a code as the selection's Description, knowingly: no need to warn of it.
  if (describedMemos > 0 && !/^collab-code\b/.test(attribute(project, 'origin') ?? '')) deviation(`${plural(describedMemos, 'memo')} written as a selection's Description rather than a Note: kept as the coding's memo`);
  if (unknownCodes > 0) deviation(`${plural(unknownCodes, 'coding')} name a code the project's codebook does not hold: skipped`, 'export the project again; its codebook is incomplete');
  const skippedTotal = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (skippedTotal > 0) {
    deviation(`${plural(skippedTotal, 'coding')} skipped: ${[...skipped].map(([what, n]) => `${n} ${what}`).join(', ')}; collab-code reads codings of text selections only`);
  }
  const positionNotes = describePositions(sources, file, warnings);
  return ok({ file, name: attribute(project, 'name') ?? baseName(file), codes, sources, warnings, notes: positionNotes });
}
