// What analyze and merge do with an analysis: print one output, compare the outputs with the folder, or write them.
import { ANALYZE_FILES, PENDING_FILE, UNPLACED_FILE, type AnalyzeResult } from '../../app/analyze.js';
import { InputError } from '../../app/errors.js';
import { compareOutputs, writeOutputs } from '../../io/write-outputs.js';
import { OUTPUT_FILES, type OutputName } from '../../outputs/names.js';
import { chunksOf } from '../../outputs/output.js';
import { plural } from '../../core/wording.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import type { CliReporter } from '../ui/reporter.js';

const STATES = {
  missing: 'missing',
  stale: 'stale: differs from what the transcripts and codebook give now',
  extra: 'stale: an earlier run wrote it and this one does not (analyze removes it)',
} as const;

export interface EmitSettings {
  readonly out: string;
  readonly print?: OutputName;
  readonly check: boolean;
  /** What to run to bring stale outputs up to date, for --check's message. */
  readonly rerun: string;
}

/** An analysis' outputs printed (--print), compared with the output folder (--check), or written there. */
export async function emitOutputs(result: AnalyzeResult, { out, print, check, rerun }: EmitSettings, io: CliIo, reporter: CliReporter): Promise<ExitCode> {
  if (print !== undefined) {
    reporter.stop();
    for (const chunk of chunksOf((await result.render([print]))[0]!.content)) io.stdout(typeof chunk === 'string' ? chunk : '');
    return ExitCode.Ok;
  }
  reporter.progress({ stage: 'Formatting the outputs' });
  const files = await result.render();
  if (check) {
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
      io.stderr(`${what}; run ${rerun} (without --check) and commit the result\n`);
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
  reporter.info(`Coded ${result.analysis.sampleSize} ${result.analysis.sampleSize === 1 ? 'interview' : 'interviews'}: ${result.analysis.codingCount} codings; wrote ${files.length} files to ${out}/`);
  return ExitCode.Ok;
}
