// What several use cases read the same way: the codebook, the transcripts, and human codings placed in them.
import path from 'node:path';
import type { Codebook } from '../core/codebook/codebook.js';
import { parseColumnMapping, type CodingRow } from '../core/codings/codings-table.js';
import { appendAll, pushTo } from '../core/collections.js';
import { placeCodings, type PlaceOptions, type PlacedCodings } from '../core/codings/place-codings.js';
import { codebookFromCodeNames } from '../core/codings/resolve-codes.js';
import { compareNatural, error, ok, warning, type Problem, type Result } from '../core/problem.js';
import { isLanguage, type Language } from '../core/text/language.js';
import { parseColumnMapping as parseTableMapping } from '../core/tables/column-mapping.js';
import { inShard, type Shard } from '../core/shards/shard.js';
import { buildTranscript } from '../core/transcripts/build-transcript.js';
import { AUTO_INTERVIEWER, type InterviewerOptions } from '../core/transcripts/interviewers.js';
import { joinParticipants } from '../core/transcripts/participants.js';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher } from '../core/transcripts/speakers.js';
import type { Transcript, TranscriptDraft } from '../core/transcripts/transcript.js';
import { formatOf } from '../formats/index.js';
import type { ReadContext } from '../formats/reader.js';
import { readCodebook } from '../io/read-codebook.js';
import { readCodings } from '../io/read-codings.js';
import { codingRowsOfProject, transcriptFilesOfProject, type ProjectTranscriptFile } from '../interop/refi/project-codings.js';
import type { RefiProject } from '../interop/refi/read-project.js';
import { readParticipants } from '../io/read-participants.js';
import { isProjectFile, readProjectFile } from '../io/read-project.js';
import { findTranscripts, readTranscriptFile } from '../io/read-transcripts.js';
import { InputError, usageError } from './errors.js';
import { watchingHeap } from './heap-watch.js';
import { yieldToEventLoop } from './time-budget.js';
import { READING_TRANSCRIPTS, type Reporter } from './reporter.js';

/** A codebook (the bundled one when `file` is undefined): its errors stop the use case, its warnings are reported. */
export async function loadCodebook(file: string | undefined, cwd: string, reporter: Reporter): Promise<Codebook> {
  const read = await readCodebook(file, cwd);
  if (!read.result.ok) throw new InputError(read.result.problems);
  reporter.warn(read.result.warnings);
  return read.result.value;
}

/** Automatic coding needs terms; a REFI-QDA codebook (.qdc, .qdpx) has none. */
export function requireTerms(codebook: Codebook, file: string | undefined): void {
  if (codebook.codes.some((c) => Object.values(c.terms).some((terms) => (terms?.length ?? 0) > 0))) return;
  throw usageError(`${file ?? 'the codebook'} has no terms, so it cannot code automatically`, `turn it into a YAML codebook with: collab-code codebook import ${file ?? 'FILE'} --out codebook.yaml, and add terms`);
}

// A project read both for its sources and for its codings warns of its bends of the standard once in a run (a run
// has its reporter).
const warned = new WeakMap<Reporter, WeakSet<RefiProject>>();
function warnOnce(project: RefiProject, reporter: Reporter): void {
  const projects = warned.get(reporter) ?? new WeakSet<RefiProject>();
  warned.set(reporter, projects);
  if (projects.has(project)) return;
  projects.add(project);
  reporter.warn(project.warnings);
}

export interface TranscriptOptions {
  /** Transcript files, folders and globs; and REFI-QDA projects (.qdpx), whose text sources are transcripts. */
  readonly paths: readonly string[];
  /** Folders holding the sources that projects keep outside their archive. */
  readonly sources?: readonly string[];
  /** Folders and files never searched for transcripts (the output folder, the participants table, codings files). */
  readonly exclude?: readonly string[];
  readonly defaultLanguage: Language;
  /** Speaker labels to treat as the interviewer, besides the defaults; "auto" picks one by its questions. */
  readonly interviewers?: readonly string[];
  /** Column names of turn tables ("speaker=Narrator,text=Words"). */
  readonly turnColumns?: readonly string[];
  /** A table of participants' attributes, joined to the transcripts. */
  readonly participants?: ParticipantsOptions;
  /** Follow symbolic links out of the folders given; default: skip them, with a warning. */
  readonly followSymlinks?: boolean;
  /** Read only the files of this part of the corpus (see core/shards/shard.ts). */
  readonly shard?: Shard;
}

