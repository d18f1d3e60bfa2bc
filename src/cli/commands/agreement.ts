// `collab-code agreement A.csv B.csv [C.csv…] --transcripts PATHS…`: how far human coders agree, per code and overall.
import { agreement } from '../../app/agreement.js';
import { InputError } from '../../app/errors.js';
import type { ComparisonUnit } from '../../core/reliability/coded-units.js';
import { readConfig } from '../../io/read-config.js';
import { writeOutputFile } from '../../io/write-outputs.js';
import { formatAgreementCsv } from '../../outputs/agreement-csv.js';
import { formatAgreementJson } from '../../outputs/agreement-json.js';
import { formatAgreementMarkdown } from '../../outputs/agreement-md.js';
import { formatDisagreementsCsv } from '../../outputs/disagreements-csv.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import type { ReportFormat } from '../options.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { writeUnplaced } from './unplaced.js';

export interface AgreementCommandOptions extends Verbosity {
  readonly files: readonly string[];
  readonly transcripts?: readonly string[];
  readonly unit?: ComparisonUnit;
  readonly format?: ReportFormat;
  readonly codebook?: string;
  readonly columns?: readonly string[];
  readonly interviewer?: readonly string[];
  readonly sources?: readonly string[];
  readonly disagreements?: string;
  readonly unplaced?: string;
  readonly followSymlinks?: boolean;
  readonly generator: string;
}

export async function runAgreement(options: AgreementCommandOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  return withReporter(io, { ...options, quiet: options.quiet === true || config.value.quiet === true }, async (reporter) => {
    const result = await agreement(
      {
        files: options.files,
        transcripts: options.transcripts ?? config.value.transcripts ?? [],
        cwd: io.cwd,
        unit: options.unit ?? 'turn',
        columns: options.columns ?? [],
        interviewers: [...(config.value.interviewers ?? []), ...(options.interviewer ?? [])],
        followSymlinks: options.followSymlinks === true,
        ...(options.codebook === undefined ? {} : { codebook: options.codebook }),
        ...(options.sources === undefined ? {} : { sources: options.sources }),
      },
      reporter,
    );
    await writeUnplaced(result.humanCodings, options.unplaced, io.cwd, reporter);
    if (options.disagreements !== undefined) {
      const written = await writeOutputFile(options.disagreements, formatDisagreementsCsv(result.agreement), io.cwd, 'choose another file with --disagreements');
      if (!written.ok) throw new InputError(written.problems);
    }
    const context = { generator: options.generator };
    const format = options.format ?? 'md';
    io.stdout(format === 'csv' ? formatAgreementCsv(result.agreement) : format === 'json' ? formatAgreementJson(result.agreement, context) : formatAgreementMarkdown(result.agreement, context));
    return ExitCode.Ok;
  });
}
