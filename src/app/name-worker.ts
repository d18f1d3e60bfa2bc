// The worker thread of the leak check's NLP name finder (name-finders.ts): it loads compromise as soon as it starts,
// reads a few sentences of its own to warm the library up, then finds the names in each list of sentences it is sent.
import { parentPort } from 'node:worker_threads';
import { compromiseNameFinder, type Compromise } from '../core/privacy/nlp-names.js';
import { answerRequests } from './worker-client.js';

// Sentences of the kinds an interview holds (names, places, organisations, none), made up for this. The first few
// hundred sentences the library reads are several times slower than the rest, while its code is compiled: read
// while the main thread codes, they are not on the way of the quotes' own.
const WARM_UP = [
  'We met the coordinator in Accra last March, and Maria Lopez from the regional office joined us.',
  'Honestly, the funding came late again and nobody told us why.',
  'The Open Data Alliance wanted a report every quarter, which took weeks of our time.',
  'I think trust grows when people see each other often, even online.',
  'Dr. Samuel Osei said the network should hire a second person in Lima.',
  'When the grant ended we had to stop the training in the northern villages.',
  "Our partners in Jakarta didn't have the same priorities as the donors in Geneva.",
  'It was hard to share the work because everyone was already overloaded.',
];
const ROUNDS = 40;

const ready = import('compromise').then(({ default: nlp }) => {
  const find = compromiseNameFinder(nlp as unknown as Compromise);
  for (let round = 0; round < ROUNDS; round++) for (const sentence of WARM_UP) find(`${sentence} ${round}`);
  return find;
});
answerRequests(parentPort!, ready, (find, sentences: readonly string[]) => sentences.map(find));
