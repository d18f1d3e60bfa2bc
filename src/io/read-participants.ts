// Reads a participants table: a .csv (or .tsv), or the first sheet of an .xlsx through exceljs, loaded only then.
import path from 'node:path';
import { error, fail, ok, type Result } from '../core/problem.js';
import { parseCsvTable } from '../core/tables/csv-table.js';
import type { ParticipantsTable } from '../core/transcripts/participants.js';
import { attributeRecord } from '../core/transcripts/transcript.js';
import { decodeTextFile } from '../formats/reader.js';
import { readBytes } from './read-bytes.js';

export async function readParticipants(file: string, cwd: string): Promise<Result<ParticipantsTable>> {
  const read = readBytes(file, cwd, 'participants table');
  if (!read.ok) return read;
  const bytes = read.value;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx') return readSheet(bytes, file);
  if (extension !== '.csv' && extension !== '.tsv') {
    return fail([error({ file }, 'a participants table must be a .csv, .tsv or .xlsx file', extension === '.xls' || extension === '.ods' ? 'save it as .xlsx or .csv' : undefined)]);
  }
  const text = decodeTextFile(bytes, file);
  if (!text.ok) return text;
  const table = parseCsvTable(text.value, file, 'the participants');
  if (!table.ok) return table;
  const columns = table.value.header.map((c) => c.trim());
  return ok({
    file,
    columns: columns.filter((c) => c !== ''),
    rows: table.value.records.map(({ line, cells }) => ({ line, values: valuesOf(columns, cells.map((c) => c.trim())) })),
  });
}

/** The cells of a row by column name, columns without a name left out. */
function valuesOf(columns: readonly string[], cells: readonly string[]): Record<string, string> {
  const values = attributeRecord();
  columns.forEach((column, i) => {
    if (column !== '' && !(column in values)) values[column] = cells[i] ?? '';
  });
  return values;
}

async function readSheet(bytes: Uint8Array, file: string): Promise<Result<ParticipantsTable>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return fail([error({ file }, `not a readable .xlsx workbook: ${(e as Error).message}`, 'open it in a spreadsheet and save it again as .xlsx, or export the sheet as .csv')]);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined || sheet.rowCount === 0) return fail([error({ file }, 'the first sheet is empty', 'put the participants on the first sheet, with a header row')]);
  // Rows and columns as the spreadsheet numbers them; the header is the first row that holds anything.
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => void (cells[column - 1] = cellText(cell.value)));
    rows.push({ line, cells: Array.from(cells, (c) => (c ?? '').trim()) });
  });
  const [header, ...records] = rows;
  const columns = header!.cells;
  return ok({ file, columns: columns.filter((c) => c !== ''), rows: records.map(({ line, cells }) => ({ line, values: valuesOf(columns, cells) })) });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A cell as text. Spreadsheets store dates and times as day counts; exceljs gives those cells as Dates (in UTC), written
 * here as 2023-05-14, 14:30 or 2023-05-14 14:30, never as serial numbers.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const seconds = value.getUTCSeconds();
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
    // Excel's day 0 (1899-12-30) holds times of day without a date.
    if (date === '1899-12-30') return time;
    return time === '00:00' ? date : `${date} ${time}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText !== undefined) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(value);
}
