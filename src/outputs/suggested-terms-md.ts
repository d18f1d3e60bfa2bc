// `codebook suggest-terms` as Markdown: per code, the candidate terms with their keyness and what they would do.
import { KEY_Z } from '../core/suggestions/keyness.js';
import type { SuggestedTerms } from '../core/suggestions/suggest-terms.js';
import { cell, md } from './markdown.js';

/** How the candidates were found, for every output to say. */
export const STATISTIC =
  'log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as a z-score; the prior is each word\'s count in all units compared, scaled to a tenth';

export function formatSuggestedTermsMarkdown(suggested: SuggestedTerms, title: string): string {
  const out = [`# Terms suggested from human codings: ${md(title)}`, ''];
  const units = Object.entries(suggested.units).map(([language, n]) => `${n} in ${language}`).join(', ');
  out.push(
    `Units compared: respondent ${suggested.unit}s (${units || 'none'}). For each code, the words and two-word phrases (at most one function word between) ` +
      `over-represented in the units people coded with it against all other units: ${STATISTIC}; z ≥ ${KEY_Z}. ` +
      "Only those that would code some of its units that its terms miss today are listed. Read them as candidates: a term must mean the code wherever it appears, so check the units it would fire on elsewhere.",
    '',
  );
  const none: string[] = [];
  for (const c of suggested.codes) {
    if (c.terms.length === 0) {
      none.push(`\`${c.code.id}\` (${c.language})`);
      continue;
    }
    out.push(`## \`${c.code.id}\` (${c.language}): ${md(c.code.label)}`, '');
    out.push(`People coded ${c.units} ${c.units === 1 ? 'unit' : 'units'} with it; its terms code ${c.caught} of them.`, '');
    out.push('| term | kind | z | in its units | would add | would fire elsewhere |', '|---|---|---:|---:|---:|---:|');
    for (const t of c.terms) out.push(`| ${cell(t.term)} | ${t.kind} | ${t.z.toFixed(2)} | ${t.inCode} | ${t.more} | ${t.other} |`);
    out.push('');
  }
  if (none.length > 0) out.push('## Codes with no candidate', '', none.join(', '), '');
  return out.join('\n');
}
