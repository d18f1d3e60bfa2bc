// One report section per code type, as the study has for barriers, enablers and the network's role: a summary table
// by category, then per code its counts, its evidence and its quotes.
import type { Analysis, CodeFrequency } from '../../core/analysis/analyze.js';
import type { Code, CodeType } from '../../core/codebook/codebook.js';
import { groupBy } from '../../core/collections.js';
import { heading, paragraph, strong, type Block, type Inline } from './document.js';
import { attributionOf, plural, raisedText, strengthText } from './wording.js';

export function codeSections(analysis: Analysis, firstNumber: number): Block[] {
  const frequencyOf = new Map(analysis.frequencies.map((f) => [f.code.id, f]));
  const autoFrequencyOf = new Map((analysis.autoFrequencies ?? []).map((f) => [f.code.id, f]));
  const quotesOf = groupBy(analysis.quotes, (q) => q.code.id);
  const sharedOf = new Map(analysis.sharedPassages.map((s) => [s.code.id, s.quotedUnder]));
  const attribution = attributionOf(analysis);
  const entry = (code: Code): Block[] => {
    const out = codeEntry(code, frequencyOf.get(code.id)!, analysis.sampleSize, autoFrequencyOf.get(code.id));
    for (const q of quotesOf.get(code.id) ?? []) out.push({ kind: 'quote', quote: q, attribution: attribution(q) });
    const shared = sharedOf.get(code.id);
    if (shared !== undefined) out.push(paragraph(`Its passages illustrate another code: see the quotes of `, strong(shared.code.label), '.'));
    return out;
  };
  return analysis.codebook.types.flatMap((type, i) => typeSection(firstNumber + i, type, analysis, frequencyOf, entry));
}

function typeSection(number: number, type: CodeType, analysis: Analysis, frequencyOf: ReadonlyMap<string, CodeFrequency>, entry: (code: Code) => Block[]): Block[] {
  const out: Block[] = [heading(2, `${number}. ${type.label}`)];
  const codes = analysis.codebook.codes.filter((c) => c.type === type.id);
  if (codes.length === 0) return [...out, paragraph('The codebook has no codes of this type.')];
  if (type.description !== undefined) out.push(paragraph(type.description));
  const categories = analysis.codebook.categories.filter((c) => codes.some((code) => code.category === c.id));
  const n = analysis.sampleSize;

  out.push({
    kind: 'table',
    header: ['Category', 'Codes (interviews raising them)'],
    numeric: [false, false],
    rows: categories.map((category) => [
      [category.label],
      codes
        .filter((c) => c.category === category.id)
        .flatMap((c, i): Inline[] => [...(i > 0 ? [{ lineBreak: true } as const] : []), `• ${c.label} (${frequencyOf.get(c.id)!.interviews} of ${n})`]),
    ]),
  });
  categories.forEach((category, i) => {
    out.push(heading(3, `${number}.${i + 1} ${category.label}`));
    for (const code of codes.filter((c) => c.category === category.id)) out.push(...entry(code));
  });
  return out;
}

function codeEntry(code: Code, f: CodeFrequency, n: number, auto?: CodeFrequency): Block[] {
  const byAuto = auto === undefined ? '' : ` Automatic coding: ${auto.interviews === 0 ? 'not raised' : `raised in ${auto.interviews} of ${n}`}.`;
  if (f.interviews === 0) return [paragraph(strong(code.label), `: not raised in any interview.${byAuto}`)];
  const evidence = f.byStrength === undefined ? '' : ` Evidence: ${plural(f.mentions, 'coding', 'codings')}, ${strengthText(f.byStrength)}.`;
  return [paragraph(strong(code.label), `: ${raisedText(f, n)}.${evidence}${byAuto}`)];
}
