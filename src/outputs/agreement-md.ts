// The agreement report as Markdown: figures per code and overall, what they mean, and the disagreements to reconcile.
import type { Agreement, Figures } from '../core/reliability/agreement.js';
import type { Figure } from '../core/reliability/measures.js';
import { coefficient, FORMULAS, percentage, UNIT_NAMES } from './figures.js';
import { cell as md } from './markdown.js';
import type { OutputContext } from './output.js';
import { unitLabel } from './unit-label.js';


export function formatAgreementMarkdown(agreement: Agreement, context: OutputContext): string {
  const { coders } = agreement;
  const twoCoders = coders.length === 2;
  const unitName = UNIT_NAMES[agreement.unit];
  const out: string[] = ['# Inter-coder agreement', ''];
  out.push(
    `Coders: ${coders.map(md).join(', ')}. Unit: ${unitName}; ${agreement.units} units. ` +
      'Per code, agreement is on the presence or absence of the code in each unit, over all units, including units that no coder gave the code (the standard definition, as NVivo and ATLAS.ti compute it). ' +
      'The overall row pools every unit × code decision of the codes listed.',
    '',
  );
  const kappa = twoCoders ? "Cohen's κ" : "Fleiss' κ";
  out.push(`| Code | Units coded (${coders.map(md).join(' / ')}) | Agreement | ${kappa} | Krippendorff's α |`, '|---|---:|---:|---:|---:|');
  // Undefined figures print as "undefined" in the tables; why is listed under the tables.
  const notes: string[] = [];
  /** The agreement, κ and α cells of a table row; κ is Cohen's for two coders (and pairs), else Fleiss'. */
  const figureCells = (name: string, figures: Figures, kappaName = kappa): string => {
    const k = (figures.cohen ?? figures.fleiss)!;
    for (const [what, figure] of [['agreement', figures.percent], [kappaName, k], ["Krippendorff's α", figures.alpha]] as [string, Figure][]) {
      if (!figure.defined) notes.push(`${name}: ${what} undefined: ${figure.reason}.`);
    }
    return `${percentage(figures.percent)} | ${coefficient(k)} | ${coefficient(figures.alpha)}`;
  };
  const row = (name: string, codedBy: string, figures: Figures): string => `| ${md(name)} | ${codedBy} | ${figureCells(name, figures)} |`;
  for (const c of agreement.codes) out.push(row(c.code.label, c.codedBy.join(' / '), c.figures));
  out.push(row(`All codes (pooled, ${agreement.overall.units} unit × code decisions)`, '', agreement.overall));
  out.push('');
  if (agreement.codes.length === 0) out.push('No coder applied any code.', '');
  if (agreement.unusedCodes.length > 0) {
    out.push(`Left out, as no coder applied them (they would only add agreement on absence): ${agreement.unusedCodes.length} codes, ${agreement.unusedCodes.map((c) => `\`${c.id}\``).join(', ')}.`, '');
  }

  out.push('## The code as one value per unit', '');
  if ('notApplicable' in agreement.nominal) {
    out.push(`Not computed: ${agreement.nominal.notApplicable}. These figures need each coder to give each unit at most one code.`, '');
  } else {
    const n = agreement.nominal;
    out.push(
      'Every coder gave each unit at most one code, so the code can also be read as one nominal value per unit; a unit a coder left uncoded is missing data for that coder.',
      '',
      '| Units with values | Agreement | ' + kappa + " | Krippendorff's α |",
      '|---:|---:|---:|---:|',
      `| ${n.units} | ${figureCells('One value per unit', n)} |`,
      '',
    );
  }
  if (agreement.pairs.length > 0) {
    out.push('## Coder pairs', '', 'Each pair as two coders, on the presence or absence of every code listed, pooled: who diverges from whom.', '');
    out.push("| Coders | Agreement | Cohen's κ | Krippendorff's α |", '|---|---:|---:|---:|');
    for (const p of agreement.pairs) out.push(`| ${p.coders.map(md).join(' and ')} | ${figureCells(p.coders.join(' and '), p.figures, "Cohen's κ")} |`);
    out.push('');
  }
  if (notes.length > 0) out.push('## Undefined figures', '', ...notes.map((n) => `- ${md(n)}`), '');
  if (agreement.uncoded.length > 0) {
    out.push('## Transcripts a coder did not code', '', 'Each counts as coded with nothing by that coder; check that the coder saw it.', '');
    out.push(...agreement.uncoded.map((u) => `- ${md(u.coder)}: ${md(u.transcript)}`), '');
  }

  out.push('## How the figures are computed', '');
  out.push(`- Unit: ${unitName}. Only respondent text is coded; interviewer turns and empty transcripts have no units.`);
  out.push(`- ${FORMULAS.percent}`, `- ${twoCoders ? FORMULAS.cohen : FORMULAS.fleiss}`, `- ${FORMULAS.alpha}`);
  out.push('- Reading them: κ and α are 1 for perfect agreement and 0 for agreement no better than chance. Krippendorff recommends α ≥ 0.800 to rely on a code, and 0.667 as the lowest for tentative conclusions.', '');

  out.push(`## Disagreements (${agreement.disagreements.length})`, '');
  if (agreement.disagreements.length === 0) out.push('None: the coders agree on every unit.', '');
  else {
    out.push('| Unit | Code | Coded by | Not coded by | Text |', '|---|---|---|---|---|');
    for (const d of agreement.disagreements) {
      out.push(`| ${md(unitLabel(d.unit, agreement.unit))} | ${md(d.code.label)} | ${d.codedBy.map(md).join(', ')} | ${d.notCodedBy.map(md).join(', ')} | ${md(d.text.trim())} |`);
    }
    out.push('');
  }
  out.push(`_Generated by ${md(context.generator)}._`, '');
  return out.join('\n');
}
