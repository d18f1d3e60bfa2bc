// Runs the CLI and returns its exit code: the one place where errors become messages and exit codes.
import v8 from 'node:v8';
import { CommanderError } from 'commander';
import { Interrupted } from '../app/time-budget.js';
import { cleanUpNow } from '../io/cleanup.js';
import { OutputError } from '../io/write-stdout.js';
import { ExitCode, InputError } from './errors.js';
import { isInteractive, nodeIo, type CliIo } from './io.js';
import { createProgram } from './program.js';
import { formatProblems, paintFor } from './ui/messages.js';

// A corpus streams through analyze (app/streamed-corpus.ts) leaving garbage behind it: each transcript read, parsed
// and coded. V8 lets the old generation grow to about three times what a full collection keeps before it collects
// again; at 1.3 times, the 200 MB of the bench's shape a peak at about 290 MB of resident memory instead of about 330 MB,
// for a few more collections (README, Development). The CLI owns the process, so the CLI sets it; a program that
// uses the library keeps its own settings.
const limitHeapGrowth = (): void => v8.setFlagsFromString('--heap-growing-percent=30');

export async function run(argv: readonly string[], io: CliIo = nodeIo()): Promise<ExitCode> {
  limitHeapGrowth();
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
    if (e instanceof Interrupted) return interrupted(e.signal, io);
    if (e instanceof InputError || e instanceof OutputError) {
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

const SIGNAL_EXIT_CODES = { SIGINT: ExitCode.Interrupted, SIGTERM: ExitCode.Terminated, SIGHUP: ExitCode.HungUp } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;
export const STOP_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as StopSignal[];

/**
 * What a stop signal does, wherever the run is: temporary outputs are removed (the previous ones stay as they
 * were), the cursor comes back, and the exit code says which signal it was (128 + its number, as shells do).
 */
export function interrupted(signal: StopSignal, io: Pick<CliIo, 'stderr'> = nodeIo()): ExitCode {
  cleanUpNow();
  io.stderr(`collab-code: stopped by ${signal}\n`);
  return SIGNAL_EXIT_CODES[signal];
}
