// codings.csv: one row per unit × code, every automatic coding with the terms that produced it.
import type { Analysis } from '../core/analysis/analyze.js';
import { formatCsv } from './csv.js';

export const CODINGS_HEADER = ['transcript', 'turn', 'speaker', 'code_id', 'code_label', 'type', 'category', 'score', 'matched_terms', 'start', 'end', 'text'];

export function formatCodingsCsv(analysis: Analysis): string {
  return formatCsv(
    CODINGS_HEADER,
    analysis.codings.map((c) => [c.transcript, c.turn, c.speaker, c.code.id, c.code.label, c.code.type, c.code.category, c.score, c.matchedTerms.join('; '), c.start, c.end, c.text]),
  );
}
