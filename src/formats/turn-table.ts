// .csv and .tsv with one row per turn, as oral-history archives keep them: a speaker, what was said and often a time.
// Columns are found by their usual names or mapped with --turn-columns; an empty speaker continues the previous turn,
// and consecutive rows of one speaker are one turn; a label's trailing colon is dropped ("DB:" is DB); HTML entities
// (&#8217;) are decoded.
//
// The text offsets refer to is built (see turn-text.ts): one paragraph per turn, "[00:01:02] DB: words", the rows of
// one turn separated by a blank line (a row is a paragraph).
import { decodeHTML } from 'entities';
import { error, fail, ok, warning, type Problem, type Result } from '../core/problem.js';
import { parseCsvTable, type Table } from '../core/tables/csv-table.js';
import { parseTime } from '../core/transcripts/time.js';
import type { TranscriptDraft } from '../core/transcripts/transcript.js';
import { decodeTextFile, plainDraft, type ReadContext, type TranscriptReader, type TurnColumnMapping } from './reader.js';
import { mergeTurns, writeTurns, type SpokenTurn } from './turn-text.js';

export const turnTableReader: TranscriptReader = { read: (bytes, context) => Promise.resolve(readTurnTable(bytes, context)) };

type TurnColumn = keyof TurnColumnMapping;

/** The names each column goes by, compared with case, spaces, "_" and "-" ignored. */
export const TURN_COLUMN_NAMES: Readonly<Record<TurnColumn, readonly string[]>> = {
  speaker: ['speaker', 'speaker name', 'speaker label', 'who', 'name', 'person', 'participant', 'role', 'narrator'],
  text: ['text', 'transcript', 'transcription', 'words', 'utterance', 'content', 'dialogue', 'speech', 'said'],
  time: ['time', 'timestamp', 'start', 'start time', 'begin', 'timecode', 'time code', 'in time'],
};

const key = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

function readTurnTable(bytes: Uint8Array, context: ReadContext): Result<TranscriptDraft> {
  const decoded = decodeTextFile(bytes, context.file);
  if (!decoded.ok) return decoded;
  const table = parseCsvTable(decoded.value, context.file, 'the transcript, one row per turn,');
  if (!table.ok) return table;
  const columns = findColumns(table.value, context.turnColumns ?? {});
  if (!columns.ok) return columns;
  const { speaker, text, time } = columns.value;

  const rows: SpokenTurn[] = [];
  const warnings: Problem[] = [];
  for (const { line, cells } of table.value.records) {
    const cell = (i: number | undefined) => (i === undefined ? '' : decodeHTML(cells[i] ?? '').trim());
    const words = cell(text);
    if (words === '') continue;
    const timeText = cell(time);
    const seconds = timeText === '' ? undefined : parseTime(timeText);
    if (timeText !== '' && seconds === undefined) {
      warnings.push({ ...warning({ file: context.file, line }, `time "${timeText}" is not a time; the turn has none`, 'write times as 00:01:02, 1:02 or seconds'), kind: 'unreadable time' });
    }
    const label = cell(speaker).replace(/\s+/g, ' ').replace(/[ \t]*:$/, '');
    rows.push({ speaker: label, words, ...(seconds === undefined ? {} : { time: seconds }) });
  }
  const built = writeTurns(mergeTurns(rows, '\n\n'));
  return ok(plainDraft(context, built.text, built.turns), warnings);
}

/** The speaker, text and (optional) time columns: mapped ones by their given name, others by their usual names. */
function findColumns(table: Table, mapping: TurnColumnMapping): Result<Record<TurnColumn, number | undefined>> {
  const position = new Map<string, number>();
  table.header.forEach((name, i) => void (position.has(key(name)) ? undefined : position.set(key(name), i)));
  const find = (column: TurnColumn): number | undefined => {
    const given = mapping[column];
    if (given !== undefined) return position.get(key(given));
    return TURN_COLUMN_NAMES[column].map((name) => position.get(name)).find((i) => i !== undefined);
  };
  const found = { speaker: find('speaker'), text: find('text'), time: find('time') };
  const missing = (['text', 'speaker'] as const).filter((c) => found[c] === undefined);
  if (missing.length === 0) return ok(found);
  const expected = (c: TurnColumn) => (mapping[c] === undefined ? `no ${c} column (looked for ${TURN_COLUMN_NAMES[c].join(', ')})` : `no column "${mapping[c]}" (for ${c})`);
  return fail([
    error(
      { file: table.file, line: 1 },
      `not a turn table: ${missing.map(expected).join('; ')}`,
      `its columns: ${table.header.join(', ')}; name yours with --turn-columns ${missing.map((c) => `${c}=NAME`).join(',')}, or move a table that is not a transcript out of the transcripts folder`,
    ),
  ]);
}
