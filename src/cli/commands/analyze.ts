// `collab-code analyze`: the analyze use case with collab-code.yaml's settings, then writes, prints or checks the outputs.
import { analyze, ANALYZE_FILES, PENDING_FILE, UNPLACED_FILE } from '../../app/analyze.js';
import type { TranscriptSources } from '../../app/corpus.js';
import { InputError, usageError } from '../../app/errors.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import type { RedactScope } from '../../core/privacy/protect.js';
import { readConfig } from '../../io/read-config.js';
import { compareOutputs, writeOutputs } from '../../io/write-outputs.js';
import { OUTPUT_FILES, type OutputName } from '../../outputs/names.js';
import { chunksOf } from '../../outputs/output.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { sourceSettings, splitList, transcriptPaths } from './settings.js';
import { plural } from '../../core/wording.js';

export const DEFAULT_OUT = 'collab-code-report';

const STATES = {
  missing: 'missing',
  stale: 'stale: differs from what the transcripts and codebook give now',
  extra: 'stale: an earlier run wrote it and this one does not (analyze removes it)',
} as const;

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
  readonly gold?: string;
  readonly charts?: boolean;
  readonly suggest?: boolean;
  readonly quoteLinks?: boolean;
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
  const minScore = options.minScore === undefined ? settings.min_score : wholeNumber(options.minScore);
  const gold = options.gold ?? settings.gold;
  const charts = options.charts ?? settings.charts;
  // Printing the suggestions asks for them.
  const suggest = options.suggest === true || settings.suggest === true || options.print === 'suggestions';
  const quoteLinks = options.quoteLinks ?? settings.quote_links;

  return withReporter(io, { ...options, quiet: options.quiet === true || settings.quiet === true }, async (reporter) => {
    const result = await analyze(
      {
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
        ...(gold === undefined ? {} : { gold }),
        ...(charts === undefined ? {} : { charts }),
        ...(quoteLinks === undefined ? {} : { quoteLinks }),
        ...(options.print === undefined ? {} : { outputs: [options.print] }),
        out,
      },
      reporter,
    );
    if (options.print !== undefined) {
      reporter.stop();
      for (const chunk of chunksOf((await result.render([options.print]))[0]!.content)) io.stdout(typeof chunk === 'string' ? chunk : '');
      return ExitCode.Ok;
    }
    reporter.progress({ stage: 'Formatting the outputs' });
    const files = await result.render();
    if (options.check === true) {
      const stale = await compareOutputs(out, files, io.cwd, ANALYZE_FILES);
      reporter.stop();
      reporter.flush();
      for (const s of stale) io.stderr(`${out}/${s.name}: ${STATES[s.state]}\n`);
      if (stale.length > 0) {
        const outdated = stale.filter((s) => s.state !== 'extra').length;
        const left = stale.length - outdated;
        const what = [
          ...(outdated > 0 ? [`${outdated} of ${files.length} outputs are out of date`] : []),
          ...(left > 0 ? [`${left} ${left === 1 ? 'file is' : 'files are'} left from an earlier run`] : []),
        ].join(', ');
        io.stderr(`${what}; run collab-code analyze (without --check) and commit the result\n`);
        return ExitCode.CheckFailed;
      }
      reporter.info(`${out}: all ${files.length} outputs are up to date`);
      return ExitCode.Ok;
    }
    const written = await writeOutputs(out, files, io.cwd, { owned: ANALYZE_FILES });
    if (!written.ok) throw new InputError(written.problems);
    reporter.stop();
    reporter.flush();
    if (result.analysis.pendingQuotes.length > 0) reporter.info(`${plural(result.analysis.pendingQuotes.length, 'quote awaits', 'quotes await')} their interviewees' approval, listed in ${out}/${PENDING_FILE}; collab-code quotes review ${out} --out DIR writes the letters`);
    const unplaced = result.humanCodings?.placed.unplaced.length ?? 0;
    if (unplaced > 0) reporter.info(`${unplaced} unplaced ${unplaced === 1 ? 'segment' : 'segments'} listed in ${out}/${UNPLACED_FILE}`);
    const suggested = result.analysis.suggestions;
    if (suggested !== undefined) {
      reporter.info(`${plural(suggested.uncodedUnits, `${result.analysis.unit} was`, `${result.analysis.unit}s were`)} left uncoded; ${suggested.suggestedUnits} of them ${suggested.suggestedUnits === 1 ? 'has' : 'have'} suggested codes in ${out}/${OUTPUT_FILES.suggestions} (write your name in its accept column to take one)`);
    }
    reporter.info(`Coded ${result.analysis.sampleSize} ${result.analysis.sampleSize === 1 ? 'interview' : 'interviews'}: ${result.analysis.codings.length} codings; wrote ${files.length} files to ${out}/`);
    return ExitCode.Ok;
  });
}

/** --redact alone (or `redact: true`) redacts the quotes; "all" also codings.csv. */
function redactScope(value: string | boolean | undefined): RedactScope {
  if (value === undefined || value === false) return 'none';
  if (value === true || value === 'quotes') return 'quotes';
  if (value === 'all') return 'all';
  throw usageError(`--redact takes "quotes" or "all", not "${value}"`, 'write --redact before an option rather than before the transcripts, or use --redact=all');
}

function wholeNumber(text: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) {
    throw usageError(`--min-score must be a whole number of 1 or more, not "${text}"`, 'codings scoring less are left out; 2 leaves out those resting on one single-word occurrence');
  }
  return Number(text);
}
