// Reads a human codings file (CSV) into coding rows: the file system and CSV parsing here, the meaning of the
// columns in the core (core/codings/codings-table.ts).
import path from 'node:path';
import { codingRowsOf, type CodingRow, type ColumnMapping } from '../core/codings/codings-table.js';
import { error, fail, type Result } from '../core/problem.js';
import { parseCsvTable } from '../core/tables/csv-table.js';
import { decodeUtf8 } from '../core/text/decode.js';
import { readBytes } from './read-bytes.js';

/** The rows of a codings file; the coder of rows that name none is the file's name without extension. */
export function readCodings(file: string, cwd: string, mapping: ColumnMapping): Result<CodingRow[]> {
  const bytes = readBytes(file, cwd, 'codings file');
  if (!bytes.ok) return bytes;
  const decoded = decodeUtf8(bytes.value);
  if (!decoded.ok) return fail([error({ file }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'export the codings as UTF-8 CSV')]);
  const table = parseCsvTable(decoded.text, file, 'the coded segments');
  if (!table.ok) return table;
  return codingRowsOf(
    table.value,
    mapping,
    path.basename(file, path.extname(file)),
  );
}
