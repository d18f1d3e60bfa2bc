// A codebook as YAML, in the shape `codebook validate` reads: what `codebook import` writes. Comments above it say
// where it came from and what did not carry over.
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { Code, Codebook } from '../core/codebook/codebook.js';
import { LANGUAGES } from '../core/text/language.js';

const group = ({ id, label, description }: { id: string; label: string; description?: string }) => ({ id, label, ...(description ? { description } : {}) });

function codeEntry(code: Code, language: Codebook['language']) {
  const terms = Object.fromEntries(LANGUAGES.filter((l) => (code.terms[l]?.length ?? 0) > 0).map((l) => [l, [...code.terms[l]!]]));
  return {
    id: code.id,
    label: code.label,
    type: code.type,
    category: code.category,
    ...(code.definition === '' ? {} : { definition: code.definition }),
    ...(code.useWhen === undefined ? {} : { use_when: code.useWhen }),
    ...(code.doNotUseWhen === undefined ? {} : { do_not_use_when: code.doNotUseWhen }),
    // An empty list in the codebook's language shows where terms go.
    terms: Object.keys(terms).length > 0 ? terms : { [language]: [] },
  };
}

/** The codebook's YAML, with `header` lines as comments at the top. */
export function formatCodebookYaml(codebook: Codebook, header: readonly string[]): string {
  const doc = new Document({
    title: codebook.title,
    ...(codebook.description === undefined ? {} : { description: codebook.description }),
    language: codebook.language,
    categories: codebook.categories.map(group),
    types: codebook.types.map(group),
    codes: codebook.codes.map((c) => codeEntry(c, codebook.language)),
  });
  // Term lists on one line each, as in the bundled codebook.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && (LANGUAGES as readonly unknown[]).includes(pair.key.value) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 110 });
}
