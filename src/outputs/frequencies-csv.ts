// frequencies.csv: one row per codebook code, never-raised codes included, with breakdowns by attribute.
import type { Analysis } from '../core/analysis/analyze.js';
import { formatCsv } from './csv.js';

/** The header of a breakdown column: interviews raising the code among those with attribute = value. */
export const breakdownColumn = (attribute: string, value: string): string => `interviews[${attribute}=${value}]`;

export function formatFrequenciesCsv(analysis: Analysis): string {
  const first = analysis.frequencies[0];
  const extra = first === undefined ? [] : first.breakdown.map((b) => breakdownColumn(b.attribute, b.value));
  // Beside human codings, the automatic coding's counts come last, so the human columns keep their places.
  const auto = analysis.autoFrequencies;
  return formatCsv(
    ['code_id', 'label', 'type', 'category', 'interviews', 'interviews_pct', 'mentions', ...extra, ...(auto === undefined ? [] : ['auto_interviews', 'auto_interviews_pct', 'auto_mentions'])],
    analysis.frequencies.map((f, i) => [
      f.code.id,
      f.code.label,
      f.code.type,
      f.code.category,
      f.interviews,
      f.interviewsPct,
      f.mentions,
      ...f.breakdown.map((b) => b.interviews),
      ...(auto === undefined ? [] : [auto[i]!.interviews, auto[i]!.interviewsPct, auto[i]!.mentions]),
    ]),
  );
}
