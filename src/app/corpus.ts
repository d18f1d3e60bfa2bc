// What several use cases read the same way: the codebook, the transcripts, and human codings placed in them.
import type { Codebook } from '../core/codebook/codebook.js';
import { parseColumnMapping, type CodingRow } from '../core/codings/codings-table.js';
import { pushTo } from '../core/collections.js';
import { placeCodings, type PlacedCodings } from '../core/codings/place-codings.js';
import { codebookFromCodeNames } from '../core/codings/resolve-codes.js';
import { compareNatural, error, warning, type Problem } from '../core/problem.js';
import type { Language } from '../core/text/language.js';
import { parseColumnMapping as parseTableMapping } from '../core/tables/column-mapping.js';
import { buildTranscript } from '../core/transcripts/build-transcript.js';
import { AUTO_INTERVIEWER } from '../core/transcripts/interviewers.js';
import { joinParticipants } from '../core/transcripts/participants.js';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher } from '../core/transcripts/speakers.js';
import type { Transcript, TranscriptDraft } from '../core/transcripts/transcript.js';
import { formatOf } from '../formats/index.js';
import { readCodebook } from '../io/read-codebook.js';
import { readCodings } from '../io/read-codings.js';
import { readParticipants } from '../io/read-participants.js';
import { findTranscripts, readTranscriptFile } from '../io/read-transcripts.js';
import { InputError } from './errors.js';
import type { Reporter } from './reporter.js';

/** A codebook (the bundled one when `file` is undefined): its errors stop the use case, its warnings are reported. */
export async function loadCodebook(file: string | undefined, cwd: string, reporter: Reporter): Promise<Codebook> {
  const read = await readCodebook(file, cwd);
  if (!read.result.ok) throw new InputError(read.result.problems);
  reporter.warn(read.result.warnings);
  return read.result.value;
}

export interface TranscriptOptions {
  readonly paths: readonly string[];
  /** Folders and files never searched for transcripts (the output folder, the participants table, codings files). */
  readonly exclude?: readonly string[];
  readonly defaultLanguage: Language;
  /** Speaker labels to treat as the interviewer, besides the defaults; "auto" picks one by its questions. */
  readonly interviewers?: readonly string[];
  /** Column names of turn tables ("speaker=Narrator,text=Words"). */
  readonly turnColumns?: readonly string[];
  /** A table of participants' attributes, joined to the transcripts. */
  readonly participants?: ParticipantsOptions;
}

export interface ParticipantsOptions {
  readonly file: string;
  /** The column naming the transcripts; default: the one whose values do. */
  readonly idColumn?: string;
  /** Columns that become attributes (those broken down by); the others are kept on `participant` only. */
  readonly attributes: readonly string[];
}

/**
 * Reads every transcript in its format, joins the participants table, and decides each one's interviewer; reports the
 * problems of all files at once rather than the first.
 */
