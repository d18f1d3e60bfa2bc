// A CSV or TSV as a table: its header and records, each with the line it starts on, for messages that name rows.
import { parse } from 'csv-parse/sync';
import { error, fail, ok, type Result } from '../problem.js';

export interface Table {
  readonly file: string;
  readonly header: readonly string[];
  readonly records: readonly TableRecord[];
}

export interface TableRecord {
  /** The file line the record starts on (1-based; the header is line 1). */
  readonly line: number;
  readonly cells: readonly string[];
}

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Parses normalised text (LF line ends) as CSV; the delimiter is sniffed from the header line. */
export function parseCsvTable(text: string, file: string, what: string): Result<Table> {
  let records: ParsedRecord[];
  try {
    // Line ends are LF after decoding, so csv-parse's line count is the file's.
    records = parse(text, { info: true, relax_column_count: true, delimiter: sniffDelimiter(text) }) as unknown as ParsedRecord[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return fail([error({ file, ...(line === undefined ? {} : { line }) }, `not valid CSV: ${(e as Error).message.replace(/^[A-Za-z_ ]*: /, '')}`, 'check the quoting of that row')]);
  }
  const [header, ...rest] = records;
  if (header === undefined) return fail([error({ file }, 'the file is empty', `export ${what} as CSV with a header row`)]);
  return ok({
    file,
    header: header.record,
    // info.lines is where a record ends; a record with line breaks in its fields starts that many lines earlier.
    records: rest.map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0), cells: record })),
  });
}

/** Spreadsheets in many locales export with semicolons or tabs: take whichever the header line uses most. */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** Finds columns by name, case and surrounding spaces ignored. */
export function columnFinder(header: readonly string[]): (name: string) => number | undefined {
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!position.has(key)) position.set(key, i);
  });
  return (name) => position.get(name.trim().toLowerCase());
}
