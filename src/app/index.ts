// collab-code as a library: the use cases the CLI runs, each taking options and returning results. Nothing here
// prints or exits; warnings and progress go to an optional Reporter, bad input is thrown as an InputError.
export { analyze, PENDING_FILE, PROJECT_FILE, UNPLACED_FILE, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
export { analyzeShard, merge, type MergeOptions, type ShardResult } from './shards.js';
export { anonymise, PSEUDONYMS_FILE, type AnonymiseOptions, type AnonymiseResult, type AnonymisedFile } from './anonymise.js';
export { reviewQuotes, REVIEW_FILE, type QuotesReviewOptions, type QuotesReviewResult } from './quotes-review.js';
export { agreement, type AgreementOptions, type AgreementResult } from './agreement.js';
export { evaluate, type EvaluateOptions, type EvaluateResult } from './evaluate.js';
export {
  exportCodebook,
  importCodebook,
  lintCodebook,
  suggestTerms,
  validateCodebook,
  type CodebookExportOptions,
  type CodebookImportOptions,
  type CodebookImportResult,
  type CodebookValidation,
  type LintOptions,
  type LintResult,
  type SuggestTermsOptions,
  type SuggestTermsResult,
} from './codebook.js';
export { InputError } from './errors.js';
export { DEFAULT_CODING_BUDGET, type CodingBudget } from './coding-batches.js';
export { Interrupted } from './time-budget.js';
export { collectingReporter, silentReporter, type Progress, type Reporter } from './reporter.js';
export { compareOutputs, writeOutputFile, writeOutputs, type OutputFile, type StaleFile } from '../io/write-outputs.js';
export { OUTPUT_FILES, OUTPUT_NAMES, type OutputName } from '../outputs/names.js';

export type { Analysis, CodeFrequency, InterviewSummary } from '../core/analysis/analyze.js';
export { quoteText, type Quote } from '../core/analysis/quotes.js';
export type { Finding, FindingKind } from '../core/privacy/findings.js';
export type { LeakReport, RedactScope } from '../core/privacy/protect.js';
export type { Consent } from '../core/privacy/consent.js';
export type { Code, Codebook, Category, CodeType } from '../core/codebook/codebook.js';
export type { AutoCoding, AutoCodingMark, Coding, CodingMark, HumanCoding } from '../core/coding/coding.js';
export type { Lint, LintFinding } from '../core/coding/lint.js';
export type { SuggestedTerms, SuggestedTerm, CodeTerms } from '../core/suggestions/suggest-terms.js';
export type { Suggestion, Suggestions } from '../core/suggestions/suggest-codes.js';
export type { UnitKind } from '../core/coding/unit-kinds.js';
export type { Shard } from '../core/shards/shard.js';
export type { Problem, Location } from '../core/problem.js';
export type { Agreement } from '../core/reliability/agreement.js';
export type { Evaluation } from '../core/reliability/evaluation.js';
export type { ComparisonUnit, EvaluationUnit } from '../core/reliability/comparison-units.js';
export type { InterviewerRecognition, ParticipantRow, SpeakerTally, Transcript, Turn } from '../core/transcripts/transcript.js';
export type { Seconds } from '../core/transcripts/time.js';
