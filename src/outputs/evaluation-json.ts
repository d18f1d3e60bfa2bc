// The evaluation as JSON, misses included, for tracking the automatic coding's quality over time.
import type { Evaluation, Miss, Scores } from '../core/reliability/evaluation.js';
import { figureJson, figuresJson, UNIT_NAMES } from './figures.js';
import type { OutputContext } from './output.js';

export const EVALUATION_SCHEMA_VERSION = 1;

const scoresJson = (s: Scores) => ({ precision: figureJson(s.precision), recall: figureJson(s.recall), f1: figureJson(s.f1) });
const missJson = (m: Miss) => ({
  transcript: m.unit.transcript,
  ...(m.unit.turn === undefined ? {} : { turn: m.unit.turn }),
  start: m.unit.start,
  end: m.unit.end,
  code: m.code.id,
  fired: m.fired.map((f) => ({ code: f.code.id, terms: f.terms })),
  text: m.text,
});

export function formatEvaluationJson(evaluation: Evaluation, context: OutputContext): string {
  const { micro, macro, top1, agreement } = evaluation;
  const json = {
    schema_version: EVALUATION_SCHEMA_VERSION,
    generator: context.generator,
    unit: evaluation.unit,
    unit_name: UNIT_NAMES[evaluation.unit],
    units: evaluation.units,
    codes: evaluation.codes.map((c) => ({
      id: c.code.id,
      label: c.code.label,
      support: c.support,
      true_positives: c.truePositives,
      false_positives: c.falsePositives,
      false_negatives: c.falseNegatives,
      ...scoresJson(c),
    })),
    micro: { true_positives: micro.truePositives, false_positives: micro.falsePositives, false_negatives: micro.falseNegatives, ...scoresJson(micro) },
    macro: { codes: macro.codes, ...scoresJson(macro) },
    outside_codebook: evaluation.outsideCodebook.map((o) => ({ code: o.code, segments: o.rows, ...(o.suggestion === undefined ? {} : { did_you_mean: o.suggestion }) })),
    top1: { units: top1.units, uncoded: top1.uncoded, code: figureJson(top1.code), category_and_type: figureJson(top1.categoryAndType) },
    agreement: figuresJson(agreement),
    false_positives: evaluation.falsePositives.map(missJson),
    false_negatives: evaluation.falseNegatives.map(missJson),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
