// The leak check's NLP name finder (compromise, for English) in worker threads started before the corpus is read:
// the library loads (about 0.5 s) on other cores while the main thread reads and codes, and the quotes' sentences
// are then read by the workers side by side. A sentence's findings do not depend on the worker that reads it, nor on
// the order, so the outputs are the same as with the library in the main thread.
import { availableParallelism } from 'node:os';
import type { Finding } from '../core/privacy/findings.js';
import type { NameFinder } from '../core/privacy/nlp-names.js';
import { startWorker } from './worker-client.js';

export interface NameFinders {
  /** A finder that knows the findings of `sentences`, read in the workers now; it must be asked of no other. */
  readAll(sentences: readonly string[]): Promise<NameFinder>;
  /** Ends the workers; later reads fail. */
  close(): Promise<void>;
}

// Each worker holds the library (about 60 MB): two read the sentences in about half the time, more add memory for
// little, as a report's quotes hold a few thousand sentences at most.
const MAX_WORKERS = 1;

export function startNameFinders(): NameFinders {
  const workers = Array.from({ length: Math.max(1, Math.min(MAX_WORKERS, availableParallelism())) }, () =>
    startWorker<readonly string[], Finding[][]>(new URL('./name-worker.js', import.meta.url), "the leak check's name finder"),
  );
  return {
    async readAll(sentences) {
      // Contiguous shares, one per worker, put back together in order.
      const share = Math.ceil(sentences.length / workers.length);
      const parts = await Promise.all(workers.map(async (worker, i) => {
        const part = sentences.slice(i * share, (i + 1) * share);
        return part.length === 0 ? [] : worker.request(part);
      }));
      const found = new Map<string, Finding[]>();
      parts.flat().forEach((findings, i) => found.set(sentences[i]!, findings));
      return (sentence) => {
        const findings = found.get(sentence);
        if (findings === undefined) throw new Error('the leak check asked the NLP finder of a sentence it was not given');
        return findings;
      };
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
