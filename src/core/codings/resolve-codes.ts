// Names of codes as QDA tools write them (an id, a label, or a path "Parent > Child" or "Parent\Child") resolved to
// the codes of a codebook; or, when there is no codebook, a codebook made of the distinct codes named.
import type { Category, Code, Codebook } from '../codebook/codebook.js';
import { compareNatural } from '../problem.js';
import { closest } from '../did-you-mean.js';

/** "Barriers > People > Lack of trust" → ["Barriers", "People", "Lack of trust"]. */
export const codePath = (name: string): string[] =>
  name
    .split(/\s*(?:>|\\)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

const key = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export type Resolved = { readonly code: Code } | { readonly code?: undefined; readonly suggestion?: string };

/**
 * Resolves code names against a codebook: the whole name as an id or label (case and spacing ignored), else the
 * last part of its path, so "People > Lack of trust" finds the code labelled "Lack of trust".
 */
export function codeResolver(codebook: Codebook): (name: string) => Resolved {
  const byKey = new Map<string, Code>();
  for (const code of codebook.codes) {
    byKey.set(key(code.id), code);
    if (!byKey.has(key(code.label))) byKey.set(key(code.label), code);
  }
  const names = codebook.codes.flatMap((c) => [c.id, c.label]);
  return (name) => {
    const code = byKey.get(key(name)) ?? byKey.get(key(codePath(name).at(-1) ?? ''));
    if (code !== undefined) return { code };
    const suggestion = closest(codePath(name).at(-1) ?? name, names);
    return suggestion === undefined ? {} : { suggestion };
  };
}

export const UNCATEGORISED = 'uncategorised';

/**
 * A codebook of the codes named in human codings, hierarchy kept: a code's id is its full path, its label the last
 * part, its category the path of its parent; `definitions` by path. Codes sort in natural order of their paths, so the
 * order of rows in the files does not matter.
 */
export function codebookFromCodeNames(names: Iterable<string>, title: string, definitions: ReadonlyMap<string, string> = new Map()): Codebook {
  const paths = new Map<string, string[]>();
  for (const name of names) {
    const path = codePath(name);
    if (path.length > 0) paths.set(path.join(' > '), path);
  }
  const ids = [...paths.keys()].sort(compareNatural);
  const categories = new Map<string, Category>();
  const codes = ids.map((id): Code => {
    const path = paths.get(id)!;
    const parent = path.slice(0, -1).join(' > ') || UNCATEGORISED;
    if (!categories.has(parent)) categories.set(parent, { id: parent, label: parent === UNCATEGORISED ? 'Top-level codes' : parent });
    return { id, label: path.at(-1)!, type: 'code', category: parent, definition: definitions.get(id) ?? '', terms: {}, exclude: {}, path };
  });
  return {
    title,
    language: 'en',
    categories: [...categories.values()].sort((a, b) => compareNatural(a.id, b.id)),
    types: [{ id: 'code', label: 'Codes' }],
    codes,
  };
}
