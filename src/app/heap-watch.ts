// A corpus too large for the JavaScript heap. Until transcripts are released as they are coded (README, Sharding a
// large corpus: Memory), a run holds every transcript's text, and V8 aborts the process when the heap is full:
// "FATAL ERROR: ... JavaScript heap out of memory", a native stack trace and exit code 134, possibly after minutes of
// work. Reading (readCorpus, for every command) and coding (readAndCode) watch the heap instead, and stop with a
// message saying how much memory the corpus needs.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { usageError } from './errors.js';
import { READING_TRANSCRIPTS, type Progress, type Reporter } from './reporter.js';

const MB = 1024 * 1024;
// heap_size_limit counts the young generation too (three 16 MB semi-spaces by default); a corpus lives in the old
// generation, which is full this much sooner.
const YOUNG_GENERATION = 48 * MB;
// The run stops while a fifth of the old generation is left: analysing, checking quotes and writing the outputs
// after coding need room too.
const STOP_AT = 0.8;
// What the old generation holds between collections counts garbage too, so it alone stops a run only nearer the
// end: V8 may collect seldom enough to go from under STOP_AT to full in one step (seen with a 64 MB heap).
const STOP_UNCOLLECTED_AT = 0.9;
const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

// Reporters that check the heap already: reading watches itself, and analyze watches reading and coding together.
const watching = new WeakSet<Reporter>();

/**
 * `run` with a reporter whose progress calls watch the heap, and throw once the corpus is past the limit. The heap is
 * read after each full garbage collection, when what it holds is the live data. The collections are reported when
 * the event loop turns, which reading and coding let it do every 20 to 50 ms; the check runs at each progress report
 * (every file read, every batch coded), where it also looks at the old generation as it is. A reporter watched
 * already is passed on as it is.
 */
export async function watchingHeap<T>(reporter: Reporter, run: (watched: Reporter) => Promise<T>): Promise<T> {
  if (watching.has(reporter)) return run(reporter);
  const limit = v8.getHeapStatistics().heap_size_limit - YOUNG_GENERATION;
  let live = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { readonly detail?: { readonly kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) live = v8.getHeapStatistics().used_heap_size;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const watched: Reporter = {
    warn: (problems) => reporter.warn(problems),
    info: (text) => reporter.info(text),
    progress(progress) {
      const held = oldGeneration();
      if (live > STOP_AT * limit || held > STOP_UNCOLLECTED_AT * limit) throw tooLarge(progress, Math.max(live, held), limit);
      reporter.progress(progress);
    },
  };
  watching.add(watched);
  try {
    return await run(watched);
  } finally {
    observer.disconnect();
  }
}

/** What the old generation holds now, garbage since the last full collection included. */
function oldGeneration(): number {
  return v8.getHeapSpaceStatistics().reduce((sum, space) => sum + (YOUNG_SPACES.has(space.space_name) ? 0 : space.space_used_size), 0);
}

function tooLarge(progress: Progress, live: number, limit: number) {
  const { stage, done, total } = progress;
  const where = done !== undefined && total !== undefined ? `${stage.toLowerCase()} (${done} of ${total})` : stage.toLowerCase();
  // While reading, the heap grows with the files read: what all of them would need, with the same room to spare,
  // rounded up to 256 MB. Later every transcript is already held, and twice the limit is a guess.
  const share = stage === READING_TRANSCRIPTS && done !== undefined && total !== undefined && done > 0 ? done / total : undefined;
  const needed = share === undefined ? 2 * limit : live / share / STOP_AT;
  const mb = Math.ceil(needed / (256 * MB)) * 256;
  return usageError(
    `the transcripts do not fit in memory: ${where}, the JavaScript heap holds ${Math.round(live / MB)} MB of the ${Math.round(limit / MB)} MB it may use, and a run keeps every transcript until its outputs are written`,
    `give Node a larger heap, ${share === undefined ? 'at least' : 'about'} ${mb} MB for this corpus, on a machine with that much free memory (NODE_OPTIONS=--max-old-space-size=${mb} collab-code …); or analyse fewer transcripts at a time`,
  );
}