export interface ParticipantsOptions {
  readonly file: string;
  /** The column naming the transcripts; default: the one whose values do. */
  readonly idColumn?: string;
  /** Columns that become attributes (those broken down by); the others are kept on `participant` only. */
  readonly attributes: readonly string[];
}

/** The transcripts' sources beyond their paths: turn table columns, a participants table. */
/** Where transcripts' turns and attributes come from besides the files themselves. */
export interface TranscriptSources {
  /** Column names of turn tables ("speaker=Narrator,text=Words"). */
  readonly turnColumns?: readonly string[];
  /** A participants table (.csv, .tsv or .xlsx) giving attributes, names and consent per transcript. */
  readonly participants?: string;
  /** Its column naming the transcripts; default: the one whose values do. */
  readonly participantsId?: string;
}

export const sourceOptions = (options: TranscriptSources) => ({
  turnColumns: options.turnColumns ?? [],
  ...(options.participants === undefined ? {} : { participants: { file: options.participants, attributes: [], ...(options.participantsId === undefined ? {} : { idColumn: options.participantsId }) } }),
});

/**
 * Reads every transcript in its format, joins the participants table, and decides each one's interviewer; reports the
 * problems of all files at once rather than the first.
 */
export async function readTranscripts(options: TranscriptOptions, cwd: string, reporter: Reporter): Promise<Transcript[]> {
  return (await readCorpus(options, cwd, reporter)).transcripts;
}

export interface Corpus {
  /** In id order: with `shard`, those of its files only. */
  readonly transcripts: Transcript[];
  /** The key of every transcript file of the whole corpus, shard or not, sorted: what a shard was cut from. */
  readonly files: readonly string[];
}

/** The transcripts, as readTranscripts reads them, and the files of the whole corpus they were taken from. */
export async function readCorpus(options: TranscriptOptions, cwd: string, reporter: Reporter): Promise<Corpus> {
  // Every command that reads a corpus holds it whole: stop with a message before the heap is full (heap-watch.ts).
  return watchingHeap(reporter, (watched) => readCorpusWatched(options, cwd, watched));
}

async function readCorpusWatched(options: TranscriptOptions, cwd: string, reporter: Reporter): Promise<Corpus> {
  let drafts: TranscriptDraft[] = [];
  const files = await readDrafts(options, cwd, reporter, undefined, (draft) => void drafts.push(draft));

  // A shard may hold no transcript at all, and no column of the table names none.
  if (options.participants !== undefined && drafts.length > 0) {
    const table = await readParticipants(options.participants.file, cwd);
    if (!table.ok) throw new InputError(table.problems);
    const joined = joinParticipants(drafts, table.value, options.participants);
    if (!joined.ok) throw new InputError(joined.problems);
    reporter.warn(joined.warnings);
    drafts = joined.value;
  }

  const recognition = interviewerOptions(options);
  const transcripts = drafts.map((draft) => {
    const built = buildTranscript(draft, recognition);
    reporter.warn(built.warnings);
    return built.transcript;
  });
  return { transcripts: transcripts.sort((a, b) => compareNatural(a.id, b.id)), files };
}

/** How the transcripts' interviewers are recognised: by the default labels and those given, or picked (auto). */
export function interviewerOptions(options: Pick<TranscriptOptions, 'interviewers'>): InterviewerOptions {
  const labels = options.interviewers ?? [];
  const auto = labels.some((l) => l.trim().toLowerCase() === AUTO_INTERVIEWER);
  return { auto, isInterviewer: interviewerMatcher([...DEFAULT_INTERVIEWER_LABELS, ...labels.filter((l) => l.trim().toLowerCase() !== AUTO_INTERVIEWER)]) };
}

/**
 * Reads every transcript file (of the shard) in its format and gives each draft to `take` as it is read, in file
 * order; the problems of all files are thrown at the end rather than the first, and the files' warnings reported.
 * Gives the key of every transcript file of the whole corpus, shard or not, sorted.
 */
