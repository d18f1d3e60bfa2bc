// The error a use case throws when it cannot run on its input: the problems, each with its place and what to do.
// The CLI turns it into messages and exit code 2 (src/cli/main.ts); a library caller reads `problems`.
import type { Problem } from '../core/problem.js';

/** Bad input or bad usage: nothing was produced. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InputError';
  }
}

export const usageError = (message: string, hint?: string): InputError =>
  new InputError([{ file: 'collab-code', severity: 'error', message, ...(hint === undefined ? {} : { hint }) }]);
