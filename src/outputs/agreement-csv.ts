// The agreement figures as CSV: one row per code, then the pooled row and (when it applies) the one-value-per-unit row.
import type { Agreement, Figures } from '../core/reliability/agreement.js';
import type { Figure } from '../core/reliability/measures.js';
import { formatCsv, type Cell } from './csv.js';
import { rounded } from './figures.js';

export function formatAgreementCsv(agreement: Agreement): string {
  // The unit is in every row, so the table says what it counts wherever it is pasted.
  const header = ['code_id', 'code_label', 'unit', 'units', ...agreement.coders.map((c) => `coded_by[${c}]`), 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'notes'];
  const row = (id: string, label: string, codedBy: readonly Cell[], f: Figures): Cell[] => {
    const notes: string[] = [];
    const cell = (name: string, figure: Figure | undefined, scale = 1): Cell => {
      if (figure === undefined) return '';
      if (figure.defined) return rounded(figure.value * scale);
      notes.push(`${name} undefined: ${figure.reason}`);
      return 'undefined';
    };
    const figures = [cell('percent agreement', f.percent, 100), cell("Cohen's kappa", f.cohen), cell("Fleiss' kappa", f.fleiss), cell("Krippendorff's alpha", f.alpha)];
    return [id, label, agreement.unit, f.units, ...codedBy, ...figures, notes.join('; ')];
  };
  const blank = agreement.coders.map(() => '');
  const rows = agreement.codes.map((c) => row(c.code.id, c.code.label, c.codedBy, c.figures));
  rows.push(row('(all codes)', 'presence or absence, pooled over unit × code', blank, agreement.overall));
  if (!('notApplicable' in agreement.nominal)) rows.push(row('(one code per unit)', 'the code as one nominal value per unit', blank, agreement.nominal));
  return formatCsv(header, rows);
}
