// A worker thread that codes batches of transcripts (coding-threads.ts) with the codebook it is started with. A batch
// runs under its time budget here, so a regular expression term that backtracks without end stops this thread, and
// the main thread, which only waits, answers signals at once.
import { parentPort, workerData } from 'node:worker_threads';
import type { Codebook } from '../core/codebook/codebook.js';
import { codeUnits, type UnitCoding } from '../core/coding/code-transcript.js';
import { compileCodebook } from '../core/coding/compile-codebook.js';
import type { UnitKind, UnitSource } from '../core/coding/units.js';
import { BudgetExceeded, withinBudget } from './time-budget.js';
import { answerRequests } from './worker-client.js';

export interface CodingRequest {
  readonly transcripts: readonly UnitSource[];
  readonly unit: UnitKind;
  readonly budgetMs: number;
}

/** Each transcript's unit codings; or, when the batch overran its budget, the position of the transcript it was on. */
export type CodingReply = { readonly codings: UnitCoding[][] } | { readonly hung: number; readonly ms: number };

const compiled = compileCodebook((workerData as { codebook: Codebook }).codebook);
answerRequests(parentPort!, Promise.resolve(compiled), (codebook, request: CodingRequest): CodingReply => {
  const codings: UnitCoding[][] = [];
  try {
    withinBudget(() => {
      for (const transcript of request.transcripts) codings.push(codeUnits(transcript, codebook, request.unit));
    }, request.budgetMs);
  } catch (e) {
    if (e instanceof BudgetExceeded) return { hung: codings.length, ms: e.ms };
    throw e;
  }
  return { codings };
});
