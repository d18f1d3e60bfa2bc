// The disagreements between coders, one row per unit × code, for reconciling in a spreadsheet.
import type { Agreement } from '../core/reliability/agreement.js';
import { formatCsv } from './csv.js';

export function formatDisagreementsCsv(agreement: Agreement): string {
  return formatCsv(
    ['transcript', 'turn', 'start', 'end', 'code_id', 'code_label', 'coded_by', 'not_coded_by', 'text'],
    agreement.disagreements.map((d) => [d.unit.transcript, d.unit.turn ?? '', d.unit.start, d.unit.end, d.code.id, d.code.label, d.codedBy.join('; '), d.notCodedBy.join('; '), d.text]),
  );
}
