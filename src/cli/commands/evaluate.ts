// `collab-code evaluate PATHS… --gold human.csv`: codes the transcripts and scores the result against gold codings.
import { codeTranscript } from '../../core/coding/code-transcript.js';
import { compileCodebook } from '../../core/coding/compile-codebook.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import type { Problem } from '../../core/problem.js';
import type { ComparisonUnit } from '../../core/reliability/coded-units.js';
import { evaluateCoding } from '../../core/reliability/evaluation.js';
import { readConfig } from '../../io/read-config.js';
import { formatEvaluationCsv } from '../../outputs/evaluation-csv.js';
import { formatEvaluationJson } from '../../outputs/evaluation-json.js';
import { formatEvaluationMarkdown } from '../../outputs/evaluation-md.js';
import { ExitCode, InputError } from '../errors.js';
import { isInteractive, type CliIo } from '../io.js';
import { UNPLACED_FILE, type EVALUATION_UNITS, type ReportFormat } from '../options.js';
import { formatProblem, paintFor } from '../ui/messages.js';
import { loadCodebook, readHumanCodings, readTranscripts, reportPlacement, transcriptPaths } from './corpus.js';

export interface EvaluateOptions {
  readonly paths: readonly string[];
  readonly gold: string;
  readonly codebook?: string;
  readonly unit?: (typeof EVALUATION_UNITS)[number];
  readonly format?: ReportFormat;
  readonly columns?: readonly string[];
  readonly interviewer?: readonly string[];
  readonly unplaced?: string;
  readonly generator: string;
}

export async function runEvaluate(options: EvaluateOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const paths = transcriptPaths(options.paths, config.value.transcripts);
  const paint = await paintFor(isInteractive(io));
  const warn = (problems: readonly Problem[]) => problems.forEach((p) => io.stderr(formatProblem(p, paint)));

  const codebook = await loadCodebook(options.codebook ?? config.value.codebook, io, warn);
  const interviewers = [...(config.value.interviewers ?? []), ...(options.interviewer ?? [])];
  const transcripts = await readTranscripts({ paths, defaultLanguage: codebook.language, interviewers }, io, warn);
  const gold = readHumanCodings([options.gold], options.columns ?? [], transcripts, codebook, io);
  await reportPlacement(gold, { file: options.unplaced ?? UNPLACED_FILE, write: options.unplaced !== undefined || gold.placed.unplaced.length > 0 }, io, warn, io.stderr);

  const unit: ComparisonUnit = options.unit ?? 'turn';
  // A whole interview raises a code when one of its turns does, as in the report's counts.
  const codingUnit: UnitKind = unit === 'document' ? 'turn' : unit;
  const compiled = compileCodebook(codebook);
  const auto = transcripts.flatMap((t) => codeTranscript(t, compiled, codingUnit));
  const evaluation = evaluateCoding(transcripts, codebook, auto, gold.placed.codings, unit);

  const context = { generator: options.generator };
  const format = options.format ?? 'md';
  io.stdout(format === 'csv' ? formatEvaluationCsv(evaluation) : format === 'json' ? formatEvaluationJson(evaluation, context) : formatEvaluationMarkdown(evaluation, context));
  return ExitCode.Ok;
}
