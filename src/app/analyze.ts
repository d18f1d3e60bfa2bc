// The analyze use case: reads a codebook, transcripts and optionally human codings, codes, and gives the analysis
// with its outputs rendered on demand. It prints nothing and writes nothing; the caller writes, prints or checks.
import path from 'node:path';
import { analyze as analyzeTranscripts, analyzeCoded, type Analysis, type AnalysisSettings, type CodingSources } from '../core/analysis/analyze.js';
import { PassageNotKept } from '../core/analysis/quote-texts.js';
import type { GoldCodings } from '../core/analysis/reliability.js';
import type { UnitKind } from '../core/coding/unit-kinds.js';
import { summarisePlacement } from '../core/codings/place-codings.js';
import { summaryOf, type Transcript, type TranscriptSummary } from '../core/transcripts/transcript.js';
import type { TurnOf } from '../core/privacy/protect.js';
import type { OutputFile } from '../io/write-outputs.js';
import { CHARTS_FOLDER, type ChartPlan, type RenderedChart } from '../outputs/charts/chart.js';
import { planCharts } from '../outputs/charts/plan.js';
import { FORMATTERS, OPTIONAL_OUTPUTS, OUTPUT_FILES, OUTPUT_NAMES, type OutputName } from '../outputs/index.js';
import { forExcel } from '../outputs/csv.js';
import type { OutputContext } from '../outputs/output.js';
import { formatUnplacedCsv } from '../outputs/unplaced-csv.js';
import { writeProject } from '../interop/refi/write-project.js';
import { publicAttributes } from '../core/privacy/attributes.js';
import { describeFindings } from '../core/privacy/findings.js';
import type { LeakCheck } from '../core/privacy/leak-check.js';
import { protectAnalysis, type RedactScope } from '../core/privacy/protect.js';
import type { QuoteReview } from '../core/privacy/quote-review.js';
import type { Language } from '../core/text/language.js';
import { readQuoteReview } from '../io/read-privacy-files.js';
import { formatQuotesCsv } from '../outputs/quotes-csv.js';
import { identifyingIds, leakWarning } from './leak-warning.js';
import { loadLeakCheck, turnFinder } from './privacy.js';
import type { CodingBudget } from './coding-batches.js';
import { startChartRenderer, type ChartRenderer } from './chart-renderer.js';
import { startNameFinderThread, type NameFinderThread } from './name-finder-thread.js';
import { readHumanCodings, type HumanCodings } from './corpus.js';
import { readAndCode, type CodedCorpus } from './coded-corpus.js';
import { KEPT_PER_CODE, readAndCodeStreamed, streams, type StreamedCorpus } from './streamed-corpus.js';
import { InputError, usageError } from './errors.js';
import { silentReporter, type Reporter } from './reporter.js';

export const UNPLACED_FILE = 'unplaced-codings.csv';
/** A streamed corpus of fewer bytes than this has its workers loading while it is read (AnalyzeWorkers). */
const EARLY_WORKERS_BELOW = 32 * 1024 * 1024;
/** The coded project for QDA tools, written with --qdpx. */
export const PROJECT_FILE = 'collab-code.qdpx';
/** Quotes chosen but awaiting their interviewees' approval: for the review round, never for publication. */
export const PENDING_FILE = 'quotes-pending-review.csv';

/**
 * Every file analyze may write into its output folder. What is there of these and not written by a run is an
 * earlier run's, and goes (writeOutputs), or makes --check fail; any other file there stops a write.
 */
export const ANALYZE_FILES: readonly string[] = [...Object.values(OUTPUT_FILES), UNPLACED_FILE, PROJECT_FILE, PENDING_FILE, CHARTS_FOLDER];

/** The outputs that show quote text (or, with redact "all", coded text): the leak check runs when one is rendered. */
const QUOTE_OUTPUTS: readonly OutputName[] = ['quotes', 'report', 'html', 'summary'];

