// Human codings as QDA tools export them: a table with one row per coded segment. This turns the table's records
// into coding rows, whatever the columns are called, and says precisely what is wrong with a row that is unusable.
import { error, fail, ok, type Location, type Problem, type Result } from '../problem.js';
import type { Span } from '../text/sentences.js';
import { parseColumnMapping as parseMapping } from '../tables/column-mapping.js';
import type { Table } from '../tables/csv-table.js';

export const CODINGS_COLUMNS = ['transcript', 'code', 'turn', 'text', 'coder'] as const;
/** suggestions.csv's column where a person writes their name to accept a suggestion. */
export const ACCEPT_COLUMN = 'accept';
export type CodingsColumn = (typeof CODINGS_COLUMNS)[number];
/** Our column name → the name in the file, for files whose columns are called otherwise (--columns). */
export type ColumnMapping = Readonly<Partial<Record<CodingsColumn, string>>>;

/** A parsed CSV: its header and records, with the line each record starts on. */
export type CodingsTable = Table;

/**
 * Where a segment is: a turn, its text, or both (the text, searched for in that turn first); or, for a selection in
 * a project, its place in the transcript's text (UTF-16 offsets; empty for a selection of zero length) and its text.
 */
export type SegmentRef =
  | { readonly turn: number; readonly text?: undefined; readonly at?: undefined }
  | { readonly turn?: number; readonly text: string; readonly at?: undefined }
  | { readonly turn?: undefined; readonly text: string; readonly at: Span };

export interface CodingRow {
  readonly row: Location;
  readonly transcript: string;
  readonly code: string;
  readonly segment: SegmentRef;
  readonly coder: string;
  readonly memo?: string;
}

/** "transcript=document,text=segment" (repeatable) → a mapping; errors name the --columns option. */
export const parseColumnMapping = (specs: readonly string[]): Result<ColumnMapping> => parseMapping(specs, CODINGS_COLUMNS, '--columns');

/**
 * The coding rows of a table. `defaultCoder` names the coder of rows without a coder column or value (the file's
 * name, so that one file per coder needs no column). Fails with every unusable row listed, or when none is usable.
 */
export function codingRowsOf(table: CodingsTable, mapping: ColumnMapping, defaultCoder: string): Result<CodingRow[]> {
  const position = new Map(table.header.map((name, i) => [name.trim().toLowerCase(), i]));
  // A mapped name is looked for first, then our own, then the name in our outputs (codings.csv, suggestions.csv
  // say code_id): one --columns can serve files exported by different tools, and our files read back as they are.
  const columnOf = (column: CodingsColumn): number | undefined =>
    position.get((mapping[column] ?? column).trim().toLowerCase()) ?? position.get(column) ?? (column === 'code' ? position.get('code_id') : undefined);
  // suggestions.csv: a row counts only when a person accepted it, writing their name, and they are its coder.
  const acceptColumn = position.get(ACCEPT_COLUMN);
  const where = { file: table.file, line: 1 };
  const mapped = (c: CodingsColumn) => (mapping[c] === undefined ? `"${c}"` : `"${mapping[c]}" (for ${c})`);
  const missing = (['transcript', 'code'] as const).filter((c) => columnOf(c) === undefined);
  const columns = `its columns: ${table.header.join(', ')}`;
  if (missing.length > 0) {
    return fail([error(where, `no ${missing.map(mapped).join(' or ')} column`, `${columns}; name yours with --columns ${missing.map((c) => `${c}=NAME`).join(',')}`)]);
  }
  const turnColumn = columnOf('turn');
  const textColumn = columnOf('text');
  if (turnColumn === undefined && textColumn === undefined) {
    return fail([error(where, `no ${mapped('turn')} or ${mapped('text')} column to say where each segment is`, `${columns}; name one with --columns turn=NAME or text=NAME`)]);
  }
  const coderColumn = columnOf('coder');
  const transcriptColumn = columnOf('transcript')!;
  const codeColumn = columnOf('code')!;

  const rows: CodingRow[] = [];
  const problems: Problem[] = [];
  let declined = 0;
  for (const { line, cells } of table.records) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    if (acceptColumn !== undefined && cell(acceptColumn) === '') {
      declined++;
      continue;
    }
    const at = { file: table.file, line };
    const transcript = cell(transcriptColumn);
    const code = cell(codeColumn);
    const turnText = cell(turnColumn);
    const text = textColumn === undefined ? '' : (cells[textColumn] ?? '');
    if (transcript === '' || code === '') {
      problems.push(error(at, `no ${transcript === '' ? 'transcript' : 'code'} given`, 'fill it in or delete the row'));
      continue;
    }
    const turn = turnText === '' ? undefined : Number(turnText);
    if (turn !== undefined && !(Number.isInteger(turn) && turn >= 1)) {
      problems.push(error(at, `turn "${turnText}" is not a turn number`, 'turns are numbered from 1 in reading order, interviewer turns included, as in codings.csv'));
      continue;
    }
    const segment: SegmentRef | undefined = text.trim() !== '' ? { text, ...(turn === undefined ? {} : { turn }) } : turn !== undefined ? { turn } : undefined;
    if (segment === undefined) {
      problems.push(error(at, 'neither a turn nor a text says where the segment is', 'give the turn number or the coded text'));
      continue;
    }
    rows.push({ row: at, transcript, code, segment, coder: cell(acceptColumn) || cell(coderColumn) || defaultCoder });
  }
  if (problems.length > 0) return fail(problems);
  if (rows.length === 0 && declined > 0) return fail([error(where, `no codings: none of the ${declined} suggestions is accepted`, `write your name in the ${ACCEPT_COLUMN} column of the suggestions you take`)]);
  if (rows.length === 0) return fail([error(where, 'no codings: the file has a header but no rows', 'export the coded segments, one per row')]);
  return ok(rows);
}
