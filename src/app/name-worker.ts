// The worker thread of the leak check's NLP name finder (name-finder-thread.ts): it loads compromise as soon as it starts,
// then finds the names in each list of sentences it is sent.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { compromiseNameFinder, type Compromise } from '../core/privacy/nlp-names.js';
import { answerRequests } from './worker-client.js';

// No warming up on made-up sentences while the corpus is coded: it made the check after coding faster but the
// coding beside it slower, by as much on the 2-core development machine (README, Privacy).
// The package's CommonJS entry is one bundled file, which loads in about 0.3 s against 0.55 s for its ES module
// entry's hundreds of files (the same code: identical findings on 2,813 sentences of the fixtures, the dev quotes and
// the bench). Small runs wait for this load, so it is most of their time after coding.
const ready = Promise.resolve().then(() => compromiseNameFinder(createRequire(import.meta.url)('compromise') as Compromise));
answerRequests(parentPort!, ready, (find, sentences: readonly string[]) => sentences.map(find));
