// Reads a human codings file (CSV) into coding rows: the file system and CSV parsing here, the meaning of the
// columns in the core (core/codings/codings-table.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { codingRowsOf, type CodingRow, type ColumnMapping } from '../core/codings/codings-table.js';
import { error, fail, type Result } from '../core/problem.js';
import { decodeUtf8 } from '../core/text/decode.js';

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** The rows of a codings file; the coder of rows that name none is the file's name without extension. */
export function readCodings(file: string, cwd: string, mapping: ColumnMapping): Result<CodingRow[]> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.resolve(cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([error({ file }, code === 'ENOENT' ? 'no such codings file' : `cannot read: ${code ?? (e as Error).message}`)]);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail([error({ file }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'export the codings as UTF-8 CSV')]);
  let records: ParsedRecord[];
  try {
    // Line ends are LF after decoding, so csv-parse's line count is the file's.
    records = parse(decoded.text, { info: true, relax_column_count: true, delimiter: sniffDelimiter(decoded.text) }) as unknown as ParsedRecord[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return fail([error({ file, ...(line === undefined ? {} : { line }) }, `not valid CSV: ${(e as Error).message.replace(/^[A-Za-z_ ]*: /, '')}`, 'check the quoting of that row')]);
  }
  const [header, ...rest] = records;
  if (header === undefined) return fail([error({ file }, 'the file is empty', 'export the coded segments as CSV with a header row')]);
  return codingRowsOf(
    {
      file,
      header: header.record,
      // info.lines is where a record ends; a record with line breaks in its fields starts that many lines earlier.
      records: rest.map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0), cells: record })),
    },
    mapping,
    path.basename(file, path.extname(file)),
  );
}

/** Spreadsheets in many locales export with semicolons or tabs: take whichever the header line uses most. */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}
