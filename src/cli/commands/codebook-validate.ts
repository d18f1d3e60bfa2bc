// `collab-code codebook validate FILE`: a linter for codebooks. Exit 1 when it finds errors, 2 when it cannot read the file.
import { validateCodebook } from '../../app/codebook.js';
import { ExitCode } from '../errors.js';
import { isInteractive, type CliIo } from '../io.js';
import { formatProblems, paintFor } from '../ui/messages.js';
import type { Verbosity } from '../ui/reporter.js';

export async function runCodebookValidate(file: string, options: Verbosity, io: CliIo): Promise<ExitCode> {
  const validation = await validateCodebook(file, { cwd: io.cwd });
  const paint = await paintFor(isInteractive(io));
  // Validation's findings are its output: errors are always shown, warnings unless --quiet.
  const shown = validation.valid ? (options.quiet === true ? [] : validation.warnings) : validation.problems.filter((p) => options.quiet !== true || p.severity === 'error');
  io.stderr(formatProblems(shown, paint, options.verbose === true));
  if (!validation.valid) {
    const errors = validation.problems.filter((p) => p.severity === 'error').length;
    io.stderr(`${file}: ${errors} ${errors === 1 ? 'error' : 'errors'}\n`);
    return ExitCode.CheckFailed;
  }
  const { codebook } = validation;
  if (options.quiet !== true) io.stderr(`${file}: valid (${codebook.codes.length} codes, ${codebook.categories.length} categories, ${codebook.types.length} types)\n`);
  return ExitCode.Ok;
}
