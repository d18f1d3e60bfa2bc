// Reads a CSV file a person made or a spreadsheet exported (UTF-8; comma, semicolon or tab), each record with the
// line it starts on, for messages.
import { error, fail, type Result } from '../core/problem.js';
import { parseCsvTable, type Table } from '../core/tables/csv-table.js';
import { decodeUtf8 } from '../core/text/decode.js';
import { readBytes } from './read-bytes.js';

/** `what` names the file in messages ("codings file"); `contents` what it holds ("the coded segments"). */
export function readCsvTable(file: string, cwd: string, what: string, contents: string): Result<Table> {
  const bytes = readBytes(file, cwd, what);
  if (!bytes.ok) return bytes;
  const decoded = decodeUtf8(bytes.value);
  if (!decoded.ok) return fail([error({ file }, `invalid UTF-8 at byte ${decoded.byteOffset}`, `save the ${what} as UTF-8 CSV`)]);
  return parseCsvTable(decoded.text, file, contents);
}
