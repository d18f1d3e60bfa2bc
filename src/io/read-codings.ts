// Reads a human codings file (CSV) into coding rows: the file system and CSV parsing here, the meaning of the
// columns in the core (core/codings/codings-table.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codingRowsOf, type CodingRow, type ColumnMapping } from '../core/codings/codings-table.js';
import { error, fail, type Result } from '../core/problem.js';
import { parseCsvTable } from '../core/tables/csv-table.js';
import { decodeUtf8 } from '../core/text/decode.js';

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
  const table = parseCsvTable(decoded.text, file, 'the coded segments');
  if (!table.ok) return table;
  return codingRowsOf(
    table.value,
    mapping,
    path.basename(file, path.extname(file)),
  );
}