export async function readTranscripts(options: TranscriptOptions, cwd: string, reporter: Reporter): Promise<Transcript[]> {
  const found = await findTranscripts(options.paths, { cwd, exclude: [...(options.exclude ?? []), ...(options.participants === undefined ? [] : [options.participants.file])] });
  if (!found.ok) throw new InputError(found.problems);
  reporter.warn(found.warnings);
  const labels = options.interviewers ?? [];
  const auto = labels.some((l) => l.trim().toLowerCase() === AUTO_INTERVIEWER);
  const isInterviewer = interviewerMatcher([...DEFAULT_INTERVIEWER_LABELS, ...labels.filter((l) => l.trim().toLowerCase() !== AUTO_INTERVIEWER)]);
  const turnColumns = parseTableMapping(options.turnColumns ?? [], ['speaker', 'text', 'time'] as const, '--turn-columns');
  if (!turnColumns.ok) throw new InputError(turnColumns.problems);

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let drafts: TranscriptDraft[] = [];
  const fileOfId = new Map<string, string>();
  let bytes = 0;
  for (const [i, absolute] of found.value.entries()) {
    reporter.progress({ stage: 'Reading transcripts', done: i, total: found.value.length, bytes });
    const read = readTranscriptFile(absolute, cwd);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const { file, defaultId, extension } = read.value;
    bytes += read.value.bytes.length;
    const reader = await formatOf(extension)!.load();
    const draft = await reader.read(read.value.bytes, { file, defaultId, defaultLanguage: options.defaultLanguage, isInterviewer, turnColumns: turnColumns.value });
    if (!draft.ok) {
      problems.push(...draft.problems);
      continue;
    }
    warnings.push(...draft.warnings);
    const other = fileOfId.get(draft.value.id);
    if (other !== undefined) {
      problems.push(error({ file }, `duplicate transcript id "${draft.value.id}", also used by ${other}`, 'give one of them another id in its front matter'));
      continue;
    }
    fileOfId.set(draft.value.id, file);
    drafts.push(draft.value);
  }
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => compareNatural(a.file, b.file)));
  reporter.warn(warnings);

  if (options.participants !== undefined) {
    const table = await readParticipants(options.participants.file, cwd);
    if (!table.ok) throw new InputError(table.problems);
    const joined = joinParticipants(drafts, table.value, options.participants);
    if (!joined.ok) throw new InputError(joined.problems);
    reporter.warn(joined.warnings);
    drafts = joined.value;
  }

  const transcripts = drafts.map((draft) => {
    const built = buildTranscript(draft, { isInterviewer, auto });
    reporter.warn(built.warnings);
    return built.transcript;
  });
  return transcripts.sort((a, b) => compareNatural(a.id, b.id));
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
export function readHumanCodings(
  files: readonly string[],
  columns: readonly string[],
  transcripts: readonly Transcript[],
  codebook: Codebook | undefined,
  cwd: string,
  reporter: Reporter,
): HumanCodings {
  const mapping = parseColumnMapping(columns);
  if (!mapping.ok) throw new InputError(mapping.problems);
  const problems: Problem[] = [];
  const rows: CodingRow[] = [];
  const filesOf = new Map<string, string[]>();
  for (const file of files) {
    const read = readCodings(file, cwd, mapping.value);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    rows.push(...read.value);
    for (const coder of new Set(read.value.map((row) => row.coder))) pushTo(filesOf, coder, file);
  }
  if (problems.length > 0) throw new InputError(problems);
  // Named by file name only: the title appears in outputs, which hold no absolute paths.
  const book = codebook ?? codebookFromCodeNames(rows.map((r) => r.code), `Codes of ${files.map((f) => f.split(/[\\/]/).at(-1)).join(', ')}`);
  const placed = placeCodings(rows, transcripts, book);
  if (!placed.ok) throw new InputError(placed.problems);
  const human = { codebook: book, placed: placed.value, coders: [...filesOf.keys()], filesOf };
  reportPlacement(human, reporter);
  return human;
}

/** Tells how many segments were placed and how, and warns of each that was not. */
function reportPlacement(codings: HumanCodings, reporter: Reporter): void {
  const { placements, codings: placed, unplaced } = codings.placed;
  reporter.warn(unplaced.map((u) => ({ ...warning(u.row, `segment coded "${u.code}" in ${u.transcript} not placed: ${u.reason}`), kind: 'segment not placed' })));
  const how = (
    [
      [placements.turn, 'by turn'],
      [placements.exact, 'exactly'],
      [placements.normalised, 'ignoring spacing, quotes, dashes or hyphenation'],
      [placements.fuzzy, 'approximately'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  const files = [...new Set([...codings.filesOf.values()].flat())].join(', ');
  reporter.info(`${files}: ${placed.length} of ${placed.length + unplaced.length} segments placed${how === '' ? '' : ` (${how})`}, ${unplaced.length} unplaced`);
}
