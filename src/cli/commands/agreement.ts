// `collab-code agreement A.csv B.csv [C.csv…] --transcripts PATHS…`: how far human coders agree, per code and overall.
import type { HumanCoding } from '../../core/coding/coding.js';
import { warning, type Problem } from '../../core/problem.js';
import { measureAgreement } from '../../core/reliability/agreement.js';
import type { ComparisonUnit } from '../../core/reliability/coded-units.js';
import { readConfig } from '../../io/read-config.js';
import { writeOutputFile } from '../../io/write-outputs.js';
import { formatAgreementCsv } from '../../outputs/agreement-csv.js';
import { formatAgreementJson } from '../../outputs/agreement-json.js';
import { formatAgreementMarkdown } from '../../outputs/agreement-md.js';
import { formatDisagreementsCsv } from '../../outputs/disagreements-csv.js';
import { ExitCode, InputError, usageError } from '../errors.js';
import { isInteractive, type CliIo } from '../io.js';
import { formatProblem, paintFor } from '../ui/messages.js';
import { UNPLACED_FILE, type ReportFormat } from '../options.js';
import { loadCodebook, readHumanCodings, readTranscripts, reportPlacement } from './corpus.js';


export interface AgreementOptions {
  readonly files: readonly string[];
  readonly transcripts?: readonly string[];
  readonly unit?: ComparisonUnit;
  readonly format?: ReportFormat;
  readonly codebook?: string;
  readonly columns?: readonly string[];
  readonly interviewer?: readonly string[];
  readonly disagreements?: string;
  readonly unplaced?: string;
  readonly generator: string;
}

export async function runAgreement(options: AgreementOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const paths = options.transcripts ?? config.value.transcripts ?? [];
  if (paths.length === 0) throw usageError('no transcripts given', 'name them with --transcripts (files, folders or globs): they define the units, including those no coder coded');
  const paint = await paintFor(isInteractive(io));
  const warn = (problems: readonly Problem[]) => problems.forEach((p) => io.stderr(formatProblem(p, paint)));

  const codebook = options.codebook === undefined ? undefined : await loadCodebook(options.codebook, io, warn);
  const interviewers = [...(config.value.interviewers ?? []), ...(options.interviewer ?? [])];
  const transcripts = await readTranscripts({ paths, defaultLanguage: codebook?.language ?? 'en', interviewers }, io, warn);
  const human = readHumanCodings(options.files, options.columns ?? [], transcripts, codebook, io);

  for (const [coder, files] of human.filesOf) {
    if (files.length > 1) throw usageError(`mismatched coder files: ${files.join(' and ')} both hold codings by "${coder}"`, 'give each coder one file, or tell coders apart with a coder column');
  }
  if (human.coders.length < 2) {
    throw usageError(`agreement needs two or more coders; ${options.files.join(', ')} ${options.files.length === 1 ? 'holds' : 'hold'} codings by "${human.coders[0]}" only`, 'give one codings file per coder, or a coder column naming each row\'s coder');
  }
  await reportPlacement(human, { file: options.unplaced ?? UNPLACED_FILE, write: options.unplaced !== undefined || human.placed.unplaced.length > 0 }, io, warn, io.stderr);

  const byCoder = new Map<string, HumanCoding[]>(human.coders.map((c) => [c, []]));
  for (const coding of human.placed.codings) byCoder.get(coding.coder)!.push(coding);
  const codesOf = [...byCoder.values()].map((codings) => new Set(codings.map((c) => c.code.id)));
  if (codebook === undefined && !codesOf.some((codes, i) => [...codes].some((id) => codesOf.some((other, j) => j !== i && other.has(id))))) {
    warn([warning({ file: options.files.join(', ') }, 'the coders share no code name, so they can only disagree', 'name codes alike in every file (ids, labels or paths), or give --codebook to resolve them')]);
  }
  const agreement = measureAgreement(transcripts, human.codebook, human.coders, [...byCoder.values()], options.unit ?? 'turn');
  warn(agreement.uncoded.map((u) => warning({ file: human.filesOf.get(u.coder)![0]! }, `${u.coder} coded nothing in ${u.transcript}, which another coder coded; its units count as uncoded by ${u.coder}`, 'check that the coder was given it, or leave it out of --transcripts')));

  if (options.disagreements !== undefined) {
    const written = await writeOutputFile(options.disagreements, formatDisagreementsCsv(agreement), io.cwd, 'choose another file with --disagreements');
    if (!written.ok) throw new InputError(written.problems);
  }
  const context = { generator: options.generator };
  const format = options.format ?? 'md';
  io.stdout(format === 'csv' ? formatAgreementCsv(agreement) : format === 'json' ? formatAgreementJson(agreement, context) : formatAgreementMarkdown(agreement, context));
  return ExitCode.Ok;
}
