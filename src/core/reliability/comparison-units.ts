// The units codings can be compared on: apart from coded-units.ts so the CLI can list them without loading coding.
import { UNIT_KINDS } from '../coding/unit-kinds.js';

/** A coding unit, each whole interview, or each character of respondent text. */
export const COMPARISON_UNITS = ['document', ...UNIT_KINDS, 'character'] as const;
export type ComparisonUnit = (typeof COMPARISON_UNITS)[number];

/** Units `evaluate` compares on: a coding unit, or each whole interview (coded turn by turn). */
export const EVALUATION_UNITS = ['document', ...UNIT_KINDS] as const;
export type EvaluationUnit = (typeof EVALUATION_UNITS)[number];