export interface AnalyzeOptions {
  /** Transcript files, folders or globs, relative to `cwd`; or REFI-QDA projects (.qdpx), whose text sources are analysed. */
  readonly paths: readonly string[];
  /** Default: the working directory of the process. */
  readonly cwd?: string;
  /** A codebook file; default: the bundled Collaboration Code codebook (not needed with human codings alone). */
  readonly codebook?: string;
  /** Folders never searched for transcripts, such as the output folder. */
  readonly exclude?: readonly string[];
  /** Attributes to break counts down by; default "group" when the transcripts give one. */
  readonly by?: readonly string[];
  /** Default: turn. */
  readonly unit?: UnitKind;
  /** Speaker labels to treat as interviewers, besides the defaults; "auto" picks one by its questions where none is known. */
  readonly interviewers?: readonly string[];
  /** Column names of turn tables (.csv/.tsv transcripts): "speaker=Narrator,text=Words,time=TC". */
  readonly turnColumns?: readonly string[];
  /** A participants table (.csv, .tsv or .xlsx) giving attributes per transcript. */
  readonly participants?: string;
  /** Its column naming the transcripts; default: the one column whose values do. */
  readonly participantsId?: string;
  /** Human codings files (CSV, or REFI-QDA projects): analysed instead of automatic coding, or beside it with `auto`. */
  readonly codings?: readonly string[];
  /** Column names of the codings files ("transcript=document"). */
  readonly columns?: readonly string[];
  /** With `codings`: code automatically too. */
  readonly auto?: boolean;
  /** Automatic codings scoring less are left out of counts, quotes and codings (a positive integer). */
  readonly minScore?: number;
  /** A gold codings file, coded by hand: the report's limitations give how the automatic coding scores against it. */
  readonly gold?: string;
  /** SVG charts beside the report and inside report.html; default true. */
  readonly charts?: boolean;
  /** The folder the outputs are written to, relative to `cwd`: report.html links quotes to transcripts from there. */
  readonly out?: string;
  /**
   * The outputs the caller will render (default: all); render() refuses others. When they include report.html or the
   * charts' files, the charting library is loaded in a worker thread while the corpus is coded; when they show quotes,
   * the leak check (which loads an NLP library) runs.
   */
  readonly outputs?: readonly OutputName[];
  /** report.html links each quote to its transcript and turn (default); false leaves the links out, for publication. */
  readonly quoteLinks?: boolean;
  /** A list of private names (one per line) the leak check looks for, besides those the transcripts give. */
  readonly privateNames?: string;
  /** Replace what the leak check finds in the quotes ("quotes"), also in codings.csv ("all"); default: only warn. */
  readonly redact?: RedactScope;
  /** The interviewees' decisions on their quotes: a file written by `collab-code quotes review`, filled in. */
  readonly quoteReview?: string;
  /** Attributes quotes are attributed by in the report (coarsened below three interviewees); default none. */
  readonly attributeQuotes?: readonly string[];
  /** What the outputs name as their maker; default "collab-code". */
  readonly generator?: string;
  /** CSV outputs with a UTF-8 byte-order mark, so Excel opens them right on double-click. */
  readonly excel?: boolean;
  /** Also export the coded project as a REFI-QDA project (collab-code.qdpx), for review in a QDA tool. */
  readonly qdpx?: boolean;
  /** Folders holding sources that .qdpx projects keep outside their archive. */
  readonly sources?: readonly string[];
  /** Follow symbolic links out of the folders given; default: skip them, with a warning. */
  readonly followSymlinks?: boolean;
  /**
   * Worker threads that code the transcripts; 1 codes in the main thread. Default: one per core, up to 4, when the
   * transcripts hold 64 MB of text or more, else 1. The outputs are the same bytes whatever the number.
   */
  readonly threads?: number;
  /** When coding is stopped as hung; default DEFAULT_CODING_BUDGET. */
  readonly codingBudget?: CodingBudget;
  /** Suggest codes for the units no coding covers, in suggestions.csv. */
  readonly suggest?: boolean;
  /**
   * Code each transcript as it is read and let it go, so memory does not grow with the corpus (the default, where
   * the other options allow: app/streamed-corpus.ts); false holds the corpus whole. The outputs are the same bytes.
   * `keptPerCode` sets how many of each code's best codings keep their turns for quotes (default KEPT_PER_CODE);
   * should choosing quotes need more, the corpus is read again and held whole.
   */
  readonly stream?: boolean | { readonly keptPerCode: number };
}

