// Codes a corpus in worker threads: batches of transcripts go to whichever worker is free, and the codings come back
// in transcript order whatever the order the batches finish in, so the outputs are the same bytes as coding in the
// main thread.
import { availableParallelism } from 'node:os';
import { placeUnitCodings, type UnitCoding } from '../core/coding/code-transcript.js';
import type { UnitSource } from '../core/coding/units.js';
import { appendAll } from '../core/collections.js';
import type { Codebook } from '../core/codebook/codebook.js';
import type { AutoCoding } from '../core/coding/coding.js';
import { respondentTurns, type Transcript } from '../core/transcripts/transcript.js';
import { batchFrom, DEFAULT_CODING_BUDGET, hungCoding, type BatchSettings } from './coding-batches.js';
import type { CodingReply, CodingRequest } from './coding-worker.js';
import { startWorker, type WorkerClient } from './worker-client.js';

// Each worker loads the coder, compiles the codebook and stems the corpus's vocabulary again, so threads pay only on
// a large corpus: on the 2-core development machine, two threads against one took 23.6 s against 28.9 s on 200 MB of
// the bench's text (shape a ×20), 9.5 s against 10.0 s on 50 MB, and longer on 10 MB (README, Development).
export const THREADS_FROM_CHARS = 64 * 1024 * 1024;
// Each thread holds its own coder and vocabulary (about 100 MB at 200 MB of text): by default no more than this.
const DEFAULT_MAX_THREADS = 4;
const BATCH_CHARS = 256 * 1024;

/** How many threads code `transcripts`: `asked` (--threads), else one per core (up to 4) for a large corpus, else 1. */
export function codingThreads(transcripts: readonly Transcript[], asked: number | undefined): number {
  if (asked !== undefined) return Math.min(asked, transcripts.length);
  const chars = transcripts.reduce((sum, t) => sum + t.text.length, 0);
  return Math.min(chars >= THREADS_FROM_CHARS ? Math.min(availableParallelism(), DEFAULT_MAX_THREADS) : 1, transcripts.length);
}

/**
 * How many worker threads code a corpus of `bytes` streamed through (app/streamed-corpus.ts); 0: the main thread codes.
 * `asked` as for a corpus held whole (1: the main thread). By default, from THREADS_FROM_CHARS, one per core but one,
 * and at least one: the main thread has work of its own here (reading, parsing, and keeping what the outputs need,
 * about a third of the whole), and each worker holds its own coder and vocabulary, about 70 MB. On 2 cores that is
 * one worker: about 235 MB peak on 200 MB of text, where two take about 310 MB for 20% less time (README, Sharding a
 * large corpus).
 */
export function streamingWorkers(bytes: number, asked: number | undefined): number {
  if (asked !== undefined) return asked > 1 ? asked : 0;
  return bytes >= THREADS_FROM_CHARS ? Math.max(1, Math.min(availableParallelism(), DEFAULT_MAX_THREADS + 1) - 1) : 0;
}

type CodingWorker = WorkerClient<CodingRequest, CodingReply>;

/** A worker thread that codes with `codebook`: it compiles it, and stems its corpus's words, once. */
const startCodingWorker = (codebook: Codebook): CodingWorker => startWorker(new URL('./coding-worker.js', import.meta.url), 'coding', { codebook });

// What one request to a worker holds at most, in characters of text, but for a single turn: a longer transcript goes
// in pieces. Sent whole, transcripts of 5 MB peaked at about 300 MB where transcripts of 1 MB peaked at about 235 MB
// (200 MB of the bench's text either way, README, Development).
const REQUEST_CHARS = 1024 * 1024;

/** A transcript, or a stretch of its respondent turns, coded on its own: units never cross a turn. */
interface Piece {
  /** The transcript's place in its batch. */
  readonly of: number;
  /** Where the stretch starts in the transcript's text: its units' offsets are shifted by this. */
  readonly from: number;
  readonly source: UnitSource;
}

/** Each transcript whole, or, when longer than `maxChars`, its respondent turns (the ones coded) in stretches of about `maxChars`. */
function piecesOf(batch: readonly Transcript[], maxChars: number): Piece[] {
  const pieces: Piece[] = [];
  batch.forEach((transcript, of) => {
    const { text, language } = transcript;
    if (text.length <= maxChars) return void pieces.push({ of, from: 0, source: { text, language, turns: transcript.turns } });
    const turns = respondentTurns(transcript);
    for (let i = 0; i < turns.length; ) {
      const from = turns[i]!.start;
      let j = i + 1;
      while (j < turns.length && turns[j]!.end - from <= maxChars) j++;
      const stretch = turns.slice(i, j).map((t) => ({ ...t, start: t.start - from, end: t.end - from }));
      pieces.push({ of, from, source: { text: text.slice(from, turns[j - 1]!.end), language, turns: stretch } });
      i = j;
    }
  });
  return pieces;
}

/** Consecutive pieces in requests of about `maxChars`, or one piece. */
function requestsOf(pieces: readonly Piece[], maxChars: number): Piece[][] {
  const requests: Piece[][] = [];
  let chars = Infinity;
  for (const piece of pieces) {
    if (chars + piece.source.text.length > maxChars) {
      requests.push([]);
      chars = 0;
    }
    requests.at(-1)!.push(piece);
    chars += piece.source.text.length;
  }
  return requests;
}

