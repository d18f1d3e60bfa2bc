// suggestions.csv: for each unit no coding covers, up to three codes whose text is like it, with the words that make
// them alike. A person reads them and writes their name in `accept` to take one; the file is then a codings file
// (`analyze --codings suggestions.csv`: accepted rows only, that person as coder).
import type { Analysis } from '../core/analysis/analyze.js';
import type { Evidence } from '../core/suggestions/similarity.js';
import { formatCsv } from './csv.js';

export const SUGGESTIONS_HEADER = ['transcript', 'turn', 'start', 'end', 'rank', 'code_id', 'code_label', 'score', 'evidence', 'accept', 'text'];

/** "visas (terms); travel (definition, terms)": each shared word, strongest first, with the fields it came from. */
export const formatEvidence = (evidence: readonly Evidence[]): string => evidence.map((e) => `${e.word} (${e.fields.join(', ')})`).join('; ');

export function formatSuggestionsCsv(analysis: Analysis): string {
  const rows = (analysis.suggestions?.suggestions ?? []).map((s) => [s.transcript, s.turn, s.start, s.end, s.rank, s.code.id, s.code.label, s.score.toFixed(2), formatEvidence(s.evidence), '', s.text]);
  return formatCsv(SUGGESTIONS_HEADER, rows);
}