export interface AnalyzeResult {
  readonly analysis: Analysis;
  /** Present when human codings were analysed. */
  readonly humanCodings?: HumanCodings;
  /**
   * The outputs as files, in the order they are written: all of them (the charts' SVG files included, and
   * suggestions.csv with `suggest`), or the ones named. Charts are rendered, loading the charting library, only when SVG files or report.html are asked for.
   */
  render(names?: readonly OutputName[]): Promise<OutputFile[]>;
}

export async function analyze(options: AnalyzeOptions, reporter: Reporter = silentReporter): Promise<AnalyzeResult> {
  const cwd = options.cwd ?? process.cwd();
  checkAnalyzeOptions(options);
  return withWorkers(
    options,
    async (workers) => {
      let reading = reporter;
      if (streams(options)) {
        // The workers load while a small corpus is read and coded; a large one streams through without them, which
        // would hold their memory all along for a wait of a second at most.
        const sized = (bytes: number): void => {
          if (bytes < EARLY_WORKERS_BELOW) workers.start();
        };
        const kept = typeof options.stream === 'object' ? options.stream.keptPerCode : KEPT_PER_CODE;
        const streamed = await analyzeStreamed(await readAndCodeStreamed(options, cwd, reporter, sized, kept), options, cwd, workers, reporter);
        if (streamed !== undefined) return streamed;
        reporter.info('Choosing quotes went past the passages kept while streaming: reading the corpus again, whole');
        // The files' warnings were given on the first reading.
        reading = { warn: () => undefined, info: (text) => reporter.info(text), progress: (progress) => reporter.progress(progress) };
      }
      workers.start();
      return analyzeCorpus(await readAndCode(options, cwd, reading), options, cwd, workers, reporter);
    },
    'when asked',
  );
}

/** Settings that cannot work together or are out of range: usage errors before anything is read. */
export function checkAnalyzeOptions(options: AnalyzeOptions): void {
  const auto = (options.codings ?? []).length === 0 || options.auto === true;
  if (options.gold !== undefined && !auto) throw usageError('--gold scores the automatic coding, and human codings alone have none', 'add --auto to code automatically beside the human codings, or leave out --gold');
  if (options.minScore !== undefined && !(Number.isInteger(options.minScore) && options.minScore >= 1)) {
    throw usageError(`--min-score must be a whole number of 1 or more, not ${String(options.minScore)}`, 'a score adds each term occurrence\'s number of words (a regular expression 2): --min-score 2 leaves out codings resting on one single-word occurrence');
  }
}

/**
 * Worker threads for the work after coding, which load their libraries while the corpus is read and coded when
 * started early; else each starts when first asked for. The name finder starts before the transcripts' languages are
 * known: with no English text it ends unused, having cost the other core the library's load (about 0.3 s).
 */
export class AnalyzeWorkers {
  private charts: ChartRenderer | undefined;
  private names: NameFinderThread | undefined;

  constructor(private readonly wanted: { readonly charts: boolean; readonly names: boolean }) {}

  /** Whether start() was called: the workers load while the corpus is read and coded. */
  started = false;

  /** Starts the workers wanted, so that their libraries load meanwhile. */
  start(): void {
    this.started = true;
    this.chartRenderer();
    this.nameFinder();
  }

  /** Renders the charts, when the outputs asked for include them. */
  chartRenderer(): ChartRenderer | undefined {
    if (this.wanted.charts) this.charts ??= startChartRenderer();
    return this.charts;
  }

  /** The leak check's English name finder, when the outputs asked for show quotes. */
  nameFinder(): NameFinderThread | undefined {
    if (this.wanted.names) this.names ??= startNameFinderThread();
    return this.names;
  }

  async close(): Promise<void> {
    await Promise.all([this.charts?.close(), this.names?.close()]);
  }
}

