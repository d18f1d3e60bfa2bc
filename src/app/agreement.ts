// The agreement use case: how far human coders agree on the same transcripts, per code and overall.
import type { HumanCoding } from '../core/coding/coding.js';
import { warning } from '../core/problem.js';
import { measureAgreement, type Agreement } from '../core/reliability/agreement.js';
import type { ComparisonUnit } from '../core/reliability/coded-units.js';
import { loadCodebook, readHumanCodings, readTranscripts, type HumanCodings } from './corpus.js';
import { usageError } from './errors.js';
import { silentReporter, type Reporter } from './reporter.js';

export interface AgreementOptions {
  /** Codings files, one per coder, or one with a coder column. */
  readonly files: readonly string[];
  /** The coded transcripts: they define the units, including those no coder coded. */
  readonly transcripts: readonly string[];
  readonly cwd?: string;
  /** Default: turn. */
  readonly unit?: ComparisonUnit;
  /** Resolves code names; default: the codes the files name. */
  readonly codebook?: string;
  readonly columns?: readonly string[];
  readonly interviewers?: readonly string[];
  /** Folders holding sources that .qdpx projects keep outside their archive. */
  readonly sources?: readonly string[];
  /** Follow symbolic links out of the folders given; default: skip them, with a warning. */
  readonly followSymlinks?: boolean;
}

export interface AgreementResult {
  readonly agreement: Agreement;
  readonly humanCodings: HumanCodings;
}

export async function agreement(options: AgreementOptions, reporter: Reporter = silentReporter): Promise<AgreementResult> {
  const cwd = options.cwd ?? process.cwd();
  if (options.transcripts.length === 0) {
    throw usageError('no transcripts given', 'name them with --transcripts (files, folders or globs): they define the units, including those no coder coded');
  }
  const codebook = options.codebook === undefined ? undefined : await loadCodebook(options.codebook, cwd, reporter);
  const transcripts = await readTranscripts(
    { paths: options.transcripts, exclude: options.files, defaultLanguage: codebook?.language ?? 'en', interviewers: options.interviewers ?? [], sources: options.sources ?? [], followSymlinks: options.followSymlinks === true },
    cwd,
    reporter,
  );
  const human = await readHumanCodings(options.files, options.columns ?? [], transcripts, codebook, cwd, reporter, options.sources ?? []);

  for (const [coder, files] of human.filesOf) {
    if (files.length > 1) throw usageError(`mismatched coder files: ${files.join(' and ')} both hold codings by "${coder}"`, 'give each coder one file, or tell coders apart with a coder column');
  }
  if (human.coders.length < 2) {
    throw usageError(
      `agreement needs two or more coders; ${options.files.join(', ')} ${options.files.length === 1 ? 'holds' : 'hold'} codings by "${human.coders[0]}" only`,
      "give one codings file per coder, or a coder column naming each row's coder",
    );
  }

  const byCoder = new Map<string, HumanCoding[]>(human.coders.map((c) => [c, []]));
  for (const coding of human.placed.codings) byCoder.get(coding.coder)!.push(coding);
  const codesOf = [...byCoder.values()].map((codings) => new Set(codings.map((c) => c.code.id)));
  if (codebook === undefined && !codesOf.some((codes, i) => [...codes].some((id) => codesOf.some((other, j) => j !== i && other.has(id))))) {
    reporter.warn([warning({ file: options.files.join(', ') }, 'the coders share no code name, so they can only disagree', 'name codes alike in every file (ids, labels or paths), or give --codebook to resolve them')]);
  }
  const measured = measureAgreement(transcripts, human.codebook, human.coders, [...byCoder.values()], options.unit ?? 'turn');
  reporter.warn(
    measured.uncoded.map((u) => ({
      ...warning({ file: human.filesOf.get(u.coder)![0]! }, `${u.coder} coded nothing in ${u.transcript}, which another coder coded; its units count as uncoded by ${u.coder}`, 'check that the coder was given it, or leave it out of --transcripts'),
      kind: `transcripts ${u.coder} left uncoded`,
    })),
  );
  return { agreement: measured, humanCodings: human };
}
