// quotes.csv: the quotes the report shows, each traceable to its place in the transcript.
import type { Analysis } from '../core/analysis/analyze.js';
import { formatCsv } from './csv.js';

export function formatQuotesCsv(analysis: Analysis): string {
  return formatCsv(
    ['quote_id', 'code_id', 'transcript', 'turn', 'speaker', 'quote', 'start', 'end'],
    analysis.quotes.map((q) => [q.id, q.code.id, q.transcript, q.turn, q.speaker, q.text, q.start, q.end]),
  );
}
