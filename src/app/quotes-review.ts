// The quotes review use case: from an analyze output folder and the transcripts, a letter per interviewee and the
// review file to record their answers in, keeping every decision a review file there already holds.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { redact, type LeakCheck } from '../core/privacy/leak-check.js';
import { checkInTurn } from '../core/privacy/protect.js';
import type { CodePointOffset } from '../core/text/offsets.js';
import type { ReviewRow } from '../core/privacy/quote-review.js';
import { reviewLetters, reviewRows, type ReviewLetter } from '../core/privacy/review-round.js';
import { summaryOf } from '../core/transcripts/transcript.js';
import { readAnalysisOutputs } from '../io/read-analysis-outputs.js';
import { readQuoteReview } from '../io/read-privacy-files.js';
import type { OutputFile } from '../io/write-outputs.js';
import { OUTPUT_FILES } from '../outputs/names.js';
import { formatReviewCsv, formatReviewLetter } from '../outputs/review-letter.js';
import { PENDING_FILE } from './analyze.js';
import { readTranscripts, sourceOptions, type TranscriptSources } from './corpus.js';
import { InputError } from './errors.js';
import { loadLeakCheck, turnFinder } from './privacy.js';
import { silentReporter, type Reporter } from './reporter.js';

export const REVIEW_FILE = 'quote-review.csv';

export interface QuotesReviewOptions extends TranscriptSources {
  /** The folder analyze wrote. */
  readonly analysisDir: string;
  /** Where to write the letters and the review file. */
  readonly out: string;
  /** The transcripts analysed, for the sentences around each quote. */
  readonly transcripts: readonly string[];
  readonly cwd?: string;
  readonly interviewers?: readonly string[];
  readonly privateNames?: string;
}

export interface QuotesReviewResult {
  readonly letters: readonly ReviewLetter[];
  readonly rows: number;
  /** Decisions kept from a review file already in `out`. */
  readonly kept: number;
  readonly files: OutputFile[];
}

export async function reviewQuotes(options: QuotesReviewOptions, reporter: Reporter = silentReporter): Promise<QuotesReviewResult> {
  const cwd = options.cwd ?? process.cwd();
  const outputs = readAnalysisOutputs(options.analysisDir, cwd, OUTPUT_FILES.quotes, PENDING_FILE, OUTPUT_FILES.summary);
  if (!outputs.ok) throw new InputError(outputs.problems);
  const transcripts = await readTranscripts({ paths: options.transcripts, exclude: [options.analysisDir, options.out], defaultLanguage: outputs.value.language, interviewers: options.interviewers ?? [], ...sourceOptions(options) }, cwd, reporter);
  const byId = new Map(transcripts.map((t) => [t.id, t]));
  const missing = [...new Set(outputs.value.quotes.map((q) => q.transcript))].filter((id) => !byId.has(id));
  if (missing.length > 0) {
    reporter.warn([{ file: options.analysisDir, severity: 'warning', message: `quotes of ${missing.join(', ')} have no transcript among those given: their letters show no context`, hint: 'give the transcripts analyze read' }]);
  }

  let earlier: readonly ReviewRow[] = [];
  const earlierFile = path.join(options.out, REVIEW_FILE);
  if (existsSync(path.resolve(cwd, earlierFile))) {
    const read = readQuoteReview(earlierFile, cwd);
    if (!read.ok) throw new InputError(read.problems);
    earlier = read.value.rows;
  }

  let letters = reviewLetters(outputs.value.quotes, byId, earlier);
  // The sentences around a redacted quote are redacted too: a letter travels.
  if (outputs.value.redacted) {
    const languages = new Set(letters.map((l) => l.language));
    const redactedWith = (check: LeakCheck): ReviewLetter[] => {
      const findingsOf = checkInTurn(check, { languageOf: (id) => byId.get(id)?.language ?? 'en', turnOf: turnFinder(transcripts) });
      const redacted = (text: string, q: { transcript: string; start: CodePointOffset }) => redact(text, findingsOf(text, q.transcript, q.start));
      return letters.map((l) => ({ ...l, quotes: l.quotes.map((q) => ({ ...q, before: redacted(q.before, q), after: redacted(q.after, q) })) }));
    };
    const { check } = await loadLeakCheck(transcripts.map(summaryOf), options.privateNames, cwd, languages, (recording) => void redactedWith(recording));
    letters = redactedWith(check);
  }
  const rows = reviewRows(letters, earlier);
  const files: OutputFile[] = [...letters.map((l) => ({ name: `${safeFileName(l.transcript)}.md`, content: formatReviewLetter(l, outputs.value.title, outputs.value.redacted) })), { name: REVIEW_FILE, content: formatReviewCsv(rows) }];
  return { letters, rows: rows.length, kept: rows.filter((r) => r.decision !== undefined).length, files };
}

const safeFileName = (id: string): string => id.replace(/[^\p{L}\p{N}._-]+/gu, '_');
