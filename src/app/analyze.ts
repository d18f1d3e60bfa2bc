// The analyze use case: reads a codebook, transcripts and optionally human codings, codes, and gives the analysis
// with its outputs rendered on demand. It prints nothing and writes nothing; the caller writes, prints or checks.
import { analyze as analyzeTranscripts, type Analysis, type CodingSources } from '../core/analysis/analyze.js';
import type { Codebook } from '../core/codebook/codebook.js';
import { selfVetoingExclusions } from '../core/coding/diagnostics.js';
import type { UnitKind } from '../core/coding/unit-kinds.js';
import type { OutputFile } from '../io/write-outputs.js';
import { FORMATTERS, OUTPUT_FILES, OUTPUT_NAMES, type OutputName } from '../outputs/index.js';
import { forExcel } from '../outputs/csv.js';
import { formatUnplacedCsv } from '../outputs/unplaced-csv.js';
import { writeProject } from '../interop/refi/write-project.js';
import { publicAttributes } from '../core/privacy/attributes.js';
import { protectAnalysis, type RedactScope } from '../core/privacy/protect.js';
import type { QuoteReview } from '../core/privacy/quote-review.js';
import type { Language } from '../core/text/language.js';
import { readQuoteReview } from '../io/read-privacy-files.js';
import { formatQuotesCsv } from '../outputs/quotes-csv.js';
import { loadCodebook, readHumanCodings, readTranscripts, requireTerms, type HumanCodings } from './corpus.js';
import { InputError } from './errors.js';
import { describeFindings } from '../core/privacy/findings.js';
import { identifyingIds, leakWarning } from './leak-warning.js';
import { loadLeakCheck, turnFinder } from './privacy.js';
import { silentReporter, type Reporter } from './reporter.js';

export const UNPLACED_FILE = 'unplaced-codings.csv';
/** The coded project for QDA tools, written with --qdpx. */
export const PROJECT_FILE = 'collab-code.qdpx';
/** Quotes chosen but awaiting their interviewees' approval: for the review round, never for publication. */
export const PENDING_FILE = 'quotes-pending-review.csv';

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
  /** What the outputs name as their maker; default "collab-code". */
  readonly generator?: string;
  /** CSV outputs with a UTF-8 byte-order mark, so Excel opens them right on double-click. */
  readonly excel?: boolean;
  /** Also export the coded project as a REFI-QDA project (collab-code.qdpx), for review in a QDA tool. */
  readonly qdpx?: boolean;
  /** Folders holding sources that .qdpx projects keep outside their archive. */
  readonly sources?: readonly string[];
  /** A list of private names (one per line) the leak check looks for, besides those the transcripts give. */
  readonly privateNames?: string;
  /** Replace what the leak check finds in the quotes ("quotes"), also in codings.csv ("all"); default: only warn. */
  readonly redact?: RedactScope;
  /** The interviewees' decisions on their quotes: a file written by `collab-code quotes review`, filled in. */
  readonly quoteReview?: string;
  /** Attributes quotes are attributed by in the report (coarsened below three interviewees); default none. */
  readonly attributeQuotes?: readonly string[];
  /**
   * The outputs the caller will render (default: all). The leak check, which loads an NLP library, runs only when
   * one of them shows quotes; render() refuses the others.
   */
  readonly outputs?: readonly OutputName[];
}

export interface AnalyzeResult {
  readonly analysis: Analysis;
  /** Present when human codings were analysed. */
  readonly humanCodings?: HumanCodings;
  /** The outputs as files, in the order they are written: all of them, or the ones named. */
  render(names?: readonly OutputName[]): OutputFile[];
}

