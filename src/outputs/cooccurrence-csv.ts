// cooccurrence.csv: one row per pair of codes given to the same unit at least once, most shared units first.
import type { Analysis } from '../core/analysis/analyze.js';
import { formatCsv } from './csv.js';
import { rounded } from './figures.js';

export function formatCooccurrenceCsv(analysis: Analysis): string {
  return formatCsv(
    ['code_a', 'code_b', 'units', 'jaccard', 'label_a', 'label_b', 'example_transcript', 'example_turn'],
    analysis.cooccurrence.map((p) => [p.a.id, p.b.id, p.units, rounded(p.jaccard), p.a.label, p.b.label, p.example[0].transcript, p.example[0].turn]),
  );
}
