// What a use case tells its caller while it runs: warnings, information and progress. Use cases never print;
// the CLI shows these on stderr, a library caller may collect them or ignore them.
import { appendAll } from '../core/collections.js';
import type { Problem } from '../core/problem.js';

export interface Progress {
  /** What the run is doing ("Coding transcripts"). */
  readonly stage: string;
  /** Items done and in all (files read, transcripts coded), when the stage counts them. */
  readonly done?: number;
  readonly total?: number;
  /** Input handled so far in the stage, in bytes (characters where bytes are not known), for a rate. */
  readonly bytes?: number;
}

/** The progress stage of reading the transcripts, one report per file (the heap watch estimates from it). */
export const READING_TRANSCRIPTS = 'Reading transcripts';

export interface Reporter {
  /** Warnings (never errors: those are thrown as an InputError). */
  warn(problems: readonly Problem[]): void;
  /** A line of information for a person: "gold.csv: 40 of 40 segments placed". */
  info(text: string): void;
  progress(progress: Progress): void;
}

/** Ignores everything. */
export const silentReporter: Reporter = { warn: () => undefined, info: () => undefined, progress: () => undefined };

/** Keeps the warnings and information lines, for a caller that reads them afterwards. */
export function collectingReporter(): Reporter & { readonly warnings: Problem[]; readonly messages: string[] } {
  const warnings: Problem[] = [];
  const messages: string[] = [];
  return { warnings, messages, warn: (p) => void appendAll(warnings, p), info: (t) => void messages.push(t), progress: () => undefined };
}
