// unplaced-codings.csv: the human-coded segments that could not be placed in their transcripts, and why.
import type { PlacedCodings } from '../core/codings/place-codings.js';
import { formatCsv } from './csv.js';

export function formatUnplacedCsv(placed: PlacedCodings): string {
  return formatCsv(
    ['file', 'line', 'transcript', 'code', 'coder', 'turn', 'text', 'reason'],
    placed.unplaced.map((u) => [u.row.file, u.row.line ?? '', u.transcript, u.code, u.coder, u.turn ?? '', u.text ?? '', u.reason]),
  );
}
