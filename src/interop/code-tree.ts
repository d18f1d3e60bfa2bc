// Codebooks as QDA tools hold them: a tree of codes, where folders (codes that cannot be applied) group codes.
// Out: a codebook's types and categories become folders, so the tree reads Type > Category > code. In: a tree (from a
// REFI-QDA codebook or project, a quanteda dictionary, a LIWC dictionary) becomes types, categories and codes.
import type { Category, Code, Codebook, CodeType, TermsByLanguage } from '../core/codebook/codebook.js';
import type { Language } from '../core/text/language.js';

/** A node of the tree an export writes; `key` is stable from one export to the next (GUIDs are made from it). */
export interface TreeNode {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  /** Set when the node can be applied: the code it stands for. */
  code?: Code;
  readonly children: TreeNode[];
}

const USE_WHEN = 'Use when: ';
const DO_NOT_USE_WHEN = 'Do not use when: ';

/** A code's definition and coder guidance as one description; descriptionParts() splits it back. */
export const describeCode = (code: Code): string | undefined =>
  [code.definition, code.useWhen === undefined ? '' : `${USE_WHEN}${code.useWhen}`, code.doNotUseWhen === undefined ? '' : `${DO_NOT_USE_WHEN}${code.doNotUseWhen}`]
    .filter((part) => part.trim() !== '')
    .join('\n\n') || undefined;

/** The tree of a codebook: each code under its path, or under its type's and category's folders. */
export function codeTreeOf(codebook: Codebook): TreeNode[] {
  const roots: TreeNode[] = [];
  const folders = new Map<string, TreeNode>();
  const typeOf = new Map(codebook.types.map((t) => [t.id, t]));
  const categoryOf = new Map(codebook.categories.map((c) => [c.id, c]));
  const descriptions = new Map<string, string | undefined>();
  for (const code of codebook.codes) {
    let path = code.path;
    if (path === undefined) {
      const type = typeOf.get(code.type);
      const category = categoryOf.get(code.category);
      const typeName = type?.label ?? code.type;
      const categoryName = category?.label ?? code.category;
      descriptions.set(typeName, type?.description);
      descriptions.set(`${typeName} > ${categoryName}`, category?.description);
      path = [typeName, categoryName, code.label];
    }
    let siblings = roots;
    for (let depth = 1; depth < path.length; depth++) {
      const key = path.slice(0, depth).join(' > ');
      let folder = folders.get(key);
      if (folder === undefined) {
        const description = descriptions.get(key);
        folder = { key: `folder:${key}`, name: path[depth - 1]!, ...(description === undefined ? {} : { description }), children: [] };
        folders.set(key, folder);
        siblings.push(folder);
      }
      siblings = folder.children;
    }
    // A code may also be the folder of others (a codable parent), listed before or after them.
    const own = folders.get(path.join(' > '));
    if (own !== undefined && own.code === undefined) {
      own.code = code;
      continue;
    }
    const description = describeCode(code);
    const node: TreeNode = { key: `code:${code.id}`, name: path.at(-1)!, ...(description === undefined ? {} : { description }), code, children: [] };
    folders.set(path.join(' > '), node);
    siblings.push(node);
  }
  return roots;
}

/** A node of a tree read from another tool. */
export interface CodeNode {
  readonly name: string;
  readonly description?: string;
  /** False for folders that group codes without being applied themselves. */
  readonly codable: boolean;
  readonly terms?: TermsByLanguage;
  readonly children: readonly CodeNode[];
}

export interface CodebookOptions {
  readonly title: string;
  readonly language: Language;
  readonly description?: string;
}

const UNCATEGORISED: Category = { id: 'uncategorised', label: 'Top-level codes' };
const CODES: CodeType = { id: 'code', label: 'Codes' };

/** "Rivalry for funding…" → "rivalry-for-funding…": a valid codebook id, at most about 40 characters, unique in `taken`. */
export function slugId(name: string, taken: Set<string>): string {
  const words = name.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/['’]/g, '').split(/[^a-z0-9]+/).filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    if (slug !== '' && slug.length + word.length + 1 > 40) break;
    slug = slug === '' ? word.slice(0, 40) : `${slug}-${word}`;
  }
  if (slug === '') slug = 'code';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  taken.add(id);
  return id;
}

/** Splits a description written by describeCode() back into definition and guidance. */
function descriptionParts(description: string | undefined): Pick<Code, 'definition' | 'useWhen' | 'doNotUseWhen'> {
  const parts = (description ?? '').split(/\n\s*\n/);
  const useWhen = parts.find((p) => p.startsWith(USE_WHEN))?.slice(USE_WHEN.length).trim();
  const doNotUseWhen = parts.find((p) => p.startsWith(DO_NOT_USE_WHEN))?.slice(DO_NOT_USE_WHEN.length).trim();
  const definition = parts.filter((p) => !p.startsWith(USE_WHEN) && !p.startsWith(DO_NOT_USE_WHEN)).join('\n\n').trim();
  return { definition, ...(useWhen === undefined ? {} : { useWhen }), ...(doNotUseWhen === undefined ? {} : { doNotUseWhen }) };
}

/**
 * A codebook from a tree. When every code sits at least two folders deep, the top folders are the types and the
 * folders below them the categories (so Barriers > People > code, as collab-code exports, comes back as it went);
 * otherwise there is one type, "Codes", and a code's category is the path of its folders. Ids are made from names.
 */
export function codebookFromTree(roots: readonly CodeNode[], options: CodebookOptions): Codebook {
  const placed: { node: CodeNode; ancestors: CodeNode[] }[] = [];
  const walk = (node: CodeNode, ancestors: CodeNode[]): void => {
    if (node.codable) placed.push({ node, ancestors });
    for (const c of node.children) walk(c, [...ancestors, node]);
  };
  for (const root of roots) walk(root, []);
  const typed = placed.length > 0 && placed.every((p) => p.ancestors.length >= 2);

  const typeIds = new Set<string>();
  const categoryIds = new Set<string>([UNCATEGORISED.id]);
  const codeIds = new Set<string>();
  const types = new Map<string, CodeType>();
  const categories = new Map<string, Category>();
  const group = <G extends Category>(groups: Map<string, G>, ids: Set<string>, label: string, description: string | undefined): string => {
    let found = groups.get(label);
    if (found === undefined) {
      found = { id: slugId(label, ids), label, ...(description ? { description } : {}) } as G;
      groups.set(label, found);
    }
    return found.id;
  };

  const codes = placed.map(({ node, ancestors }): Code => {
    const names = ancestors.map((a) => a.name);
    let type = CODES.id;
    let category = UNCATEGORISED.id;
    if (typed) {
      type = group(types, typeIds, names[0]!, ancestors[0]!.description);
      category = group(categories, categoryIds, names.slice(1).join(' > '), ancestors.length === 2 ? ancestors[1]!.description : undefined);
    } else if (ancestors.length > 0) {
      category = group(categories, categoryIds, names.join(' > '), ancestors.length === 1 ? ancestors[0]!.description : undefined);
    }
    return {
      id: slugId(node.name, codeIds),
      label: node.name,
      type,
      category,
      ...descriptionParts(node.description),
      terms: node.terms ?? {},
      exclude: {},
      path: [...names, node.name],
    };
  });
  const uncategorised = codes.some((c) => c.category === UNCATEGORISED.id);
  return {
    title: options.title,
    language: options.language,
    ...(options.description === undefined ? {} : { description: options.description }),
    categories: [...categories.values(), ...(uncategorised ? [UNCATEGORISED] : [])],
    types: typed ? [...types.values()] : [CODES],
    codes,
  };
}
