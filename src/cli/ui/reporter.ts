// The CLI's reporter: progress on a spinner for a person at a terminal, information lines, and warnings gathered
// so that each kind is shown once with a count (flush), all of them with --verbose, none with --quiet.
import { appendAll } from '../../core/collections.js';
import type { Progress, Reporter } from '../../app/reporter.js';
import type { Problem } from '../../core/problem.js';
import { cleanUpIfInterrupted } from '../../io/cleanup.js';
import { isInteractive, type CliIo } from '../io.js';
import { formatProblems, paintFor, type Paint } from './messages.js';

export interface Verbosity {
  /** No warnings, information or progress; errors are still shown. */
  readonly quiet?: boolean;
  /** Every warning in full, not grouped by kind. */
  readonly verbose?: boolean;
}

export interface CliReporter extends Reporter {
  /** Prints the warnings gathered so far, grouped by kind. */
  flush(): void;
  /** Stops the spinner, leaving the terminal as it was. */
  stop(): void;
}

// Counts and a rate are worth showing only on runs long enough to watch.
const COUNTED_FROM = 100;
const RENDER_EVERY_MS = 100;

export async function cliReporter(io: CliIo, verbosity: Verbosity = {}): Promise<CliReporter> {
  const interactive = isInteractive(io) && verbosity.quiet !== true;
  const paint: Paint = await paintFor(isInteractive(io));
  let spinner = interactive ? await startSpinner() : undefined;
  // A signal ends the process without unwinding: the cursor the spinner hid must come back all the same.
  const restore = cleanUpIfInterrupted(() => spinner?.stop());
  const gathered: Problem[] = [];
  let stageStart = { stage: '', at: Date.now() };
  let lastRender = 0;

  const print = (text: string): void => {
    if (spinner === undefined) return io.stderr(text);
    spinner.clear();
    io.stderr(text);
    spinner.render();
  };
  const describe = (p: Progress): string => {
    if (p.stage !== stageStart.stage) stageStart = { stage: p.stage, at: Date.now() };
    if (p.total === undefined || p.total < COUNTED_FROM || p.done === undefined) return p.stage;
    const seconds = (Date.now() - stageStart.at) / 1000;
    const rate = p.bytes !== undefined && seconds > 0.5 ? `, ${(p.bytes / 1048576 / seconds).toFixed(1)} MB/s` : '';
    return `${p.stage}: ${p.done} of ${p.total}${rate}`;
  };

  return {
    warn: (problems) => void (verbosity.quiet === true ? undefined : appendAll(gathered, problems)),
    info: (text) => void (verbosity.quiet === true ? undefined : print(`${text}\n`)),
    progress(p) {
      if (spinner === undefined) return;
      spinner.text = describe(p);
      // The spinner redraws on a timer, which cannot fire while a stage works synchronously: redraw here, now and then.
      const now = Date.now();
      if (now - lastRender >= RENDER_EVERY_MS) {
        lastRender = now;
        spinner.render();
      }
    },
    flush() {
      if (gathered.length === 0) return;
      print(formatProblems(gathered.splice(0), paint, verbosity.verbose === true));
    },
    stop() {
      spinner?.stop();
      spinner = undefined;
      restore();
    },
  };
}

/** Runs `body` with a reporter, then shows the warnings gathered (before any error main.ts prints) and stops. */
export async function withReporter<T>(io: CliIo, verbosity: Verbosity, body: (reporter: CliReporter) => Promise<T>): Promise<T> {
  const reporter = await cliReporter(io, verbosity);
  try {
    return await body(reporter);
  } finally {
    reporter.stop();
    reporter.flush();
  }
}

async function startSpinner() {
  const { default: ora } = await import('ora');
  // discardStdin off: ora would otherwise put the terminal in raw mode, where Ctrl-C is a keystroke it reads only
  // when the event loop is free, not a signal.
  return ora({ text: '', stream: process.stderr, discardStdin: false }).start();
}
