// Reading and coding a corpus: the first half of analyze, and all a shard of a sharded run does before its part is
// written (app/shards.ts). The second half, analysing, is analyzeCorpus in analyze.ts.
import type { Codebook } from '../core/codebook/codebook.js';
import { codeTranscript } from '../core/coding/code-transcript.js';
import type { AutoCoding } from '../core/coding/coding.js';
import { compileCodebook } from '../core/coding/compile-codebook.js';
import { selfVetoingExclusions } from '../core/coding/diagnostics.js';
import type { Shard } from '../core/shards/shard.js';
import type { Transcript } from '../core/transcripts/transcript.js';
import type { AnalyzeOptions } from './analyze.js';
import { inCodingBatches } from './coding-batches.js';
import { codeInThreads, codingThreads } from './coding-threads.js';
import { loadCodebook, readCorpus, readHumanCodings, requireTerms, type HumanCodings, type TranscriptOptions } from './corpus.js';
import { watchingHeap } from './heap-watch.js';
import type { Reporter } from './reporter.js';

/** A corpus read and coded: what analyze has before it analyses, and what a part of a sharded run holds. */
export interface CodedCorpus {
  readonly codebook: Codebook;
  /** In id order. */
  readonly transcripts: readonly Transcript[];
  /** In transcript order; none without automatic coding. */
  readonly autoCodings: readonly AutoCoding[];
  readonly humanCodings?: HumanCodings;
}

/** Reads the codebook, the transcripts (of `shard` only, when given) and human codings, and codes automatically. */
export async function readAndCode(options: AnalyzeOptions, cwd: string, reporter: Reporter, shard?: Shard): Promise<CodedCorpus & { readonly files: readonly string[] }> {
  // What reading and coding hold grows with the corpus: stop with a message before the heap is full (heap-watch.ts).
  return watchingHeap(reporter, (watched) => readAndCodeWatched(options, cwd, watched, shard));
}

/** The codebook automatic coding codes with: it must have terms, and exclusions that veto their own code are warned of. */
export async function codebookForCoding(options: AnalyzeOptions, cwd: string, reporter: Reporter): Promise<Codebook> {
  reporter.progress({ stage: 'Reading the codebook' });
  const codebook = await loadCodebook(options.codebook, cwd, reporter);
  requireTerms(codebook, options.codebook);
  reporter.warn(selfVetoingExclusions(codebook, options.codebook ?? 'the bundled codebook'));
  return codebook;
}

/** Where analyze reads its transcripts, in what language by default, and how. */
export function transcriptOptions(options: AnalyzeOptions, codebook: Codebook | undefined, shard?: Shard): TranscriptOptions {
  return {
    paths: options.paths,
    // Tables given as inputs of another kind are not transcripts, even in the transcripts folder.
    exclude: [...(options.exclude ?? []), ...(options.codings ?? [])],
    defaultLanguage: codebook?.language ?? 'en',
    interviewers: options.interviewers ?? [],
    followSymlinks: options.followSymlinks === true,
    turnColumns: options.turnColumns ?? [],
    sources: options.sources ?? [],
    ...(shard === undefined ? {} : { shard }),
    ...(options.participants === undefined
      ? {}
      : { participants: { file: options.participants, attributes: [...(options.by ?? ['group']), ...(options.attributeQuotes ?? [])], ...(options.participantsId === undefined ? {} : { idColumn: options.participantsId }) } }),
  };
}

async function readAndCodeWatched(options: AnalyzeOptions, cwd: string, reporter: Reporter, shard?: Shard): Promise<CodedCorpus & { readonly files: readonly string[] }> {
  const codingsFiles = options.codings ?? [];
  const human = codingsFiles.length > 0;
  const auto = !human || options.auto === true;
  // Human codings need no codebook: without one, their codes are the codebook.
  let codebook: Codebook | undefined;
  if (auto) codebook = await codebookForCoding(options, cwd, reporter);
  else if (options.codebook !== undefined) {
    reporter.progress({ stage: 'Reading the codebook' });
    codebook = await loadCodebook(options.codebook, cwd, reporter);
  }

  const { transcripts, files } = await readCorpus(transcriptOptions(options, codebook, shard), cwd, reporter);

  let humanCodings: HumanCodings | undefined;
  if (human) {
    reporter.progress({ stage: 'Placing the human codings' });
    humanCodings = await readHumanCodings(codingsFiles, options.columns ?? [], transcripts, codebook, cwd, reporter, options.sources ?? []);
    codebook = humanCodings.codebook;
  }
  let autoCodings: AutoCoding[] = [];
  if (auto) {
    const unit = options.unit ?? 'turn';
    const compiled = compileCodebook(codebook!);
    const batches = { compiled, unit, reporter, stage: 'Coding transcripts', ...(options.codingBudget === undefined ? {} : { budget: options.codingBudget }) };
    const threads = codingThreads(transcripts, options.threads);
    const coded = threads > 1 ? await codeInThreads(transcripts, threads, batches) : await inCodingBatches(transcripts, (t) => codeTranscript(t, compiled, unit), batches);
    autoCodings = coded.flat();
  }
  return { codebook: codebook!, transcripts, autoCodings, files, ...(humanCodings === undefined ? {} : { humanCodings }) };
}
