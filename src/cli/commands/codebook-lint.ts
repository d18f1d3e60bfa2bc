// `collab-code codebook lint CODEBOOK PATHS…`: what the codebook's terms do on a corpus. Exit 0 with findings,
// or 1 with --strict when there are any.
import { lintCodebook } from '../../core/coding/lint.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import type { Problem } from '../../core/problem.js';
import { formatLintJson } from '../../outputs/lint-json.js';
import { formatLintMarkdown } from '../../outputs/lint-md.js';
import { ExitCode } from '../errors.js';
import { isInteractive, type CliIo } from '../io.js';
import { formatProblem, paintFor } from '../ui/messages.js';
import { loadCodebook, readTranscripts } from './corpus.js';

export interface CodebookLintOptions {
  readonly codebook: string;
  readonly paths: readonly string[];
  readonly unit?: UnitKind;
  readonly format?: 'md' | 'json';
  readonly strict?: boolean;
  readonly interviewer?: readonly string[];
}

export async function runCodebookLint(options: CodebookLintOptions, io: CliIo): Promise<ExitCode> {
  const paint = await paintFor(isInteractive(io));
  const warn = (problems: readonly Problem[]) => problems.forEach((p) => io.stderr(formatProblem(p, paint)));
  const codebook = await loadCodebook(options.codebook, io, warn);
  const transcripts = await readTranscripts({ paths: options.paths, defaultLanguage: codebook.language, interviewers: options.interviewer ?? [] }, io, warn);
  const lint = lintCodebook(codebook, transcripts, options.unit ?? 'turn');
  io.stdout(options.format === 'json' ? formatLintJson(lint) : formatLintMarkdown(lint, codebook.title));
  io.stderr(`${options.codebook}: ${lint.findings.length} ${lint.findings.length === 1 ? 'finding' : 'findings'} on ${lint.transcripts} transcripts\n`);
  return options.strict === true && lint.findings.length > 0 ? ExitCode.CheckFailed : ExitCode.Ok;
}
