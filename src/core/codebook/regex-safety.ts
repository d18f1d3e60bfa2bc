// Regular expression terms that could hang coding (catastrophic backtracking): a cheap screen that clears most terms,
// and the type of the full check (regex-analysis.ts), which is loaded only for the terms the screen cannot clear.

/**
 * Why a term's pattern is refused, or undefined when it is accepted. `pattern` is the source between the slashes;
 * terms run with the flags giu.
 */
export type RegexCheck = (pattern: string) => string | undefined;

/** Accepts everything: for callers that check elsewhere, and the first pass of readCodebook (see mayBacktrackExponentially). */
export const acceptRegex: RegexCheck = () => undefined;

/**
 * Whether the pattern could take exponential time, as far as a scan without a parser can tell. It cannot when no
 * group is repeated (only characters, classes and escapes carry quantifiers other than ?) and it has no
 * backreference: a match then has at most polynomially many ways. Conservative: anything else needs the analysis.
 */
export function mayBacktrackExponentially(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return true;
      i++;
    } else if (c === '[') {
      i = classEnd(pattern, i);
    } else if (c === ')' && repeats(pattern.slice(i + 1))) {
      return true;
    }
  }
  return false;
}

/** Whether the text following a group starts with a quantifier that lets it match more than once. */
function repeats(after: string): boolean {
  if (after.startsWith('*') || after.startsWith('+')) return true;
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(after);
  if (braces === null) return false;
  const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
  return max > 1;
}

function classEnd(pattern: string, open: number): number {
  for (let i = open + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}
