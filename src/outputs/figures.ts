// How reliability figures and units read in every output format, so tables, CSV and JSON say the same thing.
import type { ComparisonUnit } from '../core/reliability/coded-units.js';
import type { Figures } from '../core/reliability/agreement.js';
import type { Figure } from '../core/reliability/measures.js';

/** κ and α to 3 decimals, as the literature reports them; percentages to 1. */
export const coefficient = (figure: Figure): string => (figure.defined ? figure.value.toFixed(3) : 'undefined');
export const percentage = (figure: Figure): string => (figure.defined ? `${(figure.value * 100).toFixed(1)}%` : 'undefined');
/** For JSON and CSV: 4 decimals, enough to recompute a rounding, and the same on every machine. */
export const rounded = (value: number): number => Math.round(value * 10_000) / 10_000;
export const figureJson = (figure: Figure) => (figure.defined ? { value: rounded(figure.value) } : { value: null, undefined: figure.reason });

export const UNIT_NAMES: Record<ComparisonUnit, string> = {
  document: 'interview (whole transcript)',
  turn: 'respondent turn',
  paragraph: 'paragraph of a respondent turn',
  sentence: 'sentence of a respondent turn',
  character: 'character of respondent text (Unicode code point)',
};

export const FORMULAS = {
  percent: 'Percent agreement: per unit, the share of coder pairs giving the same value, averaged over units with two or more values (two coders: the share of units coded alike).',
  cohen: "Cohen's κ (two coders): (pₒ − pₑ) / (1 − pₑ), pₒ the share of units coded alike, pₑ = Σ p₁(c)·p₂(c) from each coder's own distribution of values.",
  fleiss: "Fleiss' κ (three or more coders): (P̄ − P̄ₑ) / (1 − P̄ₑ) over units every coder coded, P̄ the mean share of agreeing coder pairs, P̄ₑ = Σ p(c)².",
  alpha: "Krippendorff's α (nominal, any number of coders, missing values allowed): 1 − Dₒ/Dₑ from the coincidence matrix: 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.",
} as const;

/** A set of figures as JSON: percentages 0–100, coefficients, each with why when undefined; absent when not applicable. */
export const figuresJson = (f: Figures) => ({
  units: f.units,
  percent_agreement: f.percent.defined ? { value: rounded(f.percent.value * 100) } : figureJson(f.percent),
  ...(f.cohen === undefined ? {} : { cohen_kappa: figureJson(f.cohen) }),
  ...(f.fleiss === undefined ? {} : { fleiss_kappa: figureJson(f.fleiss) }),
  krippendorff_alpha: figureJson(f.alpha),
});