/** `run` with the workers its outputs need, started at once unless `start` is "when asked". */
export async function withWorkers(options: AnalyzeOptions, run: (workers: AnalyzeWorkers) => Promise<AnalyzeResult>, start: 'now' | 'when asked' = 'now'): Promise<AnalyzeResult> {
  const workers = new AnalyzeWorkers({ charts: options.charts !== false && (options.outputs === undefined || options.outputs.includes('html')), names: showsText(options) });
  if (start === 'now') workers.start();
  try {
    return await run(workers);
  } catch (e) {
    await workers.close();
    throw e;
  }
}

/** Whether an output asked for shows quotes, or with redact "all" coded text: then the leak check runs. */
function showsText(options: AnalyzeOptions): boolean {
  const redact = options.redact ?? 'none';
  return (options.outputs ?? OUTPUT_NAMES).some((name) => QUOTE_OUTPUTS.includes(name) || (redact === 'all' && (name === 'codings' || name === 'suggestions')));
}

/**
 * Analyses a corpus read and coded, by one run or by the parts of a sharded one: gold and the interviewees' review
 * read, the analysis made, its quotes checked for leaks, and its outputs rendered on demand.
 */
export async function analyzeCorpus(corpus: CodedCorpus, options: AnalyzeOptions, cwd: string, workers: AnalyzeWorkers, reporter: Reporter): Promise<AnalyzeResult> {
  const { codebook, transcripts, autoCodings, humanCodings } = corpus;
  const auto = humanCodings === undefined || options.auto === true;
  let gold: GoldCodings | undefined;
  if (options.gold !== undefined) {
    const read = await readHumanCodings([options.gold], options.columns ?? [], transcripts, codebook, cwd, reporter, options.sources ?? []);
    gold = { codings: read.placed.codings, placement: summarisePlacement(read.placed) };
  }
  let review: QuoteReview | undefined;
  if (options.quoteReview !== undefined) {
    const read = readQuoteReview(options.quoteReview, cwd);
    if (!read.ok) throw new InputError(read.problems);
    review = read.value;
  }

  const sources: CodingSources = humanCodings === undefined ? { auto: true } : { auto, human: humanCodings.placed.codings };
  const analyzed = analyzeTranscripts(transcripts, codebook, {
    ...analysisSettings(options, sources, review),
    autoCodings,
    ...(humanCodings === undefined ? {} : { humanPlacement: summarisePlacement(humanCodings.placed) }),
    ...(gold === undefined ? {} : { gold }),
  });
  if (!analyzed.ok) throw new InputError(analyzed.problems);
  reporter.warn(analyzed.warnings);
  const exportProject =
    options.qdpx === true
      ? async (analysis: Analysis): Promise<Uint8Array> => {
          // The project holds the transcripts whole (a working file, like codings.csv), but its cases' variables are
          // the attributes any output may show: never a name, an organisation, contact details or consent.
          const shown = transcripts.map((t) => ({ ...t, attributes: publicAttributes(t.attributes) }));
          const codings = 'held' in analysis.codingRows ? analysis.codingRows.held : [];
          return writeProject({ name: `collab-code: ${codebook.title}`, generator: options.generator ?? 'collab-code', codebook, transcripts: shown, codings });
        }
      : undefined;
  const corpusRead = { transcripts: transcripts.map(summaryOf), turnOf: turnFinder(transcripts), ...(humanCodings === undefined ? {} : { humanCodings }), ...(exportProject === undefined ? {} : { exportProject }) };
  return finishAnalysis(analyzed.value, corpusRead, options, cwd, workers, reporter);
}

/** The analysis' settings that come from the options as they are. */
function analysisSettings(options: AnalyzeOptions, sources: CodingSources, review?: QuoteReview): AnalysisSettings {
  return {
    unit: options.unit ?? 'turn',
    sources,
    suggest: options.suggest === true,
    ...(options.by === undefined ? {} : { by: options.by }),
    ...(options.minScore === undefined ? {} : { minScore: options.minScore }),
    quotes: { ...(review === undefined ? {} : { review }), ...(options.attributeQuotes === undefined ? {} : { attributeBy: options.attributeQuotes }) },
  };
}

