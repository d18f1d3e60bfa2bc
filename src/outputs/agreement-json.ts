// The agreement figures as JSON for other tools: every figure with its unit, formula and, when undefined, why.
import type { Agreement } from '../core/reliability/agreement.js';
import { figuresJson, FORMULAS, UNIT_NAMES } from './figures.js';
import type { OutputContext } from './output.js';

export const AGREEMENT_SCHEMA_VERSION = 1;

export function formatAgreementJson(agreement: Agreement, context: OutputContext): string {
  const json = {
    schema_version: AGREEMENT_SCHEMA_VERSION,
    generator: context.generator,
    unit: agreement.unit,
    unit_name: UNIT_NAMES[agreement.unit],
    coders: agreement.coders,
    units: agreement.units,
    formulas: FORMULAS,
    codes: agreement.codes.map((c) => ({
      id: c.code.id,
      label: c.code.label,
      coded_by: Object.fromEntries(agreement.coders.map((coder, i) => [coder, c.codedBy[i]])),
      ...figuresJson(c.figures),
    })),
    unused_codes: agreement.unusedCodes.map((c) => c.id),
    overall: { definition: 'presence or absence of each code, pooled over unit × code', ...figuresJson(agreement.overall) },
    one_code_per_unit: 'notApplicable' in agreement.nominal ? { not_applicable: agreement.nominal.notApplicable } : figuresJson(agreement.nominal),
    pairs: agreement.pairs.map((p) => ({ coders: p.coders, ...figuresJson(p.figures) })),
    uncoded_transcripts: agreement.uncoded,
    disagreements: agreement.disagreements.map((d) => ({
      transcript: d.unit.transcript,
      ...(d.unit.turn === undefined ? {} : { turn: d.unit.turn }),
      start: d.unit.start,
      end: d.unit.end,
      code: d.code.id,
      coded_by: d.codedBy,
      not_coded_by: d.notCodedBy,
      text: d.text,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
