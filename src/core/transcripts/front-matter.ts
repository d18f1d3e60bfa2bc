// Optional YAML front matter at the top of a transcript: id, language and attributes for breakdowns.
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { yamlSyntaxProblems } from '../yaml-errors.js';
import { error, fail, ok, type Problem, type Result } from '../problem.js';

export interface FrontMatter {
  /**
   * Every key with a scalar value, as text. Null-prototype objects: any key a transcript gives (constructor,
   * __proto__, toString) is data, and a key it does not give reads as undefined.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** The file line of each key, for problems with a value. */
  readonly lines: Readonly<Record<string, number>>;
  /** Where the body starts (UTF-16 offset) and on which line, so body problems can name lines. */
  readonly bodyStart: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

export function parseFrontMatter(text: string, file: string): Result<FrontMatter> {
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  if (!FENCE.test(firstLine)) return ok({ fields: Object.create(null), lines: Object.create(null), bodyStart: 0 });

  let lineStart = firstLineEnd + 1;
  let closeStart = -1;
  let bodyStart = text.length;
  while (firstLineEnd >= 0 && lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (CLOSE.test(line)) {
      closeStart = lineStart;
      bodyStart = lineEnd < 0 ? text.length : lineEnd + 1;
      break;
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  if (closeStart < 0) {
    return fail([error({ file, line: 1, column: 1 }, 'front matter opened with --- is never closed', 'end the front matter with a line holding only ---')]);
  }

  const yamlText = text.slice(firstLineEnd + 1, closeStart);
  const flat = flatFrontMatter(yamlText);
  if (flat !== undefined) return ok({ ...flat, bodyStart });
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    return fail(yamlSyntaxProblems(doc, lineCounter, file, (m) => `malformed front matter: ${m}`, 'front matter is YAML between two --- lines, e.g. "group: members"', 1));
  }
  if (doc.contents === null) return ok({ fields: Object.create(null), lines: Object.create(null), bodyStart });
  if (!isMap(doc.contents)) {
    return fail([error({ file, line: 2, column: 1 }, 'malformed front matter: expected "key: value" lines')]);
  }

  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const problems: Problem[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const at = lineCounter.linePos((pair.key as Node | null)?.range?.[0] ?? 0).line;
    if (key === undefined) {
      problems.push(error({ file, line: at + 1, column: 1 }, 'malformed front matter: keys must be plain words'));
      continue;
    }
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
    if (!isScalar(pair.value)) {
      problems.push(error({ file, line: at + 1, column: 1 }, `front matter "${key}" must be a single value, not a list or mapping`));
      continue;
    }
    fields[key] = String(pair.value.value).trim();
    lines[key] = at + 1;
  }
  return problems.length > 0 ? fail(problems) : ok({ fields, lines, bodyStart });
}

// Most front matter is "key: words" lines, which YAML reads as the words. Those are read here: the YAML parser's first
// few thousand calls are slow while its code is compiled (a third of reading 3,200 small transcripts). A value YAML
// could read otherwise (a number, true, null, quotes, a comment, a list) sends the whole front matter to YAML.
const FLAT_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ \t]+(\p{L}[\p{L}\p{M}\p{N} .,()/_-]*)$/u;
const NOT_WORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** The fields and lines of front matter of flat "key: words" lines only; undefined for anything else. */
export function flatFrontMatter(yamlText: string): Pick<FrontMatter, 'fields' | 'lines'> | undefined {
  if (yamlText.length === 0) return undefined;
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const rows = yamlText.split('\n');
  // The text between the fences ends with the line break before the closing one.
  if (rows.at(-1) === '') rows.pop();
  for (let i = 0; i < rows.length; i++) {
    const match = FLAT_LINE.exec(rows[i]!.trimEnd());
    if (match === null) return undefined;
    const [, key, value] = match as unknown as [string, string, string];
    // A repeated key is an error YAML reports.
    if (NOT_WORDS.test(key) || NOT_WORDS.test(value) || key in fields) return undefined;
    fields[key] = value.trim();
    // Line 1 is the opening fence.
    lines[key] = i + 2;
  }
  return { fields, lines };
}
