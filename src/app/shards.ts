// A corpus coded in parts: `analyze --shard K/N` reads and codes one part and writes it as a file; `merge` joins the
// parts and analyses them as one run would have, through the same analyzeCorpus (leak check, consent and review
// included), so the outputs are the same bytes.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { appendAll, groupBy } from '../core/collections.js';
import { error, type Problem } from '../core/problem.js';
import { decodePart, encodePart, mergeParts, PART_FORMAT, PART_VERSION, storeCoding, type Part, type ReadPart } from '../core/shards/part.js';
import { partFileName, type Shard } from '../core/shards/shard.js';
import { readBytes } from '../io/read-bytes.js';
import type { OutputFile } from '../io/write-outputs.js';
import type { OutputName } from '../outputs/names.js';
import { analyzeCorpus, checkAnalyzeOptions, withWorkers, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
import { readAndCode } from './coded-corpus.js';
import { InputError, usageError } from './errors.js';
import type { Reporter } from './reporter.js';

/** The settings a part keeps, and merge analyses with: all that shapes the outputs but the transcripts and codebook. */
const PART_SETTINGS = [
  'by', 'unit', 'interviewers', 'turnColumns', 'participants', 'participantsId', 'followSymlinks', 'sources', 'minScore', 'gold', 'suggest',
  'privateNames', 'redact', 'quoteReview', 'attributeQuotes', 'charts', 'quoteLinks', 'generator', 'excel', 'qdpx',
] as const satisfies readonly (keyof AnalyzeOptions)[];
type PartSettings = Pick<AnalyzeOptions, (typeof PART_SETTINGS)[number]>;

// Files named by the settings: a part holds no absolute path, so these are kept relative to the working folder.
const FILE_SETTINGS = ['participants', 'gold', 'privateNames', 'quoteReview'] as const satisfies readonly (keyof PartSettings)[];

export interface ShardResult {
  /** The part, to write into the output folder. */
  readonly file: OutputFile;
  readonly transcripts: number;
  readonly codings: number;
}

/** Reads and codes the files of one shard of the corpus, and gives its part. */
export async function analyzeShard(options: AnalyzeOptions, shard: Shard, reporter: Reporter): Promise<ShardResult> {
  if ((options.codings ?? []).length > 0) {
    throw usageError('--shard codes automatically, and human codings (--codings, or codings: in collab-code.yaml) cannot be split into parts', 'analyze human codings in one run without --shard');
  }
  checkAnalyzeOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const coded = await readAndCode(options, cwd, inShard(reporter), shard);
  const settings = partSettings(options, cwd);
  const generator = options.generator ?? 'collab-code';
  const codingsOf = groupBy(coded.autoCodings, (c) => c.transcript);
  const part: Part = {
    header: {
      format: PART_FORMAT,
      version: PART_VERSION,
      generator,
      shard,
      digest: sha256(JSON.stringify([generator, settings, coded.codebook])),
      corpus: { files: coded.files.length, digest: sha256(coded.files.join('\n')) },
      settings,
      codebook: coded.codebook,
    },
    transcripts: coded.transcripts.map((t) => ({ transcript: { ...t, file: portable(t.file, cwd) }, codings: (codingsOf.get(t.id) ?? []).map(storeCoding) })),
  };
  return { file: { name: partFileName(shard), content: encodePart(part) }, transcripts: coded.transcripts.length, codings: coded.autoCodings.length };
}

export interface MergeOptions {
  /** The parts' files, relative to `cwd`. */
  readonly parts: readonly string[];
  /** Default: the working directory of the process. */
  readonly cwd?: string;
  /** The folder the outputs go to, relative to `cwd` (report.html links quotes to transcripts from there). */
  readonly out?: string;
  /** The outputs the caller will render; default all (see AnalyzeOptions.outputs). */
  readonly outputs?: readonly OutputName[];
  /** Suggest codes for uncoded units even when the parts were made without `suggest`, to print them. */
  readonly suggest?: boolean;
  /** This program and version: parts another one wrote are refused, as its coding may differ. Default: any. */
  readonly generator?: string;
}

/** Joins the parts of a sharded run and analyses them with the settings they were made with. */
export async function merge(options: MergeOptions, reporter: Reporter): Promise<AnalyzeResult> {
  const cwd = options.cwd ?? process.cwd();
  reporter.progress({ stage: 'Reading the parts' });
  const problems: Problem[] = [];
  const parts: ReadPart[] = [];
  for (const file of options.parts) {
    const bytes = readBytes(file, cwd, 'part');
    const part = bytes.ok ? decodePart(bytes.value, file) : bytes;
    if (part.ok) parts.push({ file, part: part.value });
    else appendAll(problems, part.problems);
  }
  if (problems.length > 0) throw new InputError(problems);
  const merged = mergeParts(parts);
  if (!merged.ok) throw new InputError(merged.problems);
  const { header, transcripts, autoCodings } = merged.value;
  if (options.generator !== undefined && header.generator !== options.generator) {
    const file = parts.find((p) => p.part.header === header)!.file;
    throw new InputError([error({ file, line: 1 }, `written by ${header.generator}, and this is ${options.generator}`, 'write the parts again with this version, or merge them with the version that wrote them')]);
  }
  const settings = header.settings as PartSettings;
  const analyzeOptions: AnalyzeOptions = {
    ...settings,
    paths: [],
    cwd,
    ...(options.out === undefined ? {} : { out: options.out }),
    ...(options.outputs === undefined ? {} : { outputs: options.outputs }),
    ...(options.suggest === true ? { suggest: true } : {}),
  };
  return withWorkers(analyzeOptions, (workers) => analyzeCorpus({ codebook: header.codebook, transcripts, autoCodings }, analyzeOptions, cwd, workers, reporter));
}

function partSettings(options: AnalyzeOptions, cwd: string): PartSettings {
  const settings: Record<string, unknown> = {};
  for (const key of PART_SETTINGS) if (options[key] !== undefined) settings[key] = options[key];
  for (const key of FILE_SETTINGS) if (options[key] !== undefined) settings[key] = portable(options[key], cwd);
  if (options.sources !== undefined) settings['sources'] = options.sources.map((s) => portable(s, cwd));
  return settings as PartSettings;
}

/** A path as given when relative, else relative to the working folder, with / separators. */
const portable = (file: string, cwd: string): string => (path.isAbsolute(file) ? path.relative(cwd, file).split(path.sep).join('/') : file);

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A shard's reporter: a participants table's rows name the transcripts of every shard, so a row naming none of this
 * shard's is no news.
 */
const inShard = (reporter: Reporter): Reporter => ({
  warn: (problems) => reporter.warn(problems.filter((p) => p.kind !== 'participant row without transcript')),
  info: (text) => reporter.info(text),
  progress: (progress) => reporter.progress(progress),
});