export async function analyze(options: AnalyzeOptions, reporter: Reporter = silentReporter): Promise<AnalyzeResult> {
  const cwd = options.cwd ?? process.cwd();
  const codingsFiles = options.codings ?? [];
  const human = codingsFiles.length > 0;
  const auto = !human || options.auto === true;
  reporter.progress({ stage: 'Reading the codebook' });
  // Human codings need no codebook: without one, their codes are the codebook.
  let codebook: Codebook | undefined;
  if (auto || options.codebook !== undefined) {
    const given = await loadCodebook(options.codebook, cwd, reporter);
    if (auto) {
      requireTerms(given, options.codebook);
      reporter.warn(selfVetoingExclusions(given, options.codebook ?? 'the bundled codebook'));
    }
    codebook = given;
  }

  const transcripts = await readTranscripts(
    {
      paths: options.paths,
      // Tables given as inputs of another kind are not transcripts, even in the transcripts folder.
      exclude: [...(options.exclude ?? []), ...codingsFiles],
      defaultLanguage: codebook?.language ?? 'en',
      interviewers: options.interviewers ?? [],
      turnColumns: options.turnColumns ?? [],
      sources: options.sources ?? [],
      ...(options.participants === undefined
        ? {}
        : { participants: { file: options.participants, attributes: [...(options.by ?? ['group']), ...(options.attributeQuotes ?? [])], ...(options.participantsId === undefined ? {} : { idColumn: options.participantsId }) } }),
    },
    cwd,
    reporter,
  );

  let humanCodings: HumanCodings | undefined;
  if (human) {
    reporter.progress({ stage: 'Placing the human codings' });
    humanCodings = await readHumanCodings(codingsFiles, options.columns ?? [], transcripts, codebook, cwd, reporter, options.sources ?? []);
    codebook = humanCodings.codebook;
  }

  let review: QuoteReview | undefined;
  if (options.quoteReview !== undefined) {
    const read = readQuoteReview(options.quoteReview, cwd);
    if (!read.ok) throw new InputError(read.problems);
    review = read.value;
  }

  reporter.progress({ stage: `Coding ${transcripts.length} transcripts` });
  const sources: CodingSources = humanCodings === undefined ? { auto: true } : { auto, human: humanCodings.placed.codings };
  const analyzed = analyzeTranscripts(transcripts, codebook!, {
    unit: options.unit ?? 'turn',
    sources,
    ...(options.by === undefined ? {} : { by: options.by }),
    quotes: { ...(review === undefined ? {} : { review }), ...(options.attributeQuotes === undefined ? {} : { attributeBy: options.attributeQuotes }) },
  });
  if (!analyzed.ok) throw new InputError(analyzed.problems);
  reporter.warn(analyzed.warnings);

  // The leak check, on by default: every quote, and with redact "all" every coding, goes through protectAnalysis.
  const redact = options.redact ?? 'none';
  const outputs = options.outputs ?? OUTPUT_NAMES;
  const protectedOutputs: readonly OutputName[] = redact === 'all' ? ['quotes', 'report', 'summary', 'codings'] : ['quotes', 'report', 'summary'];
  if (!outputs.some((name) => protectedOutputs.includes(name))) {
    return { analysis: analyzed.value, ...(humanCodings === undefined ? {} : { humanCodings }), render: renderer(analyzed.value, humanCodings, options, outputs) };
  }
  reporter.progress({ stage: 'Checking the quotes for names and contact details' });
  const languageOf = new Map(transcripts.map((t) => [t.id, t.language]));
  const texts = [...analyzed.value.quotes, ...analyzed.value.pendingQuotes, ...(redact === 'all' ? analyzed.value.codings : [])];
  const languages = new Set<Language>(texts.map((t) => languageOf.get(t.transcript) ?? 'en'));
  const leakCheck = await loadLeakCheck(transcripts, options.privateNames, cwd, languages);
  const analysis = protectAnalysis(analyzed.value, leakCheck.check, {
    redact,
    languageOf: (id) => languageOf.get(id) ?? 'en',
    turnOf: turnFinder(transcripts),
    knownNames: leakCheck.known.names.length,
    nlpLanguages: leakCheck.nlpLanguages,
  });
  reporter.warn(leakWarning(analysis.privacy!));
  reporter.warn(identifyingIds(transcripts.filter((t) => analysis.quotes.some((q) => q.transcript === t.id)), leakCheck.known));
  if (redact !== 'none' && analysis.privacy!.quotesWithFindings > 0) {
    reporter.info(`Leak check: redacted ${describeFindings(analysis.privacy!.found)} in ${analysis.privacy!.quotesWithFindings} of ${analysis.privacy!.checked.quotes} quotes`);
  }

  let project: Uint8Array | undefined;
  if (options.qdpx === true) {
    reporter.progress({ stage: 'Exporting the project' });
    // The project holds the transcripts whole (a working file, like codings.csv), but its cases' variables are the
    // attributes any output may show: never a name, an organisation, contact details or consent.
    const shown = transcripts.map((t) => ({ ...t, attributes: publicAttributes(t.attributes) }));
    project = await writeProject({ name: `collab-code: ${codebook!.title}`, generator: options.generator ?? 'collab-code', codebook: codebook!, transcripts: shown, codings: analysis.codings });
  }
  return { analysis, ...(humanCodings === undefined ? {} : { humanCodings }), render: renderer(analysis, humanCodings, options, outputs, project) };
}

/** The outputs as files; only those the analysis was made for (`outputs`), so no quote escapes the leak check. */
function renderer(
  analysis: Analysis,
  humanCodings: HumanCodings | undefined,
  options: AnalyzeOptions,
  outputs: readonly OutputName[],
  project?: Uint8Array,
): AnalyzeResult['render'] {
  const context = { generator: options.generator ?? 'collab-code' };
  return (names = OUTPUT_NAMES) => {
    const refused = names.filter((name) => !outputs.includes(name));
    if (refused.length > 0) throw new Error(`analyze was run for ${outputs.join(', ')}, not ${refused.join(', ')}`);
    const all = names.length === OUTPUT_NAMES.length;
    const files: OutputFile[] = names.map((name) => ({ name: OUTPUT_FILES[name], content: FORMATTERS[name](analysis, context) }));
    // The list of unplaced segments is one of the outputs of a run from human codings, so --check compares it too.
    if (humanCodings !== undefined && all) files.push({ name: UNPLACED_FILE, content: formatUnplacedCsv(humanCodings.placed) });
    if (project !== undefined && all) files.push({ name: PROJECT_FILE, content: project });
    if (analysis.pendingQuotes.length > 0 && all) files.push({ name: PENDING_FILE, content: formatQuotesCsv({ ...analysis, quotes: analysis.pendingQuotes }) });
    return options.excel === true ? files.map((f) => (f.name.endsWith('.csv') && typeof f.content === 'string' ? { ...f, content: forExcel(f.content) } : f)) : files;
  };
}
