// `collab-code codebook export CODEBOOK --out FILE.qdc` and `codebook import FILE --out codebook.yaml`: codebooks to
// and from NVivo, ATLAS.ti, MAXQDA and QualCoder (REFI-QDA), and from quanteda and LIWC dictionaries.
import { exportCodebook, importCodebook } from '../../app/codebook.js';
import { InputError } from '../../app/errors.js';
import type { Language } from '../../core/text/language.js';
import { writeOutputFile } from '../../io/write-outputs.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';

/** Writes `content` to `out`, or to stdout when no file is named. */
async function deliver(content: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) return void io.stdout(content);
  const written = await writeOutputFile(out, content, io.cwd, 'choose another file with --out');
  if (!written.ok) throw new InputError(written.problems);
}

export interface CodebookExportCommandOptions extends Verbosity {
  readonly codebook: string;
  readonly out?: string;
  readonly generator: string;
}

export async function runCodebookExport(options: CodebookExportCommandOptions, io: CliIo): Promise<ExitCode> {
  return withReporter(io, options, async (reporter) => {
    const qdc = await exportCodebook(options.codebook, { cwd: io.cwd, generator: options.generator }, reporter);
    await deliver(qdc, options.out, io);
    if (options.out !== undefined) reporter.info(`wrote ${options.out}: the codes of ${options.codebook} under their types and categories (terms have no place in REFI-QDA)`);
    return ExitCode.Ok;
  });
}

export interface CodebookImportCommandOptions extends Verbosity {
  readonly file: string;
  readonly out?: string;
  readonly language?: Language;
  readonly generator: string;
}

export async function runCodebookImport(options: CodebookImportCommandOptions, io: CliIo): Promise<ExitCode> {
  return withReporter(io, options, async (reporter) => {
    const imported = await importCodebook(options.file, { cwd: io.cwd, generator: options.generator, ...(options.language === undefined ? {} : { language: options.language }), ...(options.out === undefined ? {} : { target: options.out }) });
    await deliver(imported.yaml, options.out, io);
    const { codebook } = imported;
    const withTerms = codebook.codes.filter((c) => Object.values(c.terms).some((t) => (t?.length ?? 0) > 0)).length;
    reporter.info(`${options.out ?? 'stdout'}: ${codebook.codes.length} codes (${withTerms} with terms), ${codebook.categories.length} categories, ${codebook.types.length} types from ${options.file}`);
    for (const note of imported.notes) reporter.info(`  ${note}`);
    return ExitCode.Ok;
  });
}
