// saturation.csv: one row per interview, in the interviews' order (by id): the codes it raised first, the codes
// raised so far, and the mean of that over seeded random orders.
import type { Analysis } from '../core/analysis/analyze.js';
import { formatCsv } from './csv.js';
import { rounded } from './figures.js';

export function formatSaturationCsv(analysis: Analysis): string {
  // The mean is over RANDOM_ORDERS orders drawn with ORDER_SEED (core/analysis/saturation.ts; the report states both).
  return formatCsv(
    ['position', 'transcript', 'new_codes', 'cumulative_codes', 'mean_cumulative_codes_random_orders'],
    analysis.saturation.steps.map((s) => [s.position, s.transcript, s.newCodes, s.cumulativeCodes, rounded(s.randomMeanCodes)]),
  );
}
