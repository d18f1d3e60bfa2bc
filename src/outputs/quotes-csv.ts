// quotes.csv: the quotes the report shows, each traceable to its place in the transcript (turn, and the turn's time in
// the recording where the source has one), with the strength of the coding behind it (empty for a person's coding).
import type { Analysis } from '../core/analysis/analyze.js';
import { quoteText } from '../core/analysis/quotes.js';
import { strengthOf } from '../core/coding/strength.js';
import { formatTime } from '../core/transcripts/time.js';
import { formatCsv } from './csv.js';

export function formatQuotesCsv(analysis: Analysis): string {
  return formatCsv(
    ['quote_id', 'code_id', 'transcript', 'turn', 'time', 'speaker', 'strength', 'quote', 'start', 'end'],
    analysis.quotes.map((q) => [q.id, q.code.id, q.transcript, q.turn, q.coding.time === undefined ? '' : formatTime(q.coding.time), q.speaker, strengthOf(q.coding) ?? '', quoteText(q), q.start, q.end]),
  );
}
