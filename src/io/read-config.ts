// collab-code.yaml in the working directory: analyze's settings, so CI can run `collab-code analyze` bare.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { error, fail, ok, type Problem, type Result } from '../core/problem.js';
import { yamlSyntaxProblems } from '../core/yaml-errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { isUnitKind, UNIT_KINDS, type UnitKind } from '../core/coding/unit-kinds.js';

export const CONFIG_FILE = 'collab-code.yaml';

export interface Config {
  readonly transcripts?: readonly string[];
  readonly codebook?: string;
  readonly out?: string;
  readonly by?: readonly string[];
  readonly unit?: UnitKind;
  /** Interviewer labels; "auto" picks one by its questions where none is known. */
  readonly interviewers?: readonly string[];
  /** Column names of turn tables ("speaker=Narrator"). */
  readonly turn_columns?: readonly string[];
  /** A participants table (.csv, .tsv or .xlsx) and its column naming the transcripts. */
  readonly participants?: string;
  readonly participants_id?: string;
  /** Human codings files, for a report from human coding. */
  readonly codings?: readonly string[];
  readonly columns?: readonly string[];
  readonly auto?: boolean;
  /** No warnings, information or progress (--quiet). */
  readonly quiet?: boolean;
  /** CSV outputs with a byte-order mark for Excel (--excel). */
  readonly excel?: boolean;
  /** Also write collab-code.qdpx, the coded project for QDA tools (--qdpx). */
  readonly qdpx?: boolean;
  /** Folders holding sources that .qdpx projects keep outside their archive (--sources). */
  readonly sources?: readonly string[];
  /** --redact: true (quotes), false, or "all". */
  readonly redact?: boolean | 'quotes' | 'all';
  readonly private_names?: string;
  readonly quote_review?: string;
  readonly attribute_quotes?: readonly string[];
  /** Automatic codings scoring less are left out (--min-score). */
  readonly min_score?: number;
  /** A gold codings file to score the automatic coding against in the report (--gold). */
  readonly gold?: string;
  /** false: no charts (--no-charts). */
  readonly charts?: boolean;
  /** Suggest codes for uncoded units in suggestions.csv (--suggest). */
  readonly suggest?: boolean;
  /** false: report.html does not link quotes to their transcript and turn (--no-quote-links), for publication. */
  readonly quote_links?: boolean;
}

const LISTS = ['transcripts', 'by', 'interviewers', 'codings', 'columns', 'turn_columns', 'sources', 'attribute_quotes'] as const;
const SCALARS = ['codebook', 'out', 'unit', 'auto', 'quiet', 'excel', 'participants', 'participants_id', 'qdpx', 'min_score', 'gold', 'charts', 'suggest', 'quote_links', 'redact', 'private_names', 'quote_review'] as const;
const BOOLEANS: readonly string[] = ['auto', 'quiet', 'excel', 'qdpx', 'charts', 'suggest', 'quote_links'];
/** Every setting collab-code.yaml may hold. */
export const CONFIG_KEYS: readonly string[] = [...LISTS, ...SCALARS];
const KEYS = CONFIG_KEYS;

/** The config, or an empty one when the file does not exist. */
export async function readConfig(cwd: string): Promise<Result<Config>> {
  let text: string;
  try {
    text = await readFile(path.join(cwd, CONFIG_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok({});
    return fail([error({ file: CONFIG_FILE }, `cannot read: ${(e as Error).message}`)]);
  }
  return parseConfig(text, CONFIG_FILE);
}

export function parseConfig(text: string, file: string): Result<Config> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (node: Node | null | undefined) => {
    const pos = node?.range ? lines.linePos(node.range[0]) : undefined;
    return { file, line: pos?.line, column: pos?.col };
  };
  if (doc.errors.length > 0) return fail(yamlSyntaxProblems(doc, lines, file, (m) => `YAML syntax: ${m}`));
  if (doc.contents === null) return ok({});
  if (!isMap(doc.contents)) return fail([error({ file, line: 1, column: 1 }, 'expected "key: value" settings', `allowed keys: ${KEYS.join(', ')}`)]);

  const config: Record<string, string | string[] | boolean | number> = {};
  const problems: Problem[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const value = pair.value as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!KEYS.includes(key)) {
      problems.push(error(at(keyNode), `unknown setting "${key}"${didYouMean(key, KEYS)}`, `allowed keys: ${KEYS.join(', ')}`));
    } else if ((LISTS as readonly string[]).includes(key)) {
      const items = isSeq(value) ? (value.items as Node[]) : [value];
      if (!items.every((item) => isScalar(item) && item.value !== null)) problems.push(error(at(value ?? keyNode), `"${key}" must be a value or a list of values`));
      else config[key] = items.map((item) => String((item as { value: unknown }).value));
    } else if (!isScalar(value) || value.value === null) {
      problems.push(error(at(value ?? keyNode), `"${key}" must be a single value`));
    } else if (BOOLEANS.includes(key)) {
      if (typeof value.value === 'boolean') config[key] = value.value;
      else problems.push(error(at(value), `"${key}" must be true or false`));
    } else if (key === 'redact') {
      if (typeof value.value === 'boolean' || value.value === 'quotes' || value.value === 'all') config[key] = value.value;
      else problems.push(error(at(value), '"redact" must be true, false, quotes or all'));
    } else if (key === 'min_score') {
      if (typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 1) config[key] = value.value;
      else problems.push(error(at(value), '"min_score" must be a whole number of 1 or more', 'codings scoring less are left out; 2 leaves out those resting on one single-word occurrence'));
    } else if (key === 'unit' && !isUnitKind(value.value)) {
      problems.push(error(at(value), `unknown unit "${String(value.value)}"`, `use one of: ${UNIT_KINDS.join(', ')}`));
    } else {
      config[key] = String(value.value);
    }
  }
  return problems.length > 0 ? fail(problems) : ok(config as Config);
}
