// The evaluation as CSV: one row per code, then the micro and macro averages.
import type { Evaluation, Scores } from '../core/reliability/evaluation.js';
import { formatCsv, type Cell } from './csv.js';
import { rounded } from './figures.js';

export function formatEvaluationCsv(evaluation: Evaluation): string {
  const figures = (s: Scores): Cell[] => [s.precision, s.recall, s.f1].map((f) => (f.defined ? rounded(f.value) : 'undefined'));
  const { micro, macro } = evaluation;
  return formatCsv(
    ['code_id', 'code_label', 'unit', 'support', 'true_positives', 'false_positives', 'false_negatives', 'precision', 'recall', 'f1'],
    [
      ...evaluation.codes.map((c) => [c.code.id, c.code.label, evaluation.unit, c.support, c.truePositives, c.falsePositives, c.falseNegatives, ...figures(c)]),
      ['(micro average)', 'all unit × code decisions', evaluation.unit, micro.truePositives + micro.falseNegatives, micro.truePositives, micro.falsePositives, micro.falseNegatives, ...figures(micro)],
      ['(macro average)', `mean over the ${macro.codes} codes the gold applied`, evaluation.unit, '', '', '', '', ...figures(macro)],
      // Codes the gold applies that the codebook lacks: named, with no figures.
      ...evaluation.outsideCodebook.map((o) => [o.code, '(outside the codebook: set aside)', evaluation.unit, '', '', '', '', '', '', '']),
    ],
  );
}
