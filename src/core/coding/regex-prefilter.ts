// Literals a regular expression term cannot match without, so units lacking them skip the regex.
// Conservative by construction: what is not plainly mandatory is ignored, and a pattern with top-level
// alternatives has no prefilter. (Case: the unit is lower-cased with toLowerCase, which agrees with the
// regex's /i matching for every letter an interview is written in.)

const MIN_LITERAL = 3;
const ZERO_WIDTH = /^\\[bB]|^[\^$]/;

/**
 * Groups of lower-case literals: every match contains at least one literal of every group. Undefined when the
 * pattern has no mandatory literal of MIN_LITERAL letters or more.
 */
export function requiredLiterals(source: string): string[][] | undefined {
  if (splitTopLevel(source).length > 1) return undefined;
  const groups: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_LITERAL) groups.push([run.toLowerCase()]);
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const zeroWidth = ZERO_WIDTH.exec(source.slice(i));
    if (zeroWidth !== null) {
      endRun();
      i += zeroWidth[0].length;
      continue;
    }
    const c = source[i]!;
    let atomEnd: number;
    let literal: string | undefined;
    let alternatives: string[] | undefined;
    if (c === '\\') {
      atomEnd = escapeEnd(source, i);
      // An escaped punctuation mark is that character; \w, \d, \p{L}, \u00e9… are classes or codes.
      literal = /[^\p{L}\p{N}]/u.test(source[i + 1] ?? 'a') ? source[i + 1] : undefined;
    } else if (c === '[') {
      atomEnd = classEnd(source, i) + 1;
    } else if (c === '(') {
      const close = matchingParen(source, i);
      if (close < 0) return undefined;
      atomEnd = close + 1;
      if (/^\(\?<?[=!]/.test(source.slice(i))) {
        // Lookarounds consume nothing: skip them, and do not join the literals on either side.
        endRun();
        i = atomEnd;
        continue;
      }
      const inner = source.slice(i + (source.startsWith('(?:', i) ? 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 - i : 1), close);
      const leading = splitTopLevel(inner).map(leadingLiteral);
      if (leading.every((a): a is string => a !== undefined)) alternatives = leading;
    } else if (c === '.') {
      atomEnd = i + 1;
    } else {
      atomEnd = i + 1;
      literal = c;
    }
    const quantifier = /^(?:[?*+]|\{\d*(?:,\d*)?\})\??/.exec(source.slice(atomEnd))?.[0] ?? '';
    const optional = quantifier !== '' && !/^(?:\+|\{[1-9])/.test(quantifier);
    if (literal !== undefined && !optional) {
      run += literal;
      if (quantifier !== '') endRun();
    } else {
      endRun();
      if (alternatives !== undefined && !optional) groups.push(alternatives.map((a) => a.toLowerCase()));
    }
    i = atomEnd + quantifier.length;
  }
  endRun();
  return groups.length > 0 ? groups.map(withoutRedundant).sort(bySelectivity) : undefined;
}

// A text holding "gives" holds "give": the longer alternative adds nothing.
const withoutRedundant = (group: string[]): string[] => [...new Set(group)].filter((a, _, all) => !all.some((b) => b !== a && a.includes(b)));

// Groups with fewer, longer literals reject more units per check: try them first.
const bySelectivity = (a: string[], b: string[]): number => a.length - b.length || Math.min(...b.map((l) => l.length)) - Math.min(...a.map((l) => l.length));

/** Whether the lower-cased text holds at least one literal of every group. */
export const passesPrefilter = (lowerText: string, groups: readonly (readonly string[])[]): boolean =>
  groups.every((group) => group.some((literal) => lowerText.includes(literal)));

/** The literal an alternative starts with, minus a last character a quantifier makes optional. */
function leadingLiteral(alternative: string): string | undefined {
  const rest = alternative.replace(/^\\b/, '');
  let end = 0;
  while (end < rest.length && !'\\^$.|?*+()[]{}'.includes(rest[end]!)) end++;
  let literal = rest.slice(0, end);
  if (/^[?*{]/.test(rest.slice(end))) literal = literal.slice(0, -1);
  return literal.length >= MIN_LITERAL ? literal : undefined;
}

/** Where an escape starting at `i` ends: \p{…}, \u{…}, \uXXXX, \xXX, \cX and \k<name> are longer than two. */
function escapeEnd(source: string, i: number): number {
  const rest = source.slice(i);
  const long = /^\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>)/.exec(rest);
  return i + (long === null ? 2 : long[0].length);
}

function matchingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
