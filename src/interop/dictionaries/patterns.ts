// Dictionary entries (quanteda's and LIWC's glob patterns) as codebook terms: words and phrases stay as they are,
// a trailing * becomes a prefix term, and wildcards a prefix term cannot express become regular expressions.
import { parseTerm } from '../../core/codebook/parse-term.js';

export type ConvertedPattern =
  | { readonly term: string; readonly as: 'term' | 'regex' }
  | { readonly skipped: string };

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const LETTERS = '[\\p{L}\\p{N}]';

/** A glob pattern as a regular expression term on whole words: * any letters, ? one letter. */
function globRegex(pattern: string): string {
  const body = pattern
    .split(/(\*|\?)/)
    .map((part) => (part === '*' ? `${LETTERS}*` : part === '?' ? LETTERS : escapeRegex(part).replace(/\s+/g, '\\s+')))
    .join('');
  return `/(?<!${LETTERS})${body}(?!${LETTERS})/`;
}

export function convertPattern(pattern: string): ConvertedPattern {
  const entry = pattern.trim();
  if (entry === '') return { skipped: 'empty entry' };
  const parsed = entry.includes('?') ? undefined : parseTerm(entry);
  if (parsed !== undefined && typeof parsed !== 'string') return { term: entry, as: 'term' };
  // What is left: a * a prefix term cannot hold (leading, inner, after fewer than 3 letters), a ?, or no word at all.
  if (!/[*?]/.test(entry)) return { skipped: parsed as string };
  return { term: globRegex(entry), as: 'regex' };
}
