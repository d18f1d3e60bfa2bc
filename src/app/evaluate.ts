// The evaluate use case: codes transcripts automatically and scores the result against gold human codings.
import { codeTranscript } from '../core/coding/code-transcript.js';
import { compileCodebook } from '../core/coding/compile-codebook.js';
import type { UnitKind } from '../core/coding/unit-kinds.js';
import type { ComparisonUnit } from '../core/reliability/coded-units.js';
import type { EvaluationUnit } from '../core/reliability/comparison-units.js';
import { evaluateCoding, type Evaluation } from '../core/reliability/evaluation.js';
import { inCodingBatches } from './coding-batches.js';
import { loadCodebook, readHumanCodings, readTranscripts, requireTerms, type HumanCodings } from './corpus.js';
import { silentReporter, type Reporter } from './reporter.js';


export interface EvaluateOptions {
  readonly paths: readonly string[];
  /** The gold codings file, coded by hand: a codings CSV or a REFI-QDA project (.qdpx). */
  readonly gold: string;
  readonly cwd?: string;
  /** Default: the bundled codebook. */
  readonly codebook?: string;
  /** Default: turn. */
  readonly unit?: EvaluationUnit;
  readonly columns?: readonly string[];
  readonly interviewers?: readonly string[];
  /** Folders holding sources that .qdpx projects keep outside their archive. */
  readonly sources?: readonly string[];
  /** Follow symbolic links out of the folders given; default: skip them, with a warning. */
  readonly followSymlinks?: boolean;
}

export interface EvaluateResult {
  readonly evaluation: Evaluation;
  readonly gold: HumanCodings;
}

export async function evaluate(options: EvaluateOptions, reporter: Reporter = silentReporter): Promise<EvaluateResult> {
  const cwd = options.cwd ?? process.cwd();
  const codebook = await loadCodebook(options.codebook, cwd, reporter);
  requireTerms(codebook, options.codebook);
  const transcripts = await readTranscripts(
    { paths: options.paths, exclude: [options.gold], defaultLanguage: codebook.language, interviewers: options.interviewers ?? [], sources: options.sources ?? [], followSymlinks: options.followSymlinks === true },
    cwd,
    reporter,
  );
  const gold = await readHumanCodings([options.gold], options.columns ?? [], transcripts, codebook, cwd, reporter, options.sources ?? []);
  const unit: ComparisonUnit = options.unit ?? 'turn';
  // A whole interview raises a code when one of its turns does, as in the report's counts.
  const codingUnit: UnitKind = unit === 'document' ? 'turn' : unit;
  const compiled = compileCodebook(codebook);
  const auto = (await inCodingBatches(transcripts, (t) => codeTranscript(t, compiled, codingUnit), { compiled, unit: codingUnit, reporter, stage: 'Coding transcripts' })).flat();
  return { evaluation: evaluateCoding(transcripts, codebook, auto, gold.placed.codings, unit), gold };
}
