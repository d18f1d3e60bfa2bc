// Exit codes, and the errors a command throws to stop; main.ts is the one place that turns them into messages and codes.
export { InputError, usageError } from '../app/errors.js';

export const ExitCode = { Ok: 0, CheckFailed: 1, BadInput: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
