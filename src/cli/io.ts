// What a command may touch of its surroundings, passed in so tests can run commands in-process.
import { writeAllSync } from '../io/write-stdout.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTerminal: boolean;
}

export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => writeAllSync(1, text),
    stderr: (text) => void process.stderr.write(text),
    // A terminal reporting no width (a pty nobody sized) is treated as none: ora would loop forever on it.
    stderrIsTerminal: process.stderr.isTTY === true && (process.stderr.columns ?? 0) > 0,
  };
}

/** Colour and spinners only for a person at a terminal: never under NO_COLOR or CI, never into a pipe. */
export const isInteractive = (io: CliIo): boolean =>
  io.stderrIsTerminal && io.env['NO_COLOR'] === undefined && io.env['CI'] === undefined;
