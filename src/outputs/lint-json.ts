// `codebook lint` findings as JSON, one object per finding with its kind.
import type { Lint, LintFinding } from '../core/coding/lint.js';

export const LINT_SCHEMA_VERSION = 1;

function findingJson(f: LintFinding) {
  switch (f.kind) {
    case 'never-raised':
      return { kind: f.kind, code: f.code.id };
    case 'never-matches':
      return { kind: f.kind, code: f.code.id, language: f.language, terms: f.terms, exclusions: f.exclusions };
    case 'dominant-term':
      return { kind: f.kind, code: f.code.id, term: f.term, codings: f.codings, of: f.of };
    case 'shared-term':
      return { kind: f.kind, language: f.language, matches: f.matches, uses: f.uses.map((u) => ({ code: u.code.id, term: u.term })) };
    case 'co-occurring':
      return { kind: f.kind, codes: f.codes.map((c) => c.id), both: f.both, either: f.either };
    case 'near-forms':
      return { kind: f.kind, code: f.code.id, language: f.language, term: f.term, forms: f.forms };
  }
}

export function formatLintJson(lint: Lint): string {
  const o = lint.offTopic;
  const offTopic =
    o === undefined
      ? {}
      : { off_topic: { transcripts: o.transcripts, units: o.units, coded_units: o.codedUnits, terms: o.terms.map((t) => ({ code: t.code.id, language: t.language, term: t.term, units: t.units, rate: o.units === 0 ? 0 : t.units / o.units })) } };
  const json = { schema_version: LINT_SCHEMA_VERSION, transcripts: lint.transcripts, languages: lint.languages, unit: lint.unit, units: lint.units, findings: lint.findings.map(findingJson), ...offTopic };
  return `${JSON.stringify(json, null, 2)}\n`;
}