/**
 * Analyses a corpus coded as it streamed through (app/streamed-corpus.ts); undefined when choosing quotes needed text
 * that was not kept, and the corpus is to be analysed whole.
 */
async function analyzeStreamed(corpus: StreamedCorpus, options: AnalyzeOptions, cwd: string, workers: AnalyzeWorkers, reporter: Reporter): Promise<AnalyzeResult | undefined> {
  let analyzed: ReturnType<typeof analyzeCoded>;
  try {
    analyzed = analyzeCoded(
      { transcripts: corpus.transcripts, auto: corpus.auto, autoCodingsMade: corpus.autoCodingsMade, candidates: corpus.candidates, texts: corpus.texts, writtenRows: corpus.codingRows },
      corpus.codebook,
      analysisSettings(options, { auto: true }),
    );
  } catch (e) {
    if (e instanceof PassageNotKept) return undefined;
    throw e;
  }
  if (!analyzed.ok) throw new InputError(analyzed.problems);
  reporter.warn(analyzed.warnings);
  const quoted = [...analyzed.value.quotes, ...analyzed.value.pendingQuotes];
  // A quote's turn is the text kept for its coding.
  const turns = new Map(quoted.map((q) => [`${q.transcript}\u0000${q.start}`, corpus.texts.passageOf(q.coding).text.text]));
  const turnOf = (transcript: string, start: number): string | undefined => turns.get(`${transcript}\u0000${start}`);
  return finishAnalysis(analyzed.value, { transcripts: corpus.transcripts, turnOf }, options, cwd, workers, reporter);
}

/** A corpus as the analysis' last steps read it. */
interface CorpusRead {
  readonly transcripts: readonly TranscriptSummary[];
  /** The text of the turn a quote starts in (code points), for the leak check. */
  readonly turnOf: TurnOf;
  readonly humanCodings?: HumanCodings;
  /** The coded project, with --qdpx. */
  readonly exportProject?: (analysis: Analysis) => Promise<Uint8Array>;
}

/** The charts started, the quotes checked for leaks, and the outputs rendered on demand. */
async function finishAnalysis(analyzed: Analysis, corpus: CorpusRead, options: AnalyzeOptions, cwd: string, workers: AnalyzeWorkers, reporter: Reporter): Promise<AnalyzeResult> {
  const { transcripts, humanCodings } = corpus;
  // The leak check, on by default, whenever an output shows quotes: every quote, and with redact "all" every coding,
  // goes through protectAnalysis, the one place where quotes are checked and redacted.
  const outputs = options.outputs ?? OUTPUT_NAMES;
  // The charts show counts, which the leak check leaves as they are: they are rendered while it runs, when the
  // workers were started early; else after it, so that the two workers do not hold their memory at once.
  const charts = options.charts === false ? [] : planCharts(analyzed);
  const renderCharts = (): Promise<RenderedChart[]> | undefined => {
    const rendering = charts.length > 0 ? workers.chartRenderer()?.render(charts) : undefined;
    // Awaited by render(), if it is called; a failure is reported there, not as an unhandled rejection meanwhile.
    rendering?.catch(() => undefined);
    return rendering;
  };
  let rendering = workers.started ? renderCharts() : undefined;
  const analysis = showsText(options) ? await protect(analyzed, corpus, options, cwd, reporter, workers.nameFinder()) : analyzed;
  rendering ??= renderCharts();

  const links = options.quoteLinks === false ? new Map<string, string>() : transcriptLinks(transcripts, cwd, options.out ?? '.');
  const context: OutputContext = { generator: options.generator ?? 'collab-code', charts, transcriptFiles: links };
  let project: Uint8Array | undefined;
  if (corpus.exportProject !== undefined) {
    reporter.progress({ stage: 'Exporting the project' });
    project = await corpus.exportProject(analysis);
  }
  return {
    analysis,
    ...(humanCodings === undefined ? {} : { humanCodings }),
    async render(given) {
      const all = given === undefined;
      const names = given ?? OUTPUT_NAMES.filter((name) => !OPTIONAL_OUTPUTS.includes(name) || (name === 'suggestions' && analysis.suggestions !== undefined));
      // Only the outputs the analysis was made for: a quote shown by another would have escaped the leak check.
      const refused = names.filter((name) => !outputs.includes(name));
      if (refused.length > 0) throw new Error(`analyze was run for ${outputs.join(', ')}, not ${refused.join(', ')}`);
      // Rendering loads Vega: only for the SVG files or the page that inlines them.
      const rendered = charts.length > 0 && (all || names.includes('html')) ? await (rendering ?? renderHere(charts)) : [];
      const withSvg: OutputContext = rendered.length > 0 ? { ...context, charts: rendered } : context;
      const files: OutputFile[] = names.map((name) => ({ name: OUTPUT_FILES[name], content: FORMATTERS[name](analysis, withSvg) }));
      if (all) files.push(...rendered.map((chart) => ({ name: chart.file, content: chart.svg })));
      // The list of unplaced segments is one of the outputs of a run from human codings, so --check compares it too.
      if (humanCodings !== undefined && all) files.push({ name: UNPLACED_FILE, content: formatUnplacedCsv(humanCodings.placed) });
      if (project !== undefined && all) files.push({ name: PROJECT_FILE, content: project });
      if (analysis.pendingQuotes.length > 0 && all) files.push({ name: PENDING_FILE, content: formatQuotesCsv({ ...analysis, quotes: analysis.pendingQuotes }) });
      return options.excel === true ? files.map((f) => (f.name.endsWith('.csv') ? { ...f, content: forExcel(f.content) } : f)) : files;
    },
  };
}

