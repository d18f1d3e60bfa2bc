// The leak check's NLP name finder (compromise, for English) in a worker thread started before the corpus is read:
// the library loads (about 0.5 s) on the other core while the main thread reads and codes, and reads the quotes'
// sentences there once they are chosen. A sentence's findings do not depend on where or in what order it is read,
// so the outputs are the same as with the library in the main thread.
import type { Finding } from '../core/privacy/findings.js';
import type { NameFinder } from '../core/privacy/nlp-names.js';
import { startWorker } from './worker-client.js';

export interface NameFinderThread {
  /** A finder that knows the findings of `sentences`, read in the worker now; it must be asked of no other. */
  readAll(sentences: readonly string[]): Promise<NameFinder>;
  /** Ends the worker; later reads fail. */
  close(): Promise<void>;
}

export function startNameFinderThread(): NameFinderThread {
  const worker = startWorker<readonly string[], Finding[][]>(new URL('./name-worker.js', import.meta.url), "the leak check's name finder");
  return {
    async readAll(sentences) {
      const found = new Map<string, Finding[]>();
      if (sentences.length > 0) (await worker.request(sentences)).forEach((findings, i) => found.set(sentences[i]!, findings));
      return (sentence) => {
        const findings = found.get(sentence);
        if (findings === undefined) throw new Error('the leak check asked the NLP finder of a sentence it was not given');
        return findings;
      };
    },
    close: () => worker.close(),
  };
}
