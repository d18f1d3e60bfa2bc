// `collab-code evaluate PATHS… --gold human.csv`: codes the transcripts and scores the result against gold codings.
import { InputError } from '../../app/errors.js';
import { evaluate } from '../../app/evaluate.js';
import type { EvaluationUnit } from '../../core/reliability/comparison-units.js';
import { readConfig } from '../../io/read-config.js';
import { formatEvaluationCsv } from '../../outputs/evaluation-csv.js';
import { formatEvaluationJson } from '../../outputs/evaluation-json.js';
import { formatEvaluationMarkdown } from '../../outputs/evaluation-md.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import type { ReportFormat } from '../options.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { transcriptPaths } from './settings.js';
import { writeUnplaced } from './unplaced.js';

export interface EvaluateCommandOptions extends Verbosity {
  readonly paths: readonly string[];
  readonly gold: string;
  readonly codebook?: string;
  readonly unit?: EvaluationUnit;
  readonly format?: ReportFormat;
  readonly columns?: readonly string[];
  readonly interviewer?: readonly string[];
  readonly sources?: readonly string[];
  readonly unplaced?: string;
  readonly followSymlinks?: boolean;
  readonly generator: string;
}

export async function runEvaluate(options: EvaluateCommandOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const paths = transcriptPaths(options.paths, config.value.transcripts);
  return withReporter(io, { ...options, quiet: options.quiet === true || config.value.quiet === true }, async (reporter) => {
    const codebook = options.codebook ?? config.value.codebook;
    const result = await evaluate(
      {
        paths,
        gold: options.gold,
        cwd: io.cwd,
        unit: options.unit ?? 'turn',
        columns: options.columns ?? [],
        interviewers: [...(config.value.interviewers ?? []), ...(options.interviewer ?? [])],
        followSymlinks: options.followSymlinks === true,
        ...(codebook === undefined ? {} : { codebook }),
        ...(options.sources === undefined ? {} : { sources: options.sources }),
      },
      reporter,
    );
    await writeUnplaced(result.gold, options.unplaced, io.cwd, reporter);
    const context = { generator: options.generator };
    const format = options.format ?? 'md';
    const { evaluation } = result;
    io.stdout(format === 'csv' ? formatEvaluationCsv(evaluation) : format === 'json' ? formatEvaluationJson(evaluation, context) : formatEvaluationMarkdown(evaluation, context));
    return ExitCode.Ok;
  });
}
