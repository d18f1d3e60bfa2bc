// The codebook use cases: validating a codebook file, and linting it against a corpus.
import type { Codebook } from '../core/codebook/codebook.js';
import { selfVetoingExclusions } from '../core/coding/diagnostics.js';
import { lintCodebook as lintAgainst, type Lint } from '../core/coding/lint.js';
import type { UnitKind } from '../core/coding/unit-kinds.js';
import type { Problem } from '../core/problem.js';
import { readCodebook } from '../io/read-codebook.js';
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
}

export interface LintResult {
  readonly codebook: Codebook;
  readonly lint: Lint;
}

/** What a codebook's terms do on a corpus. */
export async function lintCodebook(options: LintOptions, reporter: Reporter = silentReporter): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const codebook = await loadCodebook(options.codebook, cwd, reporter);
  const transcripts = await readTranscripts({ paths: options.paths, defaultLanguage: codebook.language, interviewers: options.interviewers ?? [] }, cwd, reporter);
  return { codebook, lint: lintAgainst(codebook, transcripts, options.unit ?? 'turn') };
}