/** The analysis with its quotes checked for what could identify someone, and redacted when asked; warns of findings. */
async function protect(analyzed: Analysis, corpus: CorpusRead, options: AnalyzeOptions, cwd: string, reporter: Reporter, names: NameFinderThread | undefined): Promise<Analysis> {
  const { transcripts } = corpus;
  reporter.progress({ stage: 'Checking the quotes for names and contact details' });
  const redact = options.redact ?? 'none';
  const languageOf = new Map(transcripts.map((t) => [t.id, t.language]));
  const texts = [...analyzed.quotes, ...analyzed.pendingQuotes, ...(redact === 'all' && 'held' in analyzed.codingRows ? analyzed.codingRows.held : [])];
  const languages = new Set<Language>(texts.map((t) => languageOf.get(t.transcript) ?? 'en'));
  const settings = { redact, languageOf: (id: string) => languageOf.get(id) ?? 'en', turnOf: corpus.turnOf };
  const protectWith = (check: LeakCheck, knownNames: number, nlpLanguages: readonly Language[]) => protectAnalysis(analyzed, check, { ...settings, knownNames, nlpLanguages });
  const leakCheck = await loadLeakCheck(transcripts, options.privateNames, cwd, languages, (check) => void protectWith(check, 0, []), names);
  const analysis = protectWith(leakCheck.check, leakCheck.known.names.length, leakCheck.nlpLanguages);
  reporter.warn(leakWarning(analysis.privacy!));
  reporter.warn(identifyingIds(transcripts.filter((t) => analysis.quotes.some((q) => q.transcript === t.id)), leakCheck.known));
  if (redact !== 'none' && analysis.privacy!.quotesWithFindings > 0) {
    reporter.info(`Leak check: redacted ${describeFindings(analysis.privacy!.found)} in ${analysis.privacy!.quotesWithFindings} of ${analysis.privacy!.checked.quotes} quotes`);
  }
  return analysis;
}

/** Without a chart worker (the outputs asked for had no charts): here, loading the library now. */
async function renderHere(charts: readonly ChartPlan[]): Promise<RenderedChart[]> {
  return (await import('../outputs/charts/render.js')).renderCharts(charts);
}

/** Each transcript's file relative to the output folder, with forward slashes, for links that work wherever the folders move together. */
function transcriptLinks(transcripts: readonly Pick<Transcript, 'id' | 'file'>[], cwd: string, out: string): Map<string, string> {
  const from = path.resolve(cwd, out);
  return new Map(transcripts.map((t) => [t.id, path.relative(from, path.resolve(cwd, t.file)).split(path.sep).join('/')]));
}
