// Formats problems for people: "file:line:column: error: message", then the hint on its own line.
import type { Problem } from '../../core/problem.js';

export interface Paint {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const plain: Paint = { error: (t) => t, warning: (t) => t, dim: (t) => t };

export function formatProblem(problem: Problem, paint: Paint = plain): string {
  const where = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column].filter((x) => x !== undefined).join(':');
  const severity = problem.severity === 'error' ? paint.error('error') : paint.warning('warning');
  const hint = problem.hint === undefined ? '' : `\n  ${paint.dim(problem.hint.replace(/\n/g, '\n  '))}`;
  return `${where}: ${severity}: ${problem.message}${hint}\n`;
}

/** chalk when colour is wanted; loaded only then. */
export async function paintFor(interactive: boolean): Promise<Paint> {
  if (!interactive) return plain;
  const { default: chalk } = await import('chalk');
  return { error: (t) => chalk.red.bold(t), warning: (t) => chalk.yellow(t), dim: (t) => chalk.dim(t) };
}
