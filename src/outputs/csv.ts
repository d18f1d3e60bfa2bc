// CSV as every output writes it: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row, formula-safe cells.
import { stringify } from 'csv-stringify/sync';
import type { OutputContent } from './output.js';

export type Cell = string | number;

// A cell a spreadsheet would evaluate as a formula (CSV injection) is prefixed with an apostrophe,
// which spreadsheets show as text. Numbers we write are never negative, so they are left alone.
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (cell: Cell): Cell => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell);

const OPTIONS = {
  record_delimiter: '\r\n',
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not one holding a bare LF,
  // which every multi-line turn does: quote those too, as RFC 4180 requires.
  // (Strings, not a regex: csv-stringify tests them with indexOf, which is faster on long turns.)
  quoted_match: ['\n', '\r'],
};

export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header.map(neutraliseFormula), ...rows.map((row) => row.map(neutraliseFormula))], OPTIONS);
}

// A chunk ends after this many rows or characters, whichever comes first: enough that stringify's per-call cost
// vanishes, little enough that chunks stay small even when cells hold whole turns (a turn can be a 200 MB line).
const ROWS_PER_CHUNK = 1000;
const CHARS_PER_CHUNK = 1 << 20;

/** The same text as formatCsv, as chunks of rows made as they are read: for tables too large for one string. */
export function* formatCsvChunks<T>(header: readonly string[], items: Iterable<T>, row: (item: T) => readonly Cell[]): Generator<string> {
  yield stringify([header.map(neutraliseFormula)], OPTIONS);
  let batch: Cell[][] = [];
  let chars = 0;
  for (const item of items) {
    const cells = row(item).map(neutraliseFormula);
    batch.push(cells);
    for (const cell of cells) chars += typeof cell === 'string' ? cell.length : 8;
    if (batch.length === ROWS_PER_CHUNK || chars >= CHARS_PER_CHUNK) {
      yield stringify(batch, OPTIONS);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield stringify(batch, OPTIONS);
}

/** The byte-order mark Excel needs to read a CSV opened by double-click as UTF-8 rather than the system's code page. */
export const EXCEL_BOM = '\uFEFF';

/** A CSV file's content for Excel (--excel): with the byte-order mark. Records already end with CRLF. */
export function forExcel(csv: OutputContent): OutputContent {
  if (typeof csv === 'string') return csv.startsWith(EXCEL_BOM) ? csv : `${EXCEL_BOM}${csv}`;
  if (csv instanceof Uint8Array) return csv;
  return (function* () {
    yield EXCEL_BOM;
    yield* csv;
  })();
}
