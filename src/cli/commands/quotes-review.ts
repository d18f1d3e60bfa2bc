// `collab-code quotes review OUTDIR --out REVIEWDIR`: the letters to the interviewees and the review file.
import type { TranscriptSources } from '../../app/corpus.js';
import { InputError } from '../../app/errors.js';
import { reviewQuotes, REVIEW_FILE } from '../../app/quotes-review.js';
import { readConfig } from '../../io/read-config.js';
import { writeOutputs } from '../../io/write-outputs.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { sourceSettings, transcriptPaths } from './settings.js';
import { plural } from '../../core/wording.js';

export interface QuotesReviewCommandOptions extends Verbosity, TranscriptSources {
  readonly analysisDir: string;
  readonly out: string;
  readonly transcripts?: readonly string[];
  readonly interviewer?: readonly string[];
  readonly privateNames?: string;
}

export async function runQuotesReview(options: QuotesReviewCommandOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const settings = config.value;
  const privateNames = options.privateNames ?? settings.private_names;
  return withReporter(io, { ...options, quiet: options.quiet === true || settings.quiet === true }, async (reporter) => {
    const result = await reviewQuotes(
      {
        analysisDir: options.analysisDir,
        out: options.out,
        transcripts: transcriptPaths(options.transcripts ?? [], settings.transcripts),
        cwd: io.cwd,
        interviewers: [...(settings.interviewers ?? []), ...(options.interviewer ?? [])],
        ...(privateNames === undefined ? {} : { privateNames }),
        ...sourceSettings(options, settings),
      },
      reporter,
    );
    const written = await writeOutputs(options.out, result.files, io.cwd);
    if (!written.ok) throw new InputError(written.problems);
    reporter.stop();
    reporter.flush();
    const kept = result.kept > 0 ? `, ${result.kept} decisions kept from the review file already there` : '';
    reporter.info(`Wrote ${plural(result.letters.length, 'letter')} and ${options.out}/${REVIEW_FILE} (${result.rows} rows${kept}); record each answer in its decision column, then run collab-code analyze --quote-review ${options.out}/${REVIEW_FILE}`);
    return ExitCode.Ok;
  });
}
