// Codes a corpus in batches of transcripts. Each batch runs under a time budget and stops at Ctrl-C
// (time-budget.ts); between batches the event loop runs, so SIGTERM, the spinner and progress act while a large
// corpus is coded. A batch that overruns its budget is searched for the regular expression term to blame.
import type { CompiledCodebook } from '../core/coding/compile-codebook.js';
import { unitsOf, type UnitKind } from '../core/coding/units.js';
import { error } from '../core/problem.js';
import type { Transcript } from '../core/transcripts/transcript.js';
import { InputError } from './errors.js';
import type { Reporter } from './reporter.js';
import { BudgetExceeded, withinBudget, yieldToEventLoop } from './time-budget.js';

/**
 * How long coding may take before it is stopped as hung: `fixedMs` per batch plus `perMbMs` per MB of text in it.
 * The default is far above what coding takes on a slow, busy machine (under 1 s per MB), and far below forever.
 */
export interface CodingBudget {
  readonly fixedMs: number;
  readonly perMbMs: number;
  /** What one regular expression term may take on one unit when a batch that overran is searched. */
  readonly perRunMs: number;
}

export const DEFAULT_CODING_BUDGET: CodingBudget = { fixedMs: 10_000, perMbMs: 5_000, perRunMs: 1_000 };

// A batch is about 50 ms of coding: SIGTERM acts within that (Ctrl-C at once), and a guarded call (≈0.2 ms) costs
// well under 1%.
const BATCH_CHARS = 256 * 1024;
const BATCH_MS = 50;

export interface BatchSettings {
  readonly compiled: CompiledCodebook;
  readonly unit: UnitKind;
  readonly reporter: Reporter;
  /** Progress stage shown while the batches run. */
  readonly stage: string;
  readonly budget?: CodingBudget;
}

/** `code` applied to every transcript, in order, in guarded batches. */
export async function inCodingBatches<T>(transcripts: readonly Transcript[], code: (transcript: Transcript) => T, settings: BatchSettings): Promise<T[]> {
  const budget = settings.budget ?? DEFAULT_CODING_BUDGET;
  const results: T[] = [];
  let chars = 0;
  for (let from = 0; from < transcripts.length; ) {
    const batch = batchFrom(transcripts, from, BATCH_CHARS);
    const batchChars = batch.chars;
    // A batch also ends after BATCH_MS (below), so `to` may come down.
    let to = batch.to;
    settings.reporter.progress({ stage: settings.stage, done: from, total: transcripts.length, bytes: chars });
    let current = from;
    try {
      withinBudget(() => {
        const started = performance.now();
        // A batch also ends after BATCH_MS, so slow transcripts do not keep signals waiting.
        for (current = from; current < to; current++) {
          results.push(code(transcripts[current]!));
          if (performance.now() - started > BATCH_MS) to = current + 1;
        }
      }, budget.fixedMs + (budget.perMbMs * batchChars) / 1_048_576);
    } catch (e) {
      if (e instanceof BudgetExceeded) throw hungCoding(transcripts[current]!, settings, budget, e.ms);
      throw e;
    }
    for (let i = from; i < to; i++) chars += transcripts[i]!.text.length;
    from = to;
    await yieldToEventLoop();
  }
  return results;
}

/** The batch starting at transcript `from`: at least one transcript, and more while they hold `maxChars` in all. */
export function batchFrom(transcripts: readonly Transcript[], from: number, maxChars: number): { to: number; chars: number } {
  let to = from;
  let chars = 0;
  while (to < transcripts.length && (to === from || chars + transcripts[to]!.text.length <= maxChars)) chars += transcripts[to++]!.text.length;
  return { to, chars };
}

/** The error for a batch that overran its budget while coding `transcript`: the term and turn to blame, when found. */
export function hungCoding(transcript: Transcript, settings: BatchSettings, budget: CodingBudget, ms: number): InputError {
  const index = settings.compiled.index(transcript.language);
  for (const unit of unitsOf(transcript, settings.unit)) {
    const text = transcript.text.slice(unit.start, unit.end);
    for (const term of index.regexTerms) {
      try {
        withinBudget(() => {
          term.regex.lastIndex = 0;
          for (const _ of text.matchAll(term.regex));
        }, budget.perRunMs);
      } catch (e) {
        if (!(e instanceof BudgetExceeded)) throw e;
        return new InputError([
          error(
            { file: transcript.file, line: lineOf(transcript.text, unit.start) },
            `coding stopped: the regular expression term ${term.source} took more than ${seconds(budget.perRunMs)} on turn ${unit.turn.index} of "${transcript.id}"`,
            'it backtracks without end on this text; rewrite it so no repeated group can match the same words in several ways, or remove it',
          ),
        ]);
      }
    }
  }
  return new InputError([
    error({ file: transcript.file }, `coding stopped: coding took more than ${seconds(ms)} around "${transcript.id}"`, 'a regular expression term of the codebook may backtrack on this text; try without its regex terms'),
  ]);
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

const lineOf = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};
