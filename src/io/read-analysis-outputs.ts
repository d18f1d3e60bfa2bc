// Reads back what `collab-code analyze` wrote, for the review round: the quotes chosen (published and awaiting
// approval) and, from summary.json, the codes' labels, the report's title and whether the quotes were redacted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appendAll } from '../core/collections.js';
import type { ChosenQuote } from '../core/privacy/review-round.js';
import { error, fail, ok, type Problem, type Result } from '../core/problem.js';
import { isLanguage, type Language } from '../core/text/language.js';
import type { CodePointOffset } from '../core/text/offsets.js';
import { readCsvTable } from './read-csv.js';

export interface AnalysisOutputs {
  readonly title: string;
  /** The codebook's language: that of transcripts that name none. */
  readonly language: Language;
  readonly redacted: boolean;
  readonly quotes: readonly ChosenQuote[];
}

const QUOTE_COLUMNS = ['quote_id', 'code_id', 'transcript', 'turn', 'quote', 'start', 'end'];

/** `quotesFile` and `pendingFile` are analyze's quotes.csv and quotes-pending-review.csv (the latter may be absent). */
export function readAnalysisOutputs(dir: string, cwd: string, quotesFile: string, pendingFile: string, summaryFile: string): Result<AnalysisOutputs> {
  const at = (name: string): string => path.join(dir, name);
  const problems: Problem[] = [];
  let summary: { codebook?: { title?: string; language?: string }; codes?: { id: string; label: string }[]; quotes?: { leak_check?: { redacted?: string } | null } } = {};
  try {
    summary = JSON.parse(readFileSync(path.resolve(cwd, at(summaryFile)), 'utf8')) as typeof summary;
  } catch (e) {
    problems.push(error({ file: at(summaryFile) }, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`, 'give the folder collab-code analyze wrote (its --out)'));
  }
  const labelOf = new Map((summary.codes ?? []).map((c) => [c.id, c.label]));
  const quotes: ChosenQuote[] = [];
  const read = (name: string, pending: boolean): void => {
    const table = readCsvTable(at(name), cwd, 'quotes file', 'run collab-code analyze again');
    if (!table.ok) return void appendAll(problems, table.problems);
    const column = new Map(table.value.header.map((h, i) => [h.trim(), i]));
    const missing = QUOTE_COLUMNS.filter((c) => !column.has(c));
    if (missing.length > 0) return void problems.push(error({ file: at(name), line: 1 }, `lacks the columns ${missing.join(', ')}`, 'it was written by an older collab-code: run collab-code analyze again'));
    for (const { cells } of table.value.records) {
      const get = (c: string): string => cells[column.get(c)!] ?? '';
      quotes.push({
        id: get('quote_id'),
        codeId: get('code_id'),
        codeLabel: labelOf.get(get('code_id')) ?? get('code_id'),
        transcript: get('transcript'),
        turn: Number(get('turn')),
        // The CSV guards cells a spreadsheet would run as formulas with an apostrophe; the quote itself has none.
        quote: get('quote').replace(/^'(?=[=+\-@\t\r])/, ''),
        start: Number(get('start')) as CodePointOffset,
        end: Number(get('end')) as CodePointOffset,
        pending,
      });
    }
  };
  read(quotesFile, false);
  if (existsSync(path.resolve(cwd, at(pendingFile)))) read(pendingFile, true);
  if (problems.length > 0) return fail(problems);
  return ok({
    title: summary.codebook?.title ?? 'Coding report',
    language: isLanguage(summary.codebook?.language) ? summary.codebook.language : 'en', redacted: (summary.quotes?.leak_check?.redacted ?? 'none') !== 'none', quotes });
}
