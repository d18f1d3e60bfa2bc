// The leak check's NLP name finder (compromise, for English) in a worker thread, started by analyze before the corpus
// is read: the library loads (about 0.3 s) on the other core while the main thread reads and codes, and reads the
// sentences to check there once they are known (with a second thread for thousands). A sentence's findings do not
// depend on where or in what order it is read, so the outputs are the same as with the library in the main thread.
import { availableParallelism } from 'node:os';
import type { Finding } from '../core/privacy/findings.js';
import type { NameFinder } from '../core/privacy/nlp-names.js';
import { startWorker, type WorkerClient } from './worker-client.js';

export interface NameFinderThread {
  /** A finder that knows the findings of `sentences`, read in the worker now; it must be asked of no other. */
  readAll(sentences: readonly string[]): Promise<NameFinder>;
  /** Ends the worker; later reads fail. */
  close(): Promise<void>;
}

// Sentences go to the workers in chunks, each to whichever is free. Many quotes (a codebook of hundreds of codes
// gives hundreds) make thousands of sentences at about 1 ms each: then a second worker, loading the library while
// the first reads, pays for itself (900 quotes of the bench's generated codebook, 4,347 sentences: 3.7 to 4.3 s
// against 4.6 to 4.7 s on the 2-core development machine); for a few hundred it would not be ready before the first
// was done.
const CHUNK = 200;
const SECOND_WORKER_FROM = 2_000;

export function startNameFinderThread(): NameFinderThread {
  const start = (): WorkerClient<readonly string[], Finding[][]> => startWorker(new URL('./name-worker.js', import.meta.url), "the leak check's name finder");
  const first = start();
  return {
    async readAll(sentences) {
      const helpers = sentences.length >= SECOND_WORKER_FROM && availableParallelism() > 1 ? [start()] : [];
      const found = new Map<string, Finding[]>();
      let next = 0;
      const read = async (worker: WorkerClient<readonly string[], Finding[][]>): Promise<void> => {
        while (next < sentences.length) {
          const chunk = sentences.slice(next, (next += CHUNK));
          (await worker.request(chunk)).forEach((findings, i) => found.set(chunk[i]!, findings));
        }
      };
      try {
        await Promise.all([first, ...helpers].map(read));
      } finally {
        await Promise.all(helpers.map((helper) => helper.close()));
      }
      return (sentence) => {
        const findings = found.get(sentence);
        if (findings === undefined) throw new Error('the leak check asked the NLP finder of a sentence it was not given');
        return findings;
      };
    },
    close: () => first.close(),
  };
}