export async function readDrafts(
  options: TranscriptOptions,
  cwd: string,
  reporter: Reporter,
  /** Hears the transcript files found (absolute paths), before they are read. */
  onFound: ((files: readonly string[]) => void) | undefined,
  take: (draft: TranscriptDraft) => void | Promise<void>,
): Promise<readonly string[]> {
  const shard = options.shard;
  const inThisShard = (key: string): boolean => shard === undefined || inShard(key, shard);
  const files: string[] = [];
  const projects = options.paths.filter(isProjectFile);
  const others = options.paths.filter((p) => !isProjectFile(p));
  const exclude = [...(options.exclude ?? []), ...(options.participants === undefined ? [] : [options.participants.file])];
  const found = others.length === 0 ? ok<string[]>([]) : await findTranscripts(others, { cwd, exclude, followSymlinks: options.followSymlinks === true });
  if (!found.ok) throw new InputError(found.problems);
  reporter.warn(found.warnings);
  const { isInterviewer } = interviewerOptions(options);
  const turnColumns = parseTableMapping(options.turnColumns ?? [], ['speaker', 'text', 'time'] as const, '--turn-columns');
  if (!turnColumns.ok) throw new InputError(turnColumns.problems);

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const fileOfId = new Map<string, string>();
  const accept = async (draft: Result<TranscriptDraft>, file: string): Promise<void> => {
    if (!draft.ok) return void appendAll(problems, draft.problems);
    appendAll(warnings, draft.warnings);
    const other = fileOfId.get(draft.value.id);
    if (other !== undefined) {
      return void problems.push(error({ file }, `duplicate transcript id "${draft.value.id}", also used by ${other}`, 'give one of them another id in its front matter'));
    }
    fileOfId.set(draft.value.id, file);
    await take(draft.value);
  };
  for (const project of projects) {
    const read = await readProjectFile(project, cwd, options.sources ?? []);
    if (!read.ok) {
      appendAll(problems, read.problems);
      continue;
    }
    warnOnce(read.value, reporter);
    if (read.value.sources.length === 0) problems.push(error({ file: project }, 'the project holds no text source to analyse', 'export the project with its documents'));
    const text = await formatOf('.txt')!.load();
    for (const source of transcriptFilesOfProject(read.value)) {
      files.push(source.file);
      if (!inThisShard(source.file)) continue;
      const draft = await text.read(new TextEncoder().encode(source.text), { file: source.file, defaultId: source.defaultId, defaultLanguage: options.defaultLanguage, isInterviewer });
      await accept(draft.ok ? ok(withCaseVariables(draft.value, source), draft.warnings) : draft, source.file);
    }
  }
  let bytes = 0;
  let lastYield = Date.now();
  const keyOf = (absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/');
  appendAll(files, found.value.map(keyOf));
  const chosen = found.value.filter((absolute) => inThisShard(keyOf(absolute)));
  onFound?.(chosen);
  for (const [i, absolute] of chosen.entries()) {
    reporter.progress({ stage: READING_TRANSCRIPTS, done: i, total: chosen.length, bytes });
    const read = await readDraft(absolute, cwd, { defaultLanguage: options.defaultLanguage, isInterviewer, turnColumns: turnColumns.value });
    if (!read.ok) {
      appendAll(problems, read.problems);
      continue;
    }
    bytes += read.value.size;
    await accept(read.value.draft, read.value.file);
    // Reading thousands of files is synchronous work: let signals act, and the heap watch hear of the garbage
    // collections (heap-watch.ts), every 20 ms; what a heap nearly full takes in that time must fit in what is left.
    if (Date.now() - lastYield > 20) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => compareNatural(a.file, b.file)));
  reporter.warn(warnings);
  return files.sort();
}

/**
 * A transcript file read by its format's reader. Its bytes stay in here: a streamed corpus codes the draft next, and
 * a long file's bytes kept alive meanwhile took 50 MB of a 50 MB transcript's peak.
 */
async function readDraft(absolute: string, cwd: string, context: Omit<ReadContext, 'file' | 'defaultId'>): Promise<Result<{ readonly draft: Result<TranscriptDraft>; readonly file: string; readonly size: number }>> {
  const read = readTranscriptFile(absolute, cwd);
  if (!read.ok) return read;
  const { file, defaultId, extension, bytes } = read.value;
  const reader = await formatOf(extension)!.load();
  return ok({ draft: await reader.read(bytes, { ...context, file, defaultId }), file, size: bytes.length });
}

/** A project's cases give a source attributes, and perhaps its language, which the text's own front matter overrides. */
function withCaseVariables(draft: TranscriptDraft, source: ProjectTranscriptFile): TranscriptDraft {
  const { language, id: _id, ...given } = source.attributes;
  const caseLanguage = draft.languageGiven !== true && language !== undefined && isLanguage(language) ? { language, languageGiven: true } : {};
  return { ...draft, ...caseLanguage, attributes: { ...given, ...draft.attributes } };
}

