// The errors a command throws to stop; main.ts is the one place that turns them into messages and exit codes.
import type { Problem } from '../core/problem.js';

export const ExitCode = { Ok: 0, CheckFailed: 1, BadInput: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Bad input or bad usage: the problems are reported and the command exits 2. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InputError';
  }
}

export const usageError = (message: string, hint?: string): InputError =>
  new InputError([{ file: 'collab-code', severity: 'error', message, ...(hint === undefined ? {} : { hint }) }]);
