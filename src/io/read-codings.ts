// Reads a human codings file (CSV) into coding rows: the file system and CSV parsing here, the meaning of the
// columns in the core (core/codings/codings-table.ts).
import path from 'node:path';
import { codingRowsOf, type CodingRow, type ColumnMapping } from '../core/codings/codings-table.js';
import type { Result } from '../core/problem.js';
import { readCsvTable } from './read-csv.js';

/** The rows of a codings file; the coder of rows that name none is the file's name without extension. */
export function readCodings(file: string, cwd: string, mapping: ColumnMapping): Result<CodingRow[]> {
  const table = readCsvTable(file, cwd, 'codings file', 'the coded segments');
  if (!table.ok) return table;
  return codingRowsOf(
    table.value,
    mapping,
    path.basename(file, path.extname(file)),
  );
}
