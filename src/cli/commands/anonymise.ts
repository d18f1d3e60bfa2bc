// `collab-code anonymise PATHS --out DIR`: anonymised copies and their key; --dry-run lists the replacements on stdout.
import { anonymise, PSEUDONYMS_FILE } from '../../app/anonymise.js';
import type { TranscriptSources } from '../../app/corpus.js';
import { InputError } from '../../app/errors.js';
import { warning } from '../../core/problem.js';
import { readConfig } from '../../io/read-config.js';
import { writeOutputs } from '../../io/write-outputs.js';
import { formatCsv } from '../../outputs/csv.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { sourceSettings, transcriptPaths } from './settings.js';
import { plural } from '../../core/wording.js';

export interface AnonymiseCommandOptions extends Verbosity, TranscriptSources {
  readonly paths: readonly string[];
  readonly out: string;
  readonly dryRun?: boolean;
  readonly privateNames?: string;
  readonly interviewer?: readonly string[];
}

export async function runAnonymise(options: AnonymiseCommandOptions, io: CliIo): Promise<ExitCode> {
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  const settings = config.value;
  const privateNames = options.privateNames ?? settings.private_names;
  return withReporter(io, { ...options, quiet: options.quiet === true || settings.quiet === true }, async (reporter) => {
    const result = await anonymise(
      {
        paths: transcriptPaths(options.paths, settings.transcripts),
        out: options.out,
        cwd: io.cwd,
        interviewers: [...(settings.interviewers ?? []), ...(options.interviewer ?? [])],
        ...(privateNames === undefined ? {} : { privateNames }),
        ...sourceSettings(options, settings),
      },
      reporter,
    );
    const count = result.files.reduce((n, f) => n + f.replacements.length, 0);
    if (options.dryRun === true) {
      reporter.stop();
      const rows = result.files.flatMap((f) => f.replacements.map((r) => [f.source, r.line, r.column, r.kind, r.text, r.replacement]));
      io.stdout(formatCsv(['file', 'line', 'column', 'kind', 'text', 'replacement'], rows));
      reporter.info(`Would replace ${count} names and contact details in ${plural(result.files.length, 'transcript')} with ${plural(result.pseudonyms.length, 'pseudonym')}; nothing written`);
      return ExitCode.Ok;
    }
    const written = await writeOutputs(options.out, result.render(), io.cwd);
    if (!written.ok) throw new InputError(written.problems);
    reporter.stop();
    const folder = options.out.replace(/(?<=.)\/+$/, '');
    reporter.info(`Anonymised ${plural(result.files.length, 'transcript')} into ${folder}/: ${plural(count, 'replacement')}, ${plural(result.pseudonyms.length, 'pseudonym')}`);
    reporter.warn([
      warning(
        { file: `${folder}/${PSEUDONYMS_FILE}` },
        'this is the key that turns the pseudonyms back into names',
        'move it out of this folder and store it apart from the copies (encrypted, with the interview recordings); never share it with them',
      ),
    ]);
    return ExitCode.Ok;
  });
}
