// Term syntax. A term is one of:
//   funding            a word, matched on its stem (funds, funded, funding)
//   same people        a phrase: its words in order, each matched on its stem, with at most PHRASE_GAP other
//                      words between them in all ("the same few people")
//   "same people"~2    a phrase with its own gap: up to 2 other words; "same people" in quotes alone: none
//   colabor*           a prefix wildcard (a word starting with "colabor"), also inside phrases: "burn* out"
//   /power (and|&) privilege/   a regular expression on the unit's text, case-insensitive, Unicode-aware
import { foldDiacritics, words } from '../text/tokenize.js';

export type WordPattern = { readonly kind: 'word'; readonly word: string } | { readonly kind: 'prefix'; readonly prefix: string };

export type ParsedTerm =
  | {
      readonly kind: 'words';
      readonly source: string;
      readonly patterns: readonly WordPattern[];
      /** At most this many other words may stand between the phrase's words, in all (0 for a single word). */
      readonly gap: number;
    }
  | { readonly kind: 'regex'; readonly source: string; readonly regex: RegExp };

export type TermKind = 'word' | 'phrase' | 'prefix' | 'regex';

const MIN_PREFIX = 3;
/** The gap a phrase allows unless its term sets one: "same people" matches "the same few people". */
export const PHRASE_GAP = 1;
/** The largest gap a term may set: beyond it, the words are no longer a phrase. */
export const MAX_GAP = 5;

/** Parses a term's syntax (stemming happens when terms are compiled for a language). A string is the reason it is invalid. */
export function parseTerm(source: string): ParsedTerm | string {
  const term = source.trim();
  if (term === '') return 'empty term';
  if (/^\/.+\/[a-z]+$/s.test(term)) {
    return `"${term}": a regular expression takes no flags after its closing /; matching is always case-insensitive and Unicode-aware, so write ${term.slice(0, term.lastIndexOf('/') + 1)}`;
  }
  if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) {
    // In double-quoted YAML "\b" is a backspace, not a word boundary: the pattern would silently never match.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b-\u001f]/.test(term)) {
      return 'the regular expression holds a control character; write it in single quotes in YAML, where backslashes stay as written';
    }
    try {
      return { kind: 'regex', source, regex: new RegExp(term.slice(1, -1), 'giu') };
    } catch (e) {
      return `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
    }
  }
  const quoted = /^"([^"]*)"(?:~(\d+))?$/.exec(term);
  if (quoted === null && /^".*"~/.test(term)) return `"${term}": the gap after a quoted phrase is a number of words, as in "same people"~2`;
  const patterns = wordPatterns(quoted === null ? term : quoted[1]!);
  if (typeof patterns === 'string') return patterns;
  if (patterns.length === 0) return `"${source}" has no letters or digits to match`;
  const gap = quoted === null ? PHRASE_GAP : Number(quoted[2] ?? 0);
  if (gap > MAX_GAP) return `"${term}": a phrase allows at most ${MAX_GAP} other words between its words`;
  if (quoted?.[2] !== undefined && patterns.length < 2) return `"${term}": a gap (~${quoted[2]}) needs a phrase of two or more words`;
  return { kind: 'words', source, patterns, gap: patterns.length > 1 ? gap : 0 };
}

function wordPatterns(text: string): WordPattern[] | string {
  const patterns: WordPattern[] = [];
  for (const piece of text.trim().split(/\s+/)) {
    if (piece.endsWith('*')) {
      // "co-design*" is the word "co" then a word starting with "design".
      const stem = piece.slice(0, -1);
      const parts = words(stem);
      const last = parts.at(-1);
      if (last === undefined || !stem.endsWith(last) || stem.slice(0, -1).includes('*')) return `"${piece}": a wildcard * goes at the end of a word, as in colabor*`;
      if (last.length < MIN_PREFIX) return `"${piece}": a prefix needs at least ${MIN_PREFIX} letters before *`;
      for (const word of parts.slice(0, -1)) patterns.push({ kind: 'word', word });
      patterns.push({ kind: 'prefix', prefix: foldDiacritics(last.toLowerCase()) });
    } else {
      if (piece.includes('*')) return `"${piece}": a wildcard * goes at the end of a word, as in colabor*`;
      for (const word of words(piece)) patterns.push({ kind: 'word', word });
    }
  }
  return patterns;
}

export function termKind(term: ParsedTerm): TermKind {
  if (term.kind === 'regex') return 'regex';
  if (term.patterns.some((p) => p.kind === 'prefix')) return 'prefix';
  return term.patterns.length > 1 ? 'phrase' : 'word';
}
