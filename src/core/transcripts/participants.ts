// A participants table beside the transcripts (group, region, career stage…): one row per transcript, joined to it.
import { error, fail, ok, warning, type Location, type Problem, type Result } from '../problem.js';
import { isLanguage, LANGUAGES } from '../text/language.js';
import { attributeRecord, type TranscriptDraft } from './transcript.js';

export interface ParticipantsTable {
  readonly file: string;
  /** Column names in the file's order. */
  readonly columns: readonly string[];
  /** Each row's cells by column name, as text (spreadsheet dates as dates), and the row's line or sheet row. */
  readonly rows: readonly { readonly line: number; readonly values: Readonly<Record<string, string>> }[];
}

export interface JoinOptions {
  /** The column naming the transcripts (--participants-id); default: the one column whose values name them. */
  readonly idColumn?: string;
  /**
   * Columns that become attributes, shown in the report and usable with --by: those broken down by. Other columns
   * (names, contacts, consent) stay on the transcript's `participant` row and are never published.
   */
  readonly attributes: readonly string[];
}

/** Ids and file names without extension, compared without case: how a row names its transcript. */
const nameKey = (value: string): string => value.trim().replace(/\.[A-Za-z0-9]{2,4}$/, '').toLowerCase();

/**
 * Joins each draft to its row: the attributes named, and `language` when the transcript names none. A transcript
 * without a row, a row naming no transcript, and a value contradicting the transcript's front matter are warnings.
 */
export function joinParticipants(drafts: readonly TranscriptDraft[], table: ParticipantsTable, options: JoinOptions): Result<TranscriptDraft[]> {
  const header = { file: table.file, line: 1 };
  const keysOf = (d: TranscriptDraft) => new Set([nameKey(d.id), nameKey(d.file.split('/').at(-1)!)]);
  const keyed = new Map<string, TranscriptDraft>();
  for (const d of drafts) for (const k of keysOf(d)) keyed.set(k, d);

  const idColumn = options.idColumn === undefined ? guessIdColumn(table, keyed) : ok(options.idColumn);
  if (!idColumn.ok) return idColumn;
  const column = table.columns.find((c) => c.trim().toLowerCase() === idColumn.value.trim().toLowerCase());
  if (column === undefined) {
    return fail([error(header, `no column "${idColumn.value}" (--participants-id)`, `its columns: ${table.columns.join(', ')}`)]);
  }

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rowOf = new Map<TranscriptDraft, { line: number; values: Readonly<Record<string, string>> }>();
  for (const row of table.rows) {
    const name = row.values[column]?.trim() ?? '';
    if (name === '') continue;
    const draft = keyed.get(nameKey(name));
    const at: Location = { file: table.file, line: row.line };
    if (draft === undefined) {
      warnings.push({ ...warning(at, `row "${name}" names no transcript (column "${column}")`, 'check the id, or remove the row if that interview is not in the corpus'), kind: 'participant row without transcript' });
      continue;
    }
    const before = rowOf.get(draft);
    if (before !== undefined) {
      problems.push(error(at, `a second row for ${draft.id} (${draft.file}), after line ${before.line}`, 'keep one row per transcript'));
      continue;
    }
    rowOf.set(draft, row);
  }
  if (problems.length > 0) return fail(problems);

  const joined = drafts.map((draft): TranscriptDraft => {
    const row = rowOf.get(draft);
    if (row === undefined) {
      warnings.push({
        ...warning({ file: draft.file }, `${draft.id} has no row in ${table.file} (column "${column}")`, `add a row for it, or the attributes it has there are "(not given)"`),
        kind: 'transcript without participant row',
      });
      return draft;
    }
    const at: Location = { file: table.file, line: row.line };
    const attributes = attributeRecord(draft.attributes);
    for (const [name, value] of Object.entries(row.values)) {
      if (name === column || value.trim() === '') continue;
      const own = draft.attributes[name];
      if (own !== undefined && own !== value.trim()) {
        warnings.push({
          ...warning({ file: draft.file }, `front matter ${name} "${own}" contradicts ${table.file}:${row.line} (${name} "${value.trim()}"); the front matter's value is kept`, 'correct one of them'),
          kind: 'participants table contradicts front matter',
        });
      } else if (own === undefined && options.attributes.includes(name) && name !== 'language') {
        attributes[name] = value.trim();
      }
    }
    const language = row.values['language']?.trim();
    let chosen = draft.language;
    if (language !== undefined && language !== '') {
      if (!isLanguage(language)) warnings.push({ ...warning(at, `unsupported language "${language}" for ${draft.id}; ${draft.language} is used`, `use one of: ${LANGUAGES.join(', ')}`), kind: 'unsupported language' });
      else if (draft.languageGiven !== true) chosen = language;
      else if (language !== draft.language) {
        warnings.push({
          ...warning({ file: draft.file }, `front matter language "${draft.language}" contradicts ${table.file}:${row.line} (language "${language}"); the front matter's value is kept`, 'correct one of them'),
          kind: 'participants table contradicts front matter',
        });
      }
    }
    return { ...draft, language: chosen, attributes, participant: { source: at, values: row.values } };
  });
  return ok(joined, warnings);
}

/** The one column whose values name the most transcripts; none, or two naming as many, is an error. */
function guessIdColumn(table: ParticipantsTable, keyed: ReadonlyMap<string, TranscriptDraft>): Result<string> {
  const counts = table.columns.map((column) => ({ column, names: table.rows.filter((r) => keyed.has(nameKey(r.values[column] ?? ''))).length }));
  const best = Math.max(0, ...counts.map((c) => c.names));
  const leaders = counts.filter((c) => c.names === best);
  const where = { file: table.file, line: 1 };
  if (best === 0) {
    return fail([error(where, 'no column names the transcripts (by id, or file name without extension)', `its columns: ${table.columns.join(', ')}; name the one to match with --participants-id COLUMN`)]);
  }
  if (leaders.length > 1) {
    return fail([error(where, `columns ${leaders.map((c) => `"${c.column}"`).join(' and ')} both name ${best} transcripts`, 'name the one to match with --participants-id COLUMN')]);
  }
  return ok(leaders[0]!.column);
}
