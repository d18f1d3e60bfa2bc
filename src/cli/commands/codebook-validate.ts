// `collab-code codebook validate FILE`: a linter for codebooks. Exit 1 when it finds errors, 2 when it cannot read the file.
import { selfVetoingExclusions } from '../../core/coding/diagnostics.js';
import { readCodebook } from '../../io/read-codebook.js';
import { ExitCode, InputError } from '../errors.js';
import type { CliIo } from '../io.js';
import { isInteractive } from '../io.js';
import { formatProblem, paintFor } from '../ui/messages.js';

export async function runCodebookValidate(file: string, io: CliIo): Promise<ExitCode> {
  const { unreadable, result } = await readCodebook(file, io.cwd);
  if (unreadable === true && !result.ok) throw new InputError(result.problems);
  const paint = await paintFor(isInteractive(io));
  const problems = result.ok ? [...result.warnings, ...selfVetoingExclusions(result.value, file)] : result.problems;
  for (const p of problems) io.stderr(formatProblem(p, paint));
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    io.stderr(`${file}: ${errors} ${errors === 1 ? 'error' : 'errors'}\n`);
    return ExitCode.CheckFailed;
  }
  const codebook = result.value;
  io.stderr(`${file}: valid (${codebook.codes.length} codes, ${codebook.categories.length} categories, ${codebook.types.length} types)\n`);
  return ExitCode.Ok;
}
