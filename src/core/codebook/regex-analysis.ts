// The full check of a regular expression term for exponential backtracking, by scslre (the analysis behind
// eslint-plugin-regexp's no-super-linear-backtracking). Heavy (≈300 ms to load): import it lazily, and only for
// patterns that mayBacktrackExponentially (regex-safety.ts) cannot clear.
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import type { RegexCheck } from './regex-safety.js';

const parser = new RegExpParser();

/**
 * Refuses patterns with exponential backtracking: some text makes the regex try exponentially many ways to match,
 * so one sentence can hang a run. Polynomial backtracking is accepted (it is common in harmless patterns such as
 * \w+ing) and left to the coding time budget (app/time-budget.ts).
 */
export const refuseExponentialBacktracking: RegexCheck = (pattern) => {
  let reports;
  try {
    reports = analyse(parser.parseLiteral(`/${pattern}/giu`), { maxReports: 10 }).reports;
  } catch {
    // A pattern the analyser cannot read (new syntax): V8 compiled it, the time budget still guards it.
    return undefined;
  }
  const exponential = reports.find((r) => r.exponential);
  if (exponential === undefined) return undefined;
  const quantifier = exponential.type === 'Self' ? exponential.parentQuant.raw : exponential.type === 'Trade' ? exponential.startQuant.raw : exponential.quant.raw;
  const fixed = exponential.fix();
  return (
    `can take exponential time on ordinary text (catastrophic backtracking in ${quantifier}): one sentence could stop the run` +
    (fixed === undefined ? '' : `; an equivalent pattern without it: /${fixed.source}/`)
  );
};
