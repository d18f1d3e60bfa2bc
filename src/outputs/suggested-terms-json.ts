// `codebook suggest-terms` as JSON, for tools.
import type { SuggestedTerms } from '../core/suggestions/suggest-terms.js';
import { STATISTIC } from './suggested-terms-md.js';

export const SUGGESTED_TERMS_SCHEMA_VERSION = 1;

export function formatSuggestedTermsJson(suggested: SuggestedTerms): string {
  const json = {
    schema_version: SUGGESTED_TERMS_SCHEMA_VERSION,
    statistic: STATISTIC,
    unit: suggested.unit,
    units: suggested.units,
    codes: suggested.codes.map((c) => ({
      code: c.code.id,
      language: c.language,
      units: c.units,
      caught: c.caught,
      terms: c.terms.map((t) => ({ term: t.term, kind: t.kind, z: Math.round(t.z * 1000) / 1000, in_code: t.inCode, would_add: t.more, would_fire_elsewhere: t.other })),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