export interface HumanCodings {
  /** The codebook given, or one made of the codes the files name. */
  readonly codebook: Codebook;
  readonly placed: PlacedCodings;
  /** Coders in the order of the files and then of their first row. */
  readonly coders: readonly string[];
  /** Files per coder, for messages. */
  readonly filesOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads codings files and places their segments; without a codebook, the files' codes become one. Reports how many
 * segments were placed and how, and warns of each that was not.
 */
export async function readHumanCodings(
  files: readonly string[],
  columns: readonly string[],
  transcripts: readonly Transcript[],
  codebook: Codebook | undefined,
  cwd: string,
  reporter: Reporter,
  sources: readonly string[] = [],
  place: PlaceOptions = {},
): Promise<HumanCodings> {
  const mapping = parseColumnMapping(columns);
  if (!mapping.ok) throw new InputError(mapping.problems);
  const problems: Problem[] = [];
  const rows: CodingRow[] = [];
  const filesOf = new Map<string, string[]>();
  // A project's codebook lists codes nobody applied, and their descriptions: both belong in a codebook made of codes.
  const codeNames: string[] = [];
  const definitions = new Map<string, string>();
  for (const file of files) {
    let read: Result<readonly CodingRow[]>;
    if (isProjectFile(file)) {
      const project = await readProjectFile(file, cwd, sources);
      if (!project.ok) {
        appendAll(problems, project.problems);
        continue;
      }
      const fromProject = codingRowsOfProject(project.value, transcripts);
      warnOnce(project.value, reporter);
      reporter.warn(fromProject.warnings);
      project.value.notes.forEach((note) => reporter.info(note));
      appendAll(codeNames, fromProject.codeNames);
      for (const [name, definition] of fromProject.definitions) definitions.set(name, definition);
      read = ok(fromProject.rows);
    } else {
      read = readCodings(file, cwd, mapping.value);
    }
    if (!read.ok) {
      appendAll(problems, read.problems);
      continue;
    }
    appendAll(rows, read.value);
    for (const coder of new Set(read.value.map((row) => row.coder))) pushTo(filesOf, coder, file);
  }
  if (problems.length > 0) throw new InputError(problems);
  // Named by file name only: the title appears in outputs, which hold no absolute paths.
  const book = codebook ?? codebookFromCodeNames([...codeNames, ...rows.map((r) => r.code)], `Codes of ${files.map((f) => f.split(/[\\/]/).at(-1)).join(', ')}`, definitions);
  const placed = placeCodings(rows, transcripts, book, place);
  if (!placed.ok) throw new InputError(placed.problems);
  const human = { codebook: book, placed: placed.value, coders: [...filesOf.keys()], filesOf };
  reportPlacement(human, reporter);
  return human;
}

/** Tells how many segments were placed and how, and warns of each that was not. */
function reportPlacement(codings: HumanCodings, reporter: Reporter): void {
  const { placements, unplaced } = codings.placed;
  reporter.warn(
    unplaced.map((u) => ({
      ...warning(u.row, `segment coded "${u.code}" in ${u.transcript} not placed: ${u.reason}`),
      kind: u.kind === 'interviewer-only' ? 'segment only in interviewer turns' : 'segment not placed',
    })),
  );
  const how = (
    [
      [placements.turn, 'by turn'],
      [placements.position, 'by position'],
      [placements.exact, 'exactly'],
      [placements.normalised, 'ignoring spacing, quotes, dashes or hyphenation'],
      [placements.fuzzy, 'approximately'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  const files = [...new Set([...codings.filesOf.values()].flat())].join(', ');
  const segments = Object.values(placements).reduce((n, k) => n + k, 0);
  const clipped = codings.placed.clipped > 0 ? `; ${codings.placed.clipped} clipped to the respondent's words` : '';
  reporter.info(`${files}: ${segments} of ${segments + unplaced.length} segments placed${how === '' ? '' : ` (${how})`}, ${unplaced.length} unplaced${clipped}`);
  const { outside } = codings.placed;
  if (outside.length > 0) {
    const rows = outside.reduce((n, o) => n + o.rows, 0);
    reporter.info(`${files}: ${rows} ${rows === 1 ? 'segment names' : 'segments name'} ${outside.length} ${outside.length === 1 ? 'code' : 'codes'} outside the codebook, set aside: ${outside.map((o) => `"${o.code}"`).join(', ')}`);
  }
}
