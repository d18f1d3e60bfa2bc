// `collab-code analyze`: reads transcripts and a codebook, codes them, writes (or prints, or checks) the outputs.
import { analyze } from '../../core/analysis/analyze.js';
import { selfVetoingExclusions } from '../../core/coding/diagnostics.js';
import type { Codebook } from '../../core/codebook/codebook.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import { compareNatural, error, type Problem, type Result } from '../../core/problem.js';
import { interviewerMatcher, DEFAULT_INTERVIEWER_LABELS } from '../../core/transcripts/speakers.js';
import { parseTranscript } from '../../core/transcripts/parse-transcript.js';
import type { Transcript } from '../../core/transcripts/transcript.js';
import { readCodebook } from '../../io/read-codebook.js';
import { readConfig } from '../../io/read-config.js';
import { findTranscripts, readTranscriptFile, type TranscriptFile } from '../../io/read-transcripts.js';
import { compareOutputs, writeOutputs } from '../../io/write-outputs.js';
import { FORMATTERS, OUTPUT_FILES, OUTPUT_NAMES, type OutputName } from '../../outputs/index.js';
import { ExitCode, InputError, usageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { formatProblem, paintFor } from '../ui/messages.js';
import { isInteractive } from '../io.js';
import { startProgress } from '../ui/progress.js';

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
  readonly generator: string;
}

export async function runAnalyze(options: AnalyzeOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const settings = config.value;
  if (options.print !== undefined && options.check === true) throw usageError('--print and --check cannot be used together');
  const paths = options.paths.length > 0 ? options.paths : (settings.transcripts ?? []);
  if (paths.length === 0) throw usageError('no transcripts given', 'name files, folders or globs, or list them under "transcripts" in collab-code.yaml');
  const unit = options.unit ?? settings.unit ?? 'turn';
  const out = options.out ?? settings.out ?? DEFAULT_OUT;
  const by = splitList(options.by) ?? splitList(settings.by);

  const paint = await paintFor(isInteractive(io));
  const progress = await startProgress(io, 'Reading the codebook');
  const warn = (problems: readonly Problem[]) => problems.forEach((p) => progress.print(formatProblem(p, paint)));
  try {
    const codebookRead = await readCodebook(options.codebook ?? settings.codebook, io.cwd);
    if (!codebookRead.result.ok) throw new InputError(codebookRead.result.problems);
    const codebook = codebookRead.result.value;
    warn([...codebookRead.result.warnings, ...selfVetoingExclusions(codebook, options.codebook ?? settings.codebook ?? 'the bundled codebook')]);

    progress.update('Reading transcripts');
    const interviewers = [...DEFAULT_INTERVIEWER_LABELS, ...(settings.interviewers ?? []), ...(options.interviewer ?? [])];
    const transcripts = await readTranscripts(paths, out, codebook, interviewerMatcher(interviewers), io, warn);

    progress.update(`Coding ${transcripts.length} transcripts`);
    const analysis = analyze(transcripts, codebook, { unit, ...(by === undefined ? {} : { by }) });
    if (!analysis.ok) throw new InputError(analysis.problems);

    const context = { generator: options.generator };
    const render = (name: OutputName) => ({ name: OUTPUT_FILES[name], content: FORMATTERS[name](analysis.value, context) });
    if (options.print !== undefined) {
      progress.stop();
      io.stdout(render(options.print).content);
      return ExitCode.Ok;
    }
    progress.update('Formatting the outputs');
    const files = OUTPUT_NAMES.map(render);
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

/** Reads and parses every transcript, reporting the problems of all files at once rather than the first. */
async function readTranscripts(
  paths: readonly string[],
  out: string,
  codebook: Codebook,
  isInterviewer: (speaker: string) => boolean,
  io: CliIo,
  warn: (problems: readonly Problem[]) => void,
): Promise<Transcript[]> {
  const found = await findTranscripts(paths, { cwd: io.cwd, exclude: [out] });
  if (!found.ok) throw new InputError(found.problems);
  const problems: Problem[] = [];
  const transcripts: Transcript[] = [];
  const fileOfId = new Map<string, string>();
  const accept = (read: Result<TranscriptFile>): void => {
    if (!read.ok) return void problems.push(...read.problems);
    const { file, defaultId, text } = read.value;
    const parsed = parseTranscript(text, file, { defaultId, defaultLanguage: codebook.language, isInterviewer });
    if (!parsed.ok) return void problems.push(...parsed.problems);
    warn(parsed.warnings);
    const other = fileOfId.get(parsed.value.id);
    if (other !== undefined) {
      return void problems.push(error({ file }, `duplicate transcript id "${parsed.value.id}", also used by ${other}`, 'give one of them another id in its front matter'));
    }
    fileOfId.set(parsed.value.id, file);
    transcripts.push(parsed.value);
  };
  for (const absolute of found.value) accept(readTranscriptFile(absolute, io.cwd));
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => compareNatural(a.file, b.file)));
  return transcripts;
}

/** "--by group,region --by scope" and config lists alike become ["group", "region", "scope"]. */
function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
