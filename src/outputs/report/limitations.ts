// The Limitations section, written from the run: what the coding method cannot see, what was measured of its
// reliability, and where the data are thin.
import type { Analysis } from '../../core/analysis/analyze.js';
import type { CoderCheck, GoldCheck } from '../../core/analysis/reliability.js';
import type { Figures } from '../../core/reliability/agreement.js';
import type { Figure } from '../../core/reliability/measures.js';
import { coefficient, percentage } from '../figures.js';
import { heading, item, list, paragraph, type Block } from './document.js';
import { placementText } from './overview.js';
import { andList, decimal, pct, plural, SMALL_CELL, SMALL_MARK, smallCells } from './wording.js';

export function limitationsSection(number: number, analysis: Analysis): Block[] {
  const points = [
    ...methodPoints(analysis),
    ...(analysis.sources.includes('auto') ? [goldPoint(analysis.gold)] : []),
    ...(analysis.sources.includes('human') ? [coderPoint(analysis.coders)] : []),
    ...interviewerPoint(analysis),
    ...(analysis.humanPlacement !== undefined && analysis.humanPlacement.placed < analysis.humanPlacement.segments ? [placementText(analysis.humanPlacement)] : []),
    ...samplePoints(analysis),
  ];
  return [heading(2, `${number}. Limitations`), paragraph('What this run of the analysis can and cannot show:'), list(points.map((p) => item([p])))];
}

function methodPoints(analysis: Analysis): string[] {
  const points: string[] = [];
  if (analysis.sources[0] === 'auto') {
    points.push(
      'The codes were applied automatically, by terms: a unit is coded when it contains one of the words, phrases or patterns the codebook anticipates. ' +
        'This finds what is said in those words, misses what is said in others (paraphrase, irony, a long answer that never names the theme), ' +
        'and can fire on a word used in another sense. Read the codings behind a count before relying on it.',
    );
    const weak = analysis.frequencies.reduce((n, f) => n + (f.byStrength?.weak ?? 0), 0);
    const all = analysis.frequencies.reduce((n, f) => n + f.mentions, 0);
    if (weak > 0) points.push(`${weak} of the ${plural(all, 'automatic coding', 'automatic codings')} (${pct(weak, all)}) are weak: a single occurrence of a one-word term. Counts that rest on them are the least certain.`);
  } else {
    points.push('The codes were applied by hand; the counts are as good as the coding and as complete as the codings files.');
  }
  if (analysis.minScore !== undefined) points.push(`Codings scoring below ${analysis.minScore.score} were left out (${plural(analysis.minScore.dropped, 'coding', 'codings')}): stricter counts, at the cost of what those codings found rightly.`);
  return points;
}

const figure = (name: string, f: Figure | undefined, show: (f: Figure) => string) => (f === undefined ? [] : [`${name} ${show(f)}`]);
const figuresText = (f: Figures): string =>
  andList([...figure('percent agreement', f.percent, percentage), ...figure("Cohen's κ", f.cohen, coefficient), ...figure("Fleiss' κ", f.fleiss, coefficient), ...figure("Krippendorff's α", f.alpha, coefficient)]);

function goldPoint(gold: GoldCheck | undefined): string {
  if (gold === undefined) {
    return 'The automatic coding was not checked against a coding made by hand in this run: code a sample of interviews by hand and give it with --gold (or run collab-code evaluate) to measure its precision and recall.';
  }
  const { micro, unit, agreement } = gold.evaluation;
  return (
    `Against a coding made by hand (${gold.coders.join(', ')}), on the ${plural(gold.interviews, 'interview', 'interviews')} it coded and on ${unit}s, the automatic coding had ` +
    `precision ${coefficient(micro.precision)}, recall ${coefficient(micro.recall)} and F1 ${coefficient(micro.f1)} (micro-averaged over codes), and ${figuresText(agreement)}. ` +
    'Precision is the share of its codings the hand coding shares; recall, the share of the hand codings it found.'
  );
}

function coderPoint(coders: CoderCheck | undefined): string {
  if (coders === undefined) return 'One person coded: no agreement between coders was measured, so how far another coder would code alike is unknown.';
  if (coders.agreement === undefined) {
    return `The coders (${andList([...coders.coders])}) coded different interviews: no interview was coded by all of them, so their agreement could not be measured.`;
  }
  const a = coders.agreement;
  return (
    `The coders (${andList([...coders.coders])}) all coded ${plural(coders.interviews, 'interview', 'interviews')}; there, on ${a.unit}s and pooled over codes, ${figuresText(a.overall)}. ` +
    'Counts join every coder\'s codings: an interview raises a code when any coder coded it there.'
  );
}

function interviewerPoint(analysis: Analysis): string[] {
  const points: string[] = [];
  const unrecognised = analysis.interviews.filter((i) => !i.isEmpty && i.interviewer.status === 'unrecognised').map((i) => i.id);
  if (unrecognised.length > 0) {
    points.push(
      `${plural(unrecognised.length, 'transcript has', 'transcripts have')} several speakers and none recognised as the interviewer (${unrecognised.join(', ')}): ` +
        "the interviewer's words were coded and may be quoted as a respondent's. Name the interviewer with --interviewer LABEL, or --interviewer auto.",
    );
  }
  const picked = analysis.interviews.filter((i) => !i.isEmpty && i.interviewer.status === 'picked').map((i) => i.id);
  if (picked.length > 0) {
    points.push(`In ${andList(picked)} the interviewer was taken to be the speaker asking most questions, not named by a label: check that it was the right one.`);
  }
  return points;
}

function samplePoints(analysis: Analysis): string[] {
  const n = analysis.sampleSize;
  const points = n > 0 ? [`With ${plural(n, 'interview', 'interviews')}, one interview is ${pct(1, n)} of the sample: percentages move in steps that large.`] : [];
  const small = smallCells(analysis);
  if (small.length > 0) points.push(`Groups of fewer than ${SMALL_CELL} interviews (${SMALL_MARK} in breakdowns): ${small.join('; ')}. Their shares are shown, not hidden, but say little.`);
  const lastBrought = newCodesAtEnd(analysis);
  if (lastBrought >= 0.05) points.push(`Taken in random order, the last interview still brought ${decimal(lastBrought)} new codes on average: more interviews might have raised more codes.`);
  return points;
}

/** The mean number of codes the last interview adds, over the random orders of the saturation analysis. */
export function newCodesAtEnd(analysis: Analysis): number {
  const { steps, codes } = analysis.saturation;
  return steps.length === 0 ? 0 : codes - (steps.length === 1 ? 0 : steps.at(-2)!.randomMeanCodes);
}
