// Exit codes, and the errors a command throws to stop; main.ts is the one place that turns them into messages and codes.
export { InputError, usageError } from '../app/errors.js';

// A run stopped by a signal exits 128 + the signal's number, as shells report it.
export const ExitCode = { Ok: 0, CheckFailed: 1, BadInput: 2, HungUp: 129, Interrupted: 130, Terminated: 143 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
