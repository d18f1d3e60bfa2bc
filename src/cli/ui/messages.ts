// Formats problems for people: "file:line:column: error: message", then the hint on its own line; problems of one
// kind repeated many times become one line with a count and the first places.
import type { Problem } from '../../core/problem.js';

export interface Paint {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const plain: Paint = { error: (t) => t, warning: (t) => t, dim: (t) => t };

// File names, front matter, CSV cells and terms are echoed into messages: their control characters (escape sequences
// that retitle or clear a terminal, a CR that overwrites a line) and bidirectional overrides (hidden or reversed text)
// are shown as escapes instead of acting. Line breaks stay: hints are laid out on several lines.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const neutralise = (text: string): string => text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const placeOf = (problem: Problem): string =>
  neutralise([problem.file, problem.line, problem.line === undefined ? undefined : problem.column].filter((x) => x !== undefined).join(':'));

export function formatProblem(problem: Problem, paint: Paint = plain): string {
  const severity = problem.severity === 'error' ? paint.error('error') : paint.warning('warning');
  const hint = problem.hint === undefined ? '' : `\n  ${paint.dim(neutralise(problem.hint).replace(/\n/g, '\n  '))}`;
  return `${placeOf(problem)}: ${severity}: ${neutralise(problem.message)}${hint}\n`;
}

/** How many places a grouped line names before "(N more; --verbose lists all)". */
export const PLACES_SHOWN = 3;

/**
 * Problems, each kind once: a kind met once is shown in full; a kind met several times is one line with its count
 * and first places, then its first occurrence and hint. `verbose` shows every problem in full.
 */
export function formatProblems(problems: readonly Problem[], paint: Paint = plain, verbose = false): string {
  if (verbose) return problems.map((p) => formatProblem(p, paint)).join('');
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.kind ?? p.message}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [p]);
    else group.push(p);
  }
  let out = '';
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length === 1) {
      out += formatProblem(first, paint);
      continue;
    }
    const severity = first.severity === 'error' ? paint.error('error') : paint.warning('warning');
    const places = group.slice(0, PLACES_SHOWN).map(placeOf).join(', ');
    const more = group.length > PLACES_SHOWN ? ` (${group.length - PLACES_SHOWN} more; --verbose lists all)` : '';
    out += `${severity}: ${neutralise(first.kind ?? first.message)}: ${group.length} times, at ${places}${more}\n`;
    if (first.kind !== undefined) out += `  ${paint.dim(`first: ${formatProblem({ ...first, hint: undefined } as Problem, plain).trimEnd()}`)}\n`;
    if (first.hint !== undefined) out += `  ${paint.dim(neutralise(first.hint).replace(/\n/g, '\n  '))}\n`;
  }
  return out;
}

/** chalk when colour is wanted; loaded only then. */
export async function paintFor(interactive: boolean): Promise<Paint> {
  if (!interactive) return plain;
  const { default: chalk } = await import('chalk');
  return { error: (t) => chalk.red.bold(t), warning: (t) => chalk.yellow(t), dim: (t) => chalk.dim(t) };
}
