// `codebook lint` findings as Markdown, grouped by kind, each with what to do about it.
import type { Lint, LintFinding } from '../core/coding/lint.js';
import { CO_OCCURRING_SHARE, DOMINANT_SHARE } from '../core/coding/lint.js';
import type { OffTopic } from '../core/coding/off-topic.js';
import { cell } from './markdown.js';
import { plural } from '../core/wording.js';
import { pct } from './report/wording.js';

const quote = (terms: readonly string[]): string => terms.map((t) => `"${t}"`).join(', ');

const SECTIONS: readonly { kind: LintFinding['kind']; title: string; advice: string }[] = [
  { kind: 'never-raised', title: 'Codes never raised', advice: 'No unit was coded with these: their terms may not be how people say it.' },
  { kind: 'never-matches', title: 'Terms that never match', advice: 'Per language present in the corpus. Dead terms cost nothing, but may be misspelt or too specific.' },
  { kind: 'dominant-term', title: "Terms that produce most of a code's codings", advice: `Each fired in ${Math.round(DOMINANT_SHARE * 100)}% or more of its code's codings: the code rests on one term; check that it means the code wherever it appears.` },
  { kind: 'shared-term', title: 'Terms shared by several codes', advice: 'The same words (after stemming) apply several codes: keep the term in the code it belongs to, or add context.' },
  { kind: 'co-occurring', title: 'Codes that almost always co-occur', advice: `At least ${Math.round(CO_OCCURRING_SHARE * 100)}% of the units coded with either have both: they may be one code, or their terms overlap.` },
  {
    kind: 'near-forms',
    title: 'Forms the terms miss',
    advice: "Words of the corpus that share a one-word term's root but not its stem or prefix (care for caring*, connect for connector), with the units holding them that the code did not get. Add those that mean the code as terms.",
  },
];

function line(f: LintFinding): string {
  switch (f.kind) {
    case 'never-raised':
      return `- \`${f.code.id}\`: ${f.code.label}`;
    case 'never-matches':
      return `- \`${f.code.id}\` (${f.language}): ${[f.terms.length > 0 ? quote(f.terms) : '', f.exclusions.length > 0 ? `exclusions ${quote(f.exclusions)}` : ''].filter((x) => x !== '').join('; ')}`;
    case 'dominant-term':
      return `- \`${f.code.id}\`: "${f.term}" fired in ${f.codings} of its ${f.of} codings (${pct(f.codings, f.of)})`;
    case 'shared-term':
      return `- (${f.language}) ${f.matches}: ${f.uses.map((u) => `\`${u.code.id}\` ("${u.term}")`).join(', ')}`;
    case 'co-occurring':
      return `- \`${f.codes[0].id}\` and \`${f.codes[1].id}\`: together in ${f.both} of the ${f.either} units coded with either (${pct(f.both, f.either)})`;
    case 'near-forms':
      return `- \`${f.code.id}\` (${f.language}) "${f.term}": ${f.forms.map((w) => `${w.word} (${w.units})`).join(', ')}`;
  }
}

export function formatLintMarkdown(lint: Lint, title: string): string {
  const out = [`# Codebook lint: ${title}`, ''];
  out.push(`${plural(lint.transcripts, 'transcript')} (${lint.languages.join(', ') || 'no language'}) coded by ${lint.unit}: ${plural(lint.units, 'unit')}. ${plural(lint.findings.length, 'finding')}.`, '');
  for (const section of SECTIONS) {
    const found = lint.findings.filter((f) => f.kind === section.kind);
    out.push(`## ${section.title} (${found.length})`, '');
    if (found.length > 0) out.push(section.advice, '', ...found.map(line), '');
  }
  if (lint.offTopic !== undefined) out.push(...offTopicSection(lint.offTopic));
  return out.join('\n');
}

/** The off-topic measure: a share of units coded, then each term that coded there, with its firing rate. */
function offTopicSection(o: OffTopic): string[] {
  const out = [`## Off-topic corpus`, ''];
  out.push(
    `${plural(o.transcripts, 'transcript')} on other subjects: ${o.codedUnits} of ${plural(o.units, 'unit')} coded (${o.units === 0 ? '0%' : pctOneDecimal(o.codedUnits, o.units)}). ` +
      'Every coding there is a false positive; a term that fires often there over-reaches wherever it appears.',
    '',
  );
  if (o.terms.length === 0) return [...out, 'No term fired.', ''];
  out.push('| code | language | term | units | rate |', '|---|---|---|---:|---:|');
  for (const t of o.terms) out.push(`| \`${t.code.id}\` | ${t.language} | ${cell(t.term)} | ${t.units} | ${pctOneDecimal(t.units, o.units)} |`);
  return [...out, ''];
}

const pctOneDecimal = (part: number, whole: number): string => `${((part * 100) / whole).toFixed(1)}%`;
