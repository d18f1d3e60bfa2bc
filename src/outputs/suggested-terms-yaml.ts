// `codebook suggest-terms` as a YAML snippet to paste into a codebook's codes, each term commented with its figures.
import { Document, isScalar } from 'yaml';
import type { SuggestedTerms } from '../core/suggestions/suggest-terms.js';

export function formatSuggestedTermsYaml(suggested: SuggestedTerms): string {
  const codes = new Map<string, Record<string, string[]>>();
  for (const c of suggested.codes) {
    if (c.terms.length === 0) continue;
    const terms = codes.get(c.code.id) ?? {};
    terms[c.language] = c.terms.map((t) => t.term);
    codes.set(c.code.id, terms);
  }
  const doc = new Document({ codes: [...codes].map(([id, terms]) => ({ id, terms })) });
  doc.commentBefore =
    ' Candidate terms from human codings (collab-code codebook suggest-terms). Review each before adding it to the\n' +
    " code's terms: z is its keyness, then how many of the code's units it would add and how many other units it would fire on.";
  for (const c of suggested.codes) {
    const at = [...codes.keys()].indexOf(c.code.id);
    c.terms.forEach((t, i) => {
      const node = doc.getIn(['codes', at, 'terms', c.language, i], true);
      if (isScalar(node)) node.comment = ` z ${t.z.toFixed(2)}, adds ${t.more}, elsewhere ${t.other}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
