// Runs the CLI and returns its exit code: the one place where errors become messages and exit codes.
import { CommanderError } from 'commander';
import { ExitCode, InputError } from './errors.js';
import { isInteractive, nodeIo, type CliIo } from './io.js';
import { createProgram } from './program.js';
import { formatProblems, paintFor } from './ui/messages.js';

export async function run(argv: readonly string[], io: CliIo = nodeIo()): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const program = createProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with commander's own "errors"; they are successes.
      return e.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    }
    const paint = await paintFor(isInteractive(io));
    if (e instanceof InputError) {
      // Errors are never silenced; repeated ones are grouped like warnings unless --verbose.
      io.stderr(formatProblems(e.problems, paint, argv.includes('--verbose')));
      return ExitCode.BadInput;
    }
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return ExitCode.Ok;
    const debug = argv.includes('--debug');
    io.stderr(`collab-code: ${paint.error('internal error')}: ${(e as Error).message}\n`);
    io.stderr(debug ? `${(e as Error).stack ?? ''}\n` : 'This is a bug in collab-code. Run again with --debug for the stack trace and report it.\n');
    return ExitCode.BadInput;
  }
}
