// The codebook use cases: validating a codebook file, linting it against a corpus, and exchanging it with other tools.
import type { Codebook } from '../core/codebook/codebook.js';
import { selfVetoingExclusions } from '../core/coding/diagnostics.js';
import { compileCodebook } from '../core/coding/compile-codebook.js';
import { hitsOf, lintCodebook as lintAgainst, type Lint } from '../core/coding/lint.js';
import type { UnitKind } from '../core/coding/unit-kinds.js';
import type { Problem } from '../core/problem.js';
import type { Language } from '../core/text/language.js';
import { writeQdc } from '../interop/refi/qdc.js';
import { readCodebook } from '../io/read-codebook.js';
import { readForeignCodebook } from '../io/read-foreign-codebook.js';
import { formatCodebookYaml } from '../outputs/codebook-yaml.js';
import { inCodingBatches } from './coding-batches.js';
import { loadCodebook, readTranscripts } from './corpus.js';
import { InputError } from './errors.js';
import { silentReporter, type Reporter } from './reporter.js';

export type CodebookValidation =
  | { readonly valid: true; readonly codebook: Codebook; readonly warnings: readonly Problem[] }
  | { readonly valid: false; readonly problems: readonly Problem[] };

/** Checks a codebook file. An unreadable file (missing, not UTF-8) throws an InputError; an invalid one is a result. */
export async function validateCodebook(file: string, options: { readonly cwd?: string } = {}): Promise<CodebookValidation> {
  const { unreadable, result } = await readCodebook(file, options.cwd ?? process.cwd());
  if (unreadable === true && !result.ok) throw new InputError(result.problems);
  if (!result.ok) return { valid: false, problems: result.problems };
  return { valid: true, codebook: result.value, warnings: [...result.warnings, ...selfVetoingExclusions(result.value, file)] };
}

export interface LintOptions {
  readonly codebook: string;
  readonly paths: readonly string[];
  readonly cwd?: string;
  /** Default: turn. */
  readonly unit?: UnitKind;
  readonly interviewers?: readonly string[];
  /** Follow symbolic links out of the folders given; default: skip them, with a warning. */
  readonly followSymlinks?: boolean;
}

export interface LintResult {
  readonly codebook: Codebook;
  readonly lint: Lint;
}

/** What a codebook's terms do on a corpus. */
export async function lintCodebook(options: LintOptions, reporter: Reporter = silentReporter): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const codebook = await loadCodebook(options.codebook, cwd, reporter);
  const transcripts = await readTranscripts({ paths: options.paths, defaultLanguage: codebook.language, interviewers: options.interviewers ?? [], followSymlinks: options.followSymlinks === true }, cwd, reporter);
  const unit = options.unit ?? 'turn';
  const compiled = compileCodebook(codebook);
  const hits = await inCodingBatches(transcripts, (t) => hitsOf(t, compiled, unit), { compiled, unit, reporter, stage: 'Matching terms' });
  return { codebook, lint: lintAgainst(codebook, transcripts, unit, hits) };
}

export interface CodebookExportOptions {
  readonly cwd?: string;
  /** "collab-code X.Y.Z", the codebook's origin. */
  readonly generator?: string;
}

/** A YAML codebook as a REFI-QDA codebook (.qdc document). */
export async function exportCodebook(file: string, options: CodebookExportOptions = {}, reporter: Reporter = silentReporter): Promise<string> {
  const codebook = await loadCodebook(file, options.cwd ?? process.cwd(), reporter);
  return writeQdc(codebook, options.generator ?? 'collab-code');
}

export interface CodebookImportOptions {
  readonly cwd?: string;
  /** The language of the terms and of the codebook; default en. */
  readonly language?: Language;
  readonly generator?: string;
  /** The file the YAML will be written to, for the hint at its top. */
  readonly target?: string;
}

export interface CodebookImportResult {
  readonly codebook: Codebook;
  /** What did not carry over. */
  readonly notes: readonly string[];
  /** The YAML codebook, with its origin and the notes as comments. */
  readonly yaml: string;
}

/** Another tool's codebook (.qdc, .qdpx, quanteda .yml, LIWC .dic) as a YAML codebook, ready for terms. */
export async function importCodebook(file: string, options: CodebookImportOptions = {}): Promise<CodebookImportResult> {
  const read = await readForeignCodebook(file, options.cwd ?? process.cwd(), options.language ?? 'en');
  if (!read.ok) throw new InputError(read.problems);
  const { codebook, notes } = read.value;
  const name = file.split(/[\\/]/).at(-1) ?? file;
  const header = [
    `Imported from ${name} by ${options.generator ?? 'collab-code'}.`,
    ...(notes.length === 0 ? [] : ['Not carried over, or to check:', ...notes.map((n) => `- ${n}`)]),
    `Add terms, then check it with: collab-code codebook validate ${options.target ?? 'FILE'}`,
  ];
  return { codebook, notes, yaml: formatCodebookYaml(codebook, header) };
}