const shifted = (codings: UnitCoding[], by: number): UnitCoding[] =>
  by === 0 ? codings : codings.map((c) => ({ ...c, start: c.start + by, end: c.end + by, hits: c.hits.map((h) => ({ start: h.start + by, end: h.end + by })) }));

/** Pieces of a batch coded by `worker`: each one's unit codings. A request that overran its budget names the term to blame. */
async function codePiecesIn(worker: CodingWorker, pieces: readonly Piece[], batch: readonly Transcript[], settings: BatchSettings): Promise<UnitCoding[][]> {
  const budget = settings.budget ?? DEFAULT_CODING_BUDGET;
  const chars = pieces.reduce((sum, p) => sum + p.source.text.length, 0);
  const reply = await worker.request({ transcripts: pieces.map((p) => p.source), unit: settings.unit, budgetMs: budget.fixedMs + (budget.perMbMs * chars) / 1_048_576 });
  if ('hung' in reply) throw hungCoding(batch[pieces[reply.hung]!.of]!, settings, budget, reply.ms);
  return reply.codings.map((codings, k) => shifted(codings, pieces[k]!.from));
}

/** The codings of each transcript, in order, coded by `threads` workers. */
export async function codeInThreads(transcripts: readonly Transcript[], threads: number, settings: BatchSettings): Promise<AutoCoding[][]> {
  // Batches small enough for every worker to get several, so one slow batch does not leave the others idle.
  const total = transcripts.reduce((sum, t) => sum + t.text.length, 0);
  const batchChars = Math.min(BATCH_CHARS, Math.ceil(total / (threads * 8)));
  const batches: { from: number; to: number; chars: number }[] = [];
  for (let from = 0; from < transcripts.length; ) {
    const { to, chars } = batchFrom(transcripts, from, batchChars);
    batches.push({ from, to, chars });
    from = to;
  }
  const results: AutoCoding[][] = new Array<AutoCoding[]>(transcripts.length);
  let done = 0;
  let chars = 0;
  const pool = new CodingThreads(settings.compiled.codebook, Math.min(threads, batches.length), settings);
  try {
    for (const batch of batches) {
      await pool.code(transcripts.slice(batch.from, batch.to), (coded) => {
        coded.forEach((codings, i) => (results[batch.from + i] = codings));
        done += batch.to - batch.from;
        chars += batch.chars;
        settings.reporter.progress({ stage: settings.stage, done, total: transcripts.length, bytes: chars });
      });
    }
    await pool.finish();
  } finally {
    await pool.close();
  }
  return results;
}

/**
 * Worker threads coding batches of transcripts, in requests of about REQUEST_CHARS, as many at once as there are
 * workers: `code` waits for a free one for each, so a caller reading as it goes holds at most a batch per worker.
 * Batches may finish in any order; each one's codings go to its own `take`.
 */
export class CodingThreads {
  private readonly all: readonly CodingWorker[];
  private readonly idle: CodingWorker[];
  private readonly running = new Set<Promise<void>>();
  private failed: { error: unknown } | undefined;

  constructor(
    codebook: Codebook,
    count: number,
    private readonly settings: BatchSettings,
  ) {
    this.all = Array.from({ length: count }, () => startCodingWorker(codebook));
    this.idle = [...this.all];
  }

  /**
   * Gives the batch to the workers, in requests of about REQUEST_CHARS, each to a worker as one can take it; `take`
   * gets each transcript's codings, in order, once every request is answered.
   */
  async code(batch: readonly Transcript[], take: (coded: AutoCoding[][]) => void): Promise<void> {
    const pieces = piecesOf(batch, REQUEST_CHARS);
    const coded = new Array<UnitCoding[]>(pieces.length);
    const done = (): void => {
      // A transcript's pieces, in order, make its codings.
      const codings = batch.map((): UnitCoding[] => []);
      pieces.forEach((piece, k) => {
        if (codings[piece.of]!.length === 0) codings[piece.of] = coded[k]!;
        else appendAll(codings[piece.of]!, coded[k]!);
      });
      take(batch.map((transcript, i) => placeUnitCodings(transcript, this.settings.compiled.codebook, codings[i]!)));
    };
    const requests = requestsOf(pieces, REQUEST_CHARS);
    if (requests.length === 0) return done();
    let next = 0;
    let left = requests.length;
    for (const request of requests) {
      while (this.idle.length === 0) await Promise.race(this.running);
      this.rethrow();
      const worker = this.idle.pop()!;
      const first = next;
      next += request.length;
      const running: Promise<void> = codePiecesIn(worker, request, batch, this.settings)
        .then((answer) => {
          answer.forEach((codings, k) => (coded[first + k] = codings));
          if (--left === 0) done();
        })
        .catch((error: unknown) => void (this.failed ??= { error }))
        .finally(() => {
          this.idle.push(worker);
          this.running.delete(running);
        });
      this.running.add(running);
    }
  }

  /** Waits for the batches still running; the first failure, if any, is thrown. */
  async finish(): Promise<void> {
    await Promise.all(this.running);
    this.rethrow();
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.close()));
  }

  private rethrow(): void {
    if (this.failed !== undefined) throw this.failed.error;
  }
}
