// Reads a codebook's YAML into a Codebook, collecting every problem with its line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';
import { error, fail, ok, warning, type Location, type Problem, type Result } from '../problem.js';
import { isLanguage, LANGUAGES, type Language } from '../text/language.js';
import type { Category, Code, Codebook, CodeType } from './codebook.js';
import { parseTerm } from './parse-term.js';
import { acceptRegex, type RegexCheck } from './regex-safety.js';
import { didYouMean } from '../suggest.js';
import { yamlSyntaxProblems } from '../yaml-errors.js';

// Keys allowed at each level; anything else is a typo worth reporting.
const TOP_KEYS = ['$schema', 'version', 'title', 'description', 'language', 'categories', 'types', 'codes'];
const GROUP_KEYS = ['id', 'label', 'description'];
const CODE_KEYS = ['id', 'label', 'type', 'category', 'definition', 'use_when', 'do_not_use_when', 'terms', 'exclude'];
const ID = /^[a-z0-9][a-z0-9_.-]*$/;

class Reader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    readonly checkRegex: RegexCheck,
  ) {}

  at(node: Node | null | undefined): Location {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file: this.file };
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  error(node: Node | null | undefined, message: string, hint?: string): void {
    this.problems.push(error(this.at(node), message, hint));
  }

  warn(node: Node | null | undefined, message: string, hint?: string): void {
    this.problems.push(warning(this.at(node), message, hint));
  }

  /** A map's entries by key, after reporting keys that are not allowed. */
  entries(map: YAMLMap, allowed: readonly string[], where: string): Map<string, Node | null> {
    const result = new Map<string, Node | null>();
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (!allowed.includes(key)) {
        this.error(keyNode, `unknown key "${key}" in ${where}${didYouMean(key, allowed)}`, `allowed keys: ${allowed.join(', ')}`);
        continue;
      }
      result.set(key, pair.value as Node | null);
    }
    return result;
  }

  string(node: Node | null | undefined, what: string, required: boolean, parent?: Node | null): string | undefined {
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      if (required) this.error(node ?? parent, `${what} is missing`);
      return undefined;
    }
    if (!isScalar(node) || typeof node.value === 'object') {
      this.error(node, `${what} must be text`);
      return undefined;
    }
    const value = String(node.value).trim();
    if (value === '' && required) this.error(node, `${what} is empty`);
    return value;
  }

  id(node: Node | null | undefined, what: string, parent: Node | null): string | undefined {
    const value = this.string(node, what, true, parent);
    if (value !== undefined && value !== '' && !ID.test(value)) {
      this.error(node, `${what} "${value}" is not a valid id`, 'ids are lower case letters, digits, "-", "_" and "."; e.g. same-people');
    }
    return value;
  }
}

/** `checkRegex` refuses unsafe regular expression terms; readCodebook passes the full check (io/read-codebook.ts). */
export function parseCodebook(text: string, file: string, checkRegex: RegexCheck = acceptRegex): Result<Codebook> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return fail(yamlSyntaxProblems(doc, lines, file, (m) => `YAML syntax: ${m}`));
  const expanded = expandAliases(doc);
  if (expanded !== undefined) return fail([error({ file, line: lines.linePos(expanded).line, column: lines.linePos(expanded).col }, `YAML aliases here expand to more than ${MAX_ALIAS_NODES} values`, 'write the lists out, or use fewer nested aliases')]);
  const r = new Reader(file, lines, checkRegex);
  const root = doc.contents;
  if (!isMap(root)) {
    return fail([error({ file, line: 1, column: 1 }, 'a codebook is a mapping with categories, types and codes', 'see codebooks/collaboration-code.yaml for an example')]);
  }
  const top = r.entries(root, TOP_KEYS, 'the codebook');

  const title = r.string(top.get('title'), 'title', false) ?? 'Codebook';
  const languageNode = top.get('language');
  const languageText = r.string(languageNode, 'language', false) ?? 'en';
  let language: Language = 'en';
  if (isLanguage(languageText)) language = languageText;
  else r.error(languageNode, `unsupported language "${languageText}"`, `use one of: ${LANGUAGES.join(', ')}`);

  const categories = readGroups(r, top.get('categories'), 'categories', root);
  const types = readGroups(r, top.get('types'), 'types', root);
  const codes = readCodes(r, top.get('codes'), root, new Set(categories.map((c) => c.id)), new Set(types.map((t) => t.id)));

  const description = r.string(top.get('description'), 'description', false);
  const codebook: Codebook = { title, language, categories, types, codes, ...(description === undefined ? {} : { description }) };
  const problems = [...r.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return problems.some((p) => p.severity === 'error') ? fail(problems) : ok(codebook, problems);
}

function sequence(r: Reader, node: Node | null | undefined, what: string, parent: Node): readonly (Node | null)[] {
  if (node === undefined || node === null) {
    r.error(parent, `"${what}" is missing`, `add a list of ${what}`);
    return [];
  }
  if (!isSeq(node)) {
    r.error(node, `"${what}" must be a list`);
    return [];
  }
  if (node.items.length === 0) r.error(node, `"${what}" is empty`);
  return node.items as (Node | null)[];
}

function readGroups(r: Reader, node: Node | null | undefined, what: 'categories' | 'types', root: Node): (Category | CodeType)[] {
  const groups: (Category | CodeType)[] = [];
  const seen = new Map<string, Node | null>();
  for (const item of sequence(r, node, what, root)) {
    if (!isMap(item)) {
      r.error(item, `each of ${what} needs an id and a label`);
      continue;
    }
    const e = r.entries(item, GROUP_KEYS, what);
    const id = r.id(e.get('id'), 'id', item);
    const label = r.string(e.get('label'), 'label', true, item);
    const description = r.string(e.get('description'), 'description', false);
    if (id === undefined || label === undefined) continue;
    if (seen.has(id)) {
      r.error(e.get('id'), `duplicate id "${id}" in ${what} (first defined at line ${r.at(seen.get(id)).line})`);
      continue;
    }
    seen.set(id, e.get('id') ?? null);
    groups.push({ id, label, ...(description === undefined ? {} : { description }) });
  }
  return groups;
}

