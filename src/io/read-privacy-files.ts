// Reads the files the leak check and the review round take: a private names list and a quote review file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { namesFromList, type KnownName } from '../core/privacy/known-names.js';
import { parseQuoteReview, REVIEW_COLUMNS, type QuoteReview } from '../core/privacy/quote-review.js';
import { error, fail, ok, type Result } from '../core/problem.js';
import { decodeUtf8 } from '../core/text/decode.js';
import { readCsvTable } from './read-csv.js';

/** A private names list: one name per line, # comments. */
export async function readPrivateNames(file: string, cwd: string): Promise<Result<KnownName[]>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([error({ file }, code === 'ENOENT' ? 'no such private names file' : `cannot read: ${code ?? (e as Error).message}`, 'give a text file with one name per line')]);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail([error({ file }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'save the list as UTF-8')]);
  return ok(namesFromList(decoded.text, path.basename(file)));
}

/** A quote review file, as `collab-code quotes review` writes it and the researcher fills it in. */
export function readQuoteReview(file: string, cwd: string): Result<QuoteReview> {
  const table = readCsvTable(file, cwd, 'quote review file', 'the review decisions');
  if (!table.ok) return table;
  const header = table.value.header.map((h) => h.trim().toLowerCase());
  const missing = ['quote_id', 'decision'].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return fail([error({ file, line: 1 }, `the header lacks ${missing.join(' and ')}`, `the columns are ${REVIEW_COLUMNS.join(', ')}, as collab-code quotes review writes them`)]);
  }
  const rows = table.value.records.map(({ line, cells }) => ({ line, cells: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) }));
  return parseQuoteReview(file, rows);
}
