// `collab-code analyze`: reads transcripts and a codebook, codes them, writes (or prints, or checks) the outputs.
import { analyze, type CodingSources } from '../../core/analysis/analyze.js';
import { selfVetoingExclusions } from '../../core/coding/diagnostics.js';
import type { Codebook } from '../../core/codebook/codebook.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import type { Problem } from '../../core/problem.js';
import { readConfig } from '../../io/read-config.js';
import { compareOutputs, writeOutputs, type OutputFile } from '../../io/write-outputs.js';
import { FORMATTERS, OUTPUT_FILES, OUTPUT_NAMES, type OutputName } from '../../outputs/index.js';
import { ExitCode, InputError, usageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { formatProblem, paintFor } from '../ui/messages.js';
import { isInteractive } from '../io.js';
import { startProgress } from '../ui/progress.js';
import { UNPLACED_FILE } from '../options.js';
import { formatUnplacedCsv, loadCodebook, readHumanCodings, readTranscripts, reportPlacement, transcriptPaths, type HumanCodings } from './corpus.js';

export const DEFAULT_OUT = 'collab-code-report';

export interface AnalyzeOptions {
  readonly paths: readonly string[];
  readonly codebook?: string;
  readonly out?: string;
  readonly by?: readonly string[];
  readonly unit?: UnitKind;
  readonly interviewer?: readonly string[];
  readonly print?: OutputName;
  readonly check?: boolean;
  /** Human codings files: analysed instead of automatic coding, or beside it with `auto`. */
  readonly codings?: readonly string[];
  readonly columns?: readonly string[];
  readonly auto?: boolean;
  readonly generator: string;
}

export async function runAnalyze(options: AnalyzeOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const settings = config.value;
  if (options.print !== undefined && options.check === true) throw usageError('--print and --check cannot be used together');
  const paths = transcriptPaths(options.paths, settings.transcripts);
  const unit = options.unit ?? settings.unit ?? 'turn';
  const out = options.out ?? settings.out ?? DEFAULT_OUT;
  const by = splitList(options.by) ?? splitList(settings.by);

  const paint = await paintFor(isInteractive(io));
  const progress = await startProgress(io, 'Reading the codebook');
  const warn = (problems: readonly Problem[]) => problems.forEach((p) => progress.print(formatProblem(p, paint)));
  try {
    const codingsFiles = options.codings ?? settings.codings ?? [];
    const human = codingsFiles.length > 0;
    const auto = !human || (options.auto ?? settings.auto) === true;
    const codebookFile = options.codebook ?? settings.codebook;
    // Human codings need no codebook: without one, their codes are the codebook.
    let codebook: Codebook | undefined;
    if (auto || codebookFile !== undefined) {
      codebook = await loadCodebook(codebookFile, io, warn);
      if (auto) warn(selfVetoingExclusions(codebook, codebookFile ?? 'the bundled codebook'));
    }

    progress.update('Reading transcripts');
    const interviewers = [...(settings.interviewers ?? []), ...(options.interviewer ?? [])];
    const transcripts = await readTranscripts({ paths, exclude: [out], defaultLanguage: codebook?.language ?? 'en', interviewers }, io, warn);

    let humanCodings: HumanCodings | undefined;
    if (human) {
      progress.update('Placing the human codings');
      humanCodings = readHumanCodings(codingsFiles, options.columns ?? settings.columns ?? [], transcripts, codebook, io);
      codebook = humanCodings.codebook;
      // The list of unplaced segments is one of the outputs, written with them (so --check compares it too).
      const listed = options.print === undefined && options.check !== true ? { file: `${out}/${UNPLACED_FILE}`, write: false } : undefined;
      await reportPlacement(humanCodings, listed, io, warn, (text) => progress.print(text));
    }

    progress.update(`Coding ${transcripts.length} transcripts`);
    const sources: CodingSources = humanCodings === undefined ? { auto: true } : { auto, human: humanCodings.placed.codings };
    const analysis = analyze(transcripts, codebook!, { unit, sources, ...(by === undefined ? {} : { by }) });
    if (!analysis.ok) throw new InputError(analysis.problems);

    const context = { generator: options.generator };
    const render = (name: OutputName) => ({ name: OUTPUT_FILES[name], content: FORMATTERS[name](analysis.value, context) });
    if (options.print !== undefined) {
      progress.stop();
      io.stdout(render(options.print).content);
      return ExitCode.Ok;
    }
    progress.update('Formatting the outputs');
    const files: OutputFile[] = OUTPUT_NAMES.map(render);
    if (humanCodings !== undefined) files.push({ name: UNPLACED_FILE, content: formatUnplacedCsv(humanCodings.placed) });
    if (options.check === true) {
      const stale = await compareOutputs(out, files, io.cwd);
      progress.stop();
      for (const s of stale) io.stderr(`${out}/${s.name}: ${s.state === 'missing' ? 'missing' : 'stale: differs from what the transcripts and codebook give now'}\n`);
      if (stale.length > 0) {
        io.stderr(`${stale.length} of ${files.length} outputs are out of date; run collab-code analyze (without --check) and commit the result\n`);
        return ExitCode.CheckFailed;
      }
      io.stderr(`${out}: all ${files.length} outputs are up to date\n`);
      return ExitCode.Ok;
    }
    const written = await writeOutputs(out, files, io.cwd);
    if (!written.ok) throw new InputError(written.problems);
    progress.stop();
    io.stderr(`Coded ${analysis.value.sampleSize} interviews: ${analysis.value.codings.length} codings; wrote ${files.length} files to ${out}/\n`);
    return ExitCode.Ok;
  } finally {
    progress.stop();
  }
}

/** "--by group,region --by scope" and config lists alike become ["group", "region", "scope"]. */
function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
