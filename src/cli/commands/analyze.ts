// `collab-code analyze`: the analyze use case with collab-code.yaml's settings, then writes, prints or checks the outputs.
import path from 'node:path';
import { analyze, type AnalyzeOptions } from '../../app/analyze.js';
import { emitOutputs } from './emit-outputs.js';
import { analyzeShard } from '../../app/shards.js';
import { parseShard, type Shard } from '../../core/shards/shard.js';
import type { TranscriptSources } from '../../app/corpus.js';
import { InputError, usageError } from '../../app/errors.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import type { RedactScope } from '../../core/privacy/protect.js';
import { readConfig } from '../../io/read-config.js';
import { writeOutputFile } from '../../io/write-outputs.js';
import type { OutputName } from '../../outputs/names.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { sourceSettings, splitList, transcriptPaths } from './settings.js';

export const DEFAULT_OUT = 'collab-code-report';
/** Where `analyze --shard K/N` writes its part by default. */
export const DEFAULT_PARTS_OUT = 'collab-code-parts';


export interface AnalyzeCommandOptions extends Verbosity, TranscriptSources {
  readonly paths: readonly string[];
  readonly codebook?: string;
  readonly out?: string;
  readonly by?: readonly string[];
  readonly unit?: UnitKind;
  readonly interviewer?: readonly string[];
  readonly print?: OutputName;
  readonly check?: boolean;
  readonly codings?: readonly string[];
  readonly columns?: readonly string[];
  readonly auto?: boolean;
  readonly excel?: boolean;
  readonly qdpx?: boolean;
  readonly sources?: readonly string[];
  /** true or "quotes": redact quotes; "all": codings.csv too. */
  readonly redact?: string | boolean;
  readonly privateNames?: string;
  readonly quoteReview?: string;
  readonly attributeQuotes?: readonly string[];
  readonly followSymlinks?: boolean;
  /** As typed: a whole number, checked here. */
  readonly minScore?: string;
  readonly threads?: string;
  readonly gold?: string;
  readonly charts?: boolean;
  readonly suggest?: boolean;
  readonly quoteLinks?: boolean;
  /** As typed: "K/N", checked here. */
  readonly shard?: string;
  readonly generator: string;
}

export async function runAnalyze(options: AnalyzeCommandOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const settings = config.value;
  if (options.print !== undefined && options.check === true) throw usageError('--print and --check cannot be used together');
  const out = options.out ?? settings.out ?? DEFAULT_OUT;
  const by = splitList(options.by) ?? splitList(settings.by);
  const codings = options.codings ?? settings.codings;
  const codebook = options.codebook ?? settings.codebook;
  const columns = options.columns ?? settings.columns;
  const auto = options.auto ?? settings.auto;
  const excel = options.excel === true || settings.excel === true;
  // The project is one of the written outputs (so --check covers it), never printed.
  const qdpx = options.print === undefined && (options.qdpx ?? settings.qdpx) === true;
  const sources = options.sources ?? settings.sources;
  const redact = redactScope(options.redact ?? settings.redact);
  const privateNames = options.privateNames ?? settings.private_names;
  const quoteReview = options.quoteReview ?? settings.quote_review;
  const attributeQuotes = splitList(options.attributeQuotes) ?? splitList(settings.attribute_quotes);
  const minScore = options.minScore === undefined ? settings.min_score : wholeNumber(options.minScore, '--min-score', 'codings scoring less are left out; 2 leaves out those resting on one single-word occurrence');
  const threads = options.threads === undefined ? undefined : wholeNumber(options.threads, '--threads', 'the number of worker threads that code the transcripts; 1 codes in the main thread');
  const gold = options.gold ?? settings.gold;
  const charts = options.charts ?? settings.charts;
  // Printing the suggestions asks for them.
  const suggest = options.suggest === true || settings.suggest === true || options.print === 'suggestions';
  const quoteLinks = options.quoteLinks ?? settings.quote_links;

  const shard = options.shard === undefined ? undefined : shardFrom(options.shard);
  const verbosity = { ...options, quiet: options.quiet === true || settings.quiet === true };
  const analyzeOptions: AnalyzeOptions = {
    paths: transcriptPaths(options.paths, settings.transcripts),
    cwd: io.cwd,
    exclude: [out],
    unit: options.unit ?? settings.unit ?? 'turn',
    interviewers: [...(settings.interviewers ?? []), ...(options.interviewer ?? [])],
    generator: options.generator,
    excel,
    followSymlinks: options.followSymlinks === true,
    suggest,
    ...(codebook === undefined ? {} : { codebook }),
    ...(by === undefined ? {} : { by }),
    ...(codings === undefined ? {} : { codings }),
    ...(columns === undefined ? {} : { columns }),
    ...(auto === undefined ? {} : { auto }),
    ...(qdpx ? { qdpx } : {}),
    ...(sources === undefined ? {} : { sources }),
    ...sourceSettings(options, settings),
    redact,
    ...(privateNames === undefined ? {} : { privateNames }),
    ...(quoteReview === undefined ? {} : { quoteReview }),
    ...(attributeQuotes === undefined ? {} : { attributeQuotes }),
    ...(minScore === undefined ? {} : { minScore }),
    ...(threads === undefined ? {} : { threads }),
    ...(gold === undefined ? {} : { gold }),
    ...(charts === undefined ? {} : { charts }),
    ...(quoteLinks === undefined ? {} : { quoteLinks }),
    ...(options.print === undefined ? {} : { outputs: [options.print] }),
    out,
  };
  if (shard !== undefined) {
    if (options.print !== undefined || options.check === true) throw usageError('--shard writes a part, and cannot be used with --print or --check', 'merge the parts with collab-code merge PARTS… --print NAME, or --check');
    // Neither the parts' folder nor the report's holds transcripts.
    const partsOut = options.out ?? DEFAULT_PARTS_OUT;
    return withReporter(io, verbosity, async (reporter) => {
      const part = await analyzeShard({ ...analyzeOptions, exclude: [partsOut, out] }, shard, reporter);
      const file = path.join(partsOut, part.file.name).split(path.sep).join('/');
      const written = await writeOutputFile(file, part.file.content, io.cwd, 'choose another folder with --out');
      if (!written.ok) throw new InputError(written.problems);
      reporter.stop();
      reporter.flush();
      reporter.info(`Coded part ${shard.index} of ${shard.count}: ${part.transcripts} ${part.transcripts === 1 ? 'interview' : 'interviews'}, ${part.codings} codings; wrote ${file} (collab-code merge joins the parts)`);
      return ExitCode.Ok;
    });
  }

  return withReporter(io, verbosity, async (reporter) => {
    const result = await analyze(analyzeOptions, reporter);
    return emitOutputs(result, { out, ...(options.print === undefined ? {} : { print: options.print }), check: options.check === true, rerun: 'collab-code analyze' }, io, reporter);
  });
}

/** --redact alone (or `redact: true`) redacts the quotes; "all" also codings.csv. */
function redactScope(value: string | boolean | undefined): RedactScope {
  if (value === undefined || value === false) return 'none';
  if (value === true || value === 'quotes') return 'quotes';
  if (value === 'all') return 'all';
  throw usageError(`--redact takes "quotes" or "all", not "${value}"`, 'write --redact before an option rather than before the transcripts, or use --redact=all');
}

function shardFrom(text: string): Shard {
  const shard = parseShard(text);
  if (!shard.ok) throw new InputError(shard.problems);
  return shard.value;
}

function wholeNumber(text: string, option: string, hint: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw usageError(`${option} must be a whole number of 1 or more, not "${text}"`, hint);
  return Number(text);
}
