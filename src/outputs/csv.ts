// CSV as every output writes it: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row, formula-safe cells.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;

// A cell a spreadsheet would evaluate as a formula (CSV injection) is prefixed with an apostrophe,
// which spreadsheets show as text. Numbers we write are never negative, so they are left alone.
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (cell: Cell): Cell => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell);

export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header.map(neutraliseFormula), ...rows.map((row) => row.map(neutraliseFormula))], {
    record_delimiter: '\r\n',
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not one holding a bare LF,
    // which every multi-line turn does: quote those too, as RFC 4180 requires.
    // (Strings, not a regex: csv-stringify tests them with indexOf, which is faster on long turns.)
    quoted_match: ['\n', '\r'],
  });
}

/** The byte-order mark Excel needs to read a CSV opened by double-click as UTF-8 rather than the system's code page. */
export const EXCEL_BOM = '\uFEFF';

/** A CSV file's content for Excel (--excel): with the byte-order mark. Records already end with CRLF. */
export const forExcel = (csv: string): string => (csv.startsWith(EXCEL_BOM) ? csv : `${EXCEL_BOM}${csv}`);