function readCodes(r: Reader, node: Node | null | undefined, root: Node, categories: Set<string>, types: Set<string>): Code[] {
  const codes: Code[] = [];
  const seen = new Map<string, Node | null>();
  for (const item of sequence(r, node, 'codes', root)) {
    if (!isMap(item)) {
      r.error(item, 'each code is a mapping with id, label, type, category and terms');
      continue;
    }
    const e = r.entries(item, CODE_KEYS, 'a code');
    const id = r.id(e.get('id'), 'code id', item);
    const label = r.string(e.get('label'), 'label', true, item);
    const type = reference(r, e.get('type'), 'type', types, item);
    const category = reference(r, e.get('category'), 'category', categories, item);
    const definition = r.string(e.get('definition'), 'definition', false);
    if (id !== undefined && definition === undefined) r.warn(item, `code "${id}" has no definition`, 'say what the code means, so coders and readers apply it alike');
    const useWhen = r.string(e.get('use_when'), 'use_when', false);
    const doNotUseWhen = r.string(e.get('do_not_use_when'), 'do_not_use_when', false);
    const terms = readTerms(r, e.get('terms'), 'terms');
    const exclude = readTerms(r, e.get('exclude'), 'exclude');
    // A code whose terms are all invalid has been reported for them already.
    if (!hasItems(e.get('terms'))) {
      r.error(e.get('terms') ?? item, `code "${id ?? '?'}" has no terms, so it can never be applied`, 'add terms under terms.en or terms.es');
    }
    if (id !== undefined && seen.has(id)) {
      r.error(e.get('id'), `duplicate code id "${id}" (first defined at line ${r.at(seen.get(id)).line})`);
      continue;
    }
    if (id === undefined || label === undefined || type === undefined || category === undefined) continue;
    seen.set(id, e.get('id') ?? null);
    codes.push({
      id,
      label,
      type,
      category,
      definition: definition ?? '',
      ...(useWhen === undefined ? {} : { useWhen }),
      ...(doNotUseWhen === undefined ? {} : { doNotUseWhen }),
      terms,
      exclude,
    });
  }
  return codes;
}

function reference(r: Reader, node: Node | null | undefined, what: 'type' | 'category', known: Set<string>, parent: Node): string | undefined {
  const value = r.string(node, what, true, parent);
  if (value === undefined || value === '') return undefined;
  if (!known.has(value)) {
    const list = what === 'type' ? 'types' : 'categories';
    r.error(node, `unknown ${what} "${value}"${didYouMean(value, [...known])}`, `declare it under ${list}, or use one of: ${[...known].join(', ')}`);
    return undefined;
  }
  return value;
}

function readTerms(r: Reader, node: Node | null | undefined, what: 'terms' | 'exclude'): Record<Language, string[]> {
  const byLanguage: Record<Language, string[]> = { en: [], es: [] };
  if (node === undefined || node === null) return byLanguage;
  if (!isMap(node)) {
    r.error(node, `"${what}" is a mapping from language to a list of terms`, `e.g.\n  ${what}:\n    en: [funding, donor*]\n    es: [financiación, donante*]`);
    return byLanguage;
  }
  for (const [language, list] of r.entries(node, LANGUAGES, `"${what}"`)) {
    if (!isSeq(list)) {
      r.error(list, `${what}.${language} must be a list of terms`);
      continue;
    }
    const seen = new Set<string>();
    for (const item of list.items as (Node | null)[]) {
      const term = r.string(item, 'a term', true, list);
      if (term === undefined || term === '') continue;
      const parsed = parseTerm(term);
      const unsafe = typeof parsed !== 'string' && parsed.kind === 'regex' ? r.checkRegex(parsed.regex.source) : undefined;
      if (typeof parsed === 'string') r.error(item, `${what}.${language}: ${parsed}`);
      else if (unsafe !== undefined) r.error(item, `${what}.${language}: the regular expression ${term} ${unsafe}`, UNSAFE_REGEX_HINT);
      else if (seen.has(term.toLowerCase())) r.warn(item, `${what}.${language}: "${term}" is listed twice`);
      else {
        seen.add(term.toLowerCase());
        byLanguage[language as Language].push(term);
      }
    }
  }
  return byLanguage;
}

// Aliases (&terms … *terms) are resolved by copying what they name; nested aliases can multiply ("billion laughs").
const MAX_ALIAS_NODES = 100_000;

/** Replaces each alias by a copy of its anchor's node. Undefined, or the offset of the alias that passed the cap. */
function expandAliases(doc: Document): number | undefined {
  let copied = 0;
  let overflow: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target === undefined) return undefined;
      let size = 0;
      visit(target, () => void size++);
      copied += size;
      if (copied > MAX_ALIAS_NODES) {
        overflow = alias.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return target.clone() as Node;
    },
  });
  return overflow;
}

const UNSAFE_REGEX_HINT = 'a repeated group whose parts can match the same text in several ways, as in (\\w+\\s?)+, tries every way before failing; repeat a group that starts or ends with a fixed character, as in \\w+(?:\\s\\w+)*, or use a phrase term';

const hasItems = (terms: Node | null | undefined): boolean =>
  isMap(terms) && terms.items.some((pair) => isSeq(pair.value) && pair.value.items.length > 0);

