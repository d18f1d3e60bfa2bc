// The worker thread of the leak check's NLP name finder (name-finder-thread.ts): it loads compromise as soon as it starts,
// then finds the names in each list of sentences it is sent.
import { parentPort } from 'node:worker_threads';
import { compromiseNameFinder, type Compromise } from '../core/privacy/nlp-names.js';
import { answerRequests } from './worker-client.js';

// No warming up on made-up sentences while the corpus is coded: it made the check after coding faster but the
// coding beside it slower, by as much on the 2-core development machine (README, Privacy).
const ready = import('compromise').then(({ default: nlp }) => compromiseNameFinder(nlp as unknown as Compromise));
answerRequests(parentPort!, ready, (find, sentences: readonly string[]) => sentences.map(find));
