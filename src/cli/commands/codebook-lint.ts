// `collab-code codebook lint CODEBOOK PATHS…`: what the codebook's terms do on a corpus. Exit 0 with findings,
// or 1 with --strict when there are any.
import { lintCodebook } from '../../app/codebook.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import { formatLintJson } from '../../outputs/lint-json.js';
import { formatLintMarkdown } from '../../outputs/lint-md.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { plural } from '../../core/wording.js';

export interface CodebookLintOptions extends Verbosity {
  readonly codebook: string;
  readonly paths: readonly string[];
  readonly unit?: UnitKind;
  readonly format?: 'md' | 'json';
  readonly strict?: boolean;
  readonly interviewer?: readonly string[];
  readonly followSymlinks?: boolean;
  readonly offTopic?: readonly string[];
}

export async function runCodebookLint(options: CodebookLintOptions, io: CliIo): Promise<ExitCode> {
  return withReporter(io, options, async (reporter) => {
    const { codebook, lint } = await lintCodebook(
      { codebook: options.codebook, paths: options.paths, cwd: io.cwd, unit: options.unit ?? 'turn', interviewers: options.interviewer ?? [], followSymlinks: options.followSymlinks === true, offTopic: options.offTopic ?? [] },
      reporter,
    );
    io.stdout(options.format === 'json' ? formatLintJson(lint) : formatLintMarkdown(lint, codebook.title));
    reporter.stop();
    reporter.flush();
    reporter.info(`${options.codebook}: ${plural(lint.findings.length, 'finding')} on ${plural(lint.transcripts, 'transcript')}`);
    const o = lint.offTopic;
    if (o !== undefined) reporter.info(`${options.codebook}: coded ${o.codedUnits} of ${o.units} units (${o.units === 0 ? 0 : ((o.codedUnits * 100) / o.units).toFixed(1)}%) of the off-topic corpus`);
    return options.strict === true && lint.findings.length > 0 ? ExitCode.CheckFailed : ExitCode.Ok;
  });
}
