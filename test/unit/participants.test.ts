// Joining a participants table to the transcripts: which column names them, attributes, and what disagrees.
import { describe, expect, it } from 'vitest';
import { joinParticipants, type ParticipantsTable } from '../../src/core/transcripts/participants.js';
import type { TranscriptDraft } from '../../src/core/transcripts/transcript.js';

const draft = (id: string, file: string, attributes: Record<string, string> = {}, languageGiven = false): TranscriptDraft => ({
  id,
  file,
  language: 'en',
  languageGiven,
  attributes,
  text: 'Respondent: hi',
  turns: [],
});

const table = (columns: string[], ...rows: string[][]): ParticipantsTable => ({
  file: 'people.csv',
  columns,
  rows: rows.map((cells, i) => ({ line: i + 2, values: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])) })),
});

const corpus = [draft('M01', 'interviews/M01.txt'), draft('M02', 'interviews/m02-final.docx'), draft('D01', 'interviews/D01.vtt', { group: 'donors' }, true)];

describe('joinParticipants', () => {
  it('finds the column naming the transcripts by id or file name, and adds the attributes broken down by', () => {
    const people = table(['Code', 'File', 'group', 'career stage', 'name'], ['x1', 'M01', 'members', 'early', 'A. Person'], ['x2', 'M02-FINAL.docx', 'allies', 'senior', 'B. Person'], ['x3', 'D01', 'donors', 'mid', 'C. Person']);
    const joined = joinParticipants(corpus, people, { attributes: ['group', 'career stage'] });
    if (!joined.ok) throw new Error(JSON.stringify(joined.problems));
    expect(joined.warnings).toEqual([]);
    expect(joined.value.map((d) => d.attributes)).toEqual([{ group: 'members', 'career stage': 'early' }, { group: 'allies', 'career stage': 'senior' }, { group: 'donors', 'career stage': 'mid' }]);
    // Every column is kept on the row, names included, but only the columns broken down by become attributes.
    expect(joined.value[0]!.participant).toEqual({ source: { file: 'people.csv', line: 2 }, values: { Code: 'x1', File: 'M01', group: 'members', 'career stage': 'early', name: 'A. Person' } });
  });

  it('uses --participants-id when given, and refuses an unknown one', () => {
    const people = table(['Interview', 'Alt'], ['M01', 'M02']);
    const joined = joinParticipants(corpus, people, { idColumn: 'interview', attributes: [] });
    expect(joined.ok && joined.value[0]!.participant?.values['Interview']).toBe('M01');
    const unknown = joinParticipants(corpus, people, { idColumn: 'Ref', attributes: [] });
    expect(unknown).toMatchObject({ ok: false, problems: [{ file: 'people.csv', line: 1, message: 'no column "Ref" (--participants-id)', hint: 'its columns: Interview, Alt' }] });
  });

  it('refuses a table where no column, or two columns alike, name the transcripts', () => {
    expect(joinParticipants(corpus, table(['a', 'b'], ['x', 'y']), { attributes: [] })).toMatchObject({ ok: false, problems: [{ message: 'no column names the transcripts (by id, or file name without extension)' }] });
    expect(joinParticipants(corpus, table(['a', 'b'], ['M01', 'M01']), { attributes: [] })).toMatchObject({ ok: false, problems: [{ message: 'columns "a" and "b" both name 1 transcripts' }] });
  });

  it('warns of a transcript without a row, a row without a transcript, and a contradiction with front matter, naming both places', () => {
    const people = table(['id', 'group'], ['M01', 'members'], ['D01', 'members'], ['Z09', 'allies']);
    const joined = joinParticipants(corpus, people, { attributes: ['group'] });
    if (!joined.ok) throw new Error('refused');
    expect(joined.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      ['people.csv', 4, 'row "Z09" names no transcript (column "id")'],
      ['interviews/m02-final.docx', undefined, 'M02 has no row in people.csv (column "id")'],
      ['interviews/D01.vtt', undefined, 'front matter group "donors" contradicts people.csv:3 (group "members"); the front matter\'s value is kept'],
    ]);
    expect(joined.value[2]!.attributes).toEqual({ group: 'donors' });
  });

  it('refuses two rows for one transcript', () => {
    expect(joinParticipants(corpus, table(['id'], ['M01'], ['m01']), { attributes: [] })).toMatchObject({ ok: false, problems: [{ line: 3, message: 'a second row for M01 (interviews/M01.txt), after line 2' }] });
  });

  it('gives the language of transcripts that name none', () => {
    const joined = joinParticipants(corpus, table(['id', 'language'], ['M01', 'es'], ['D01', 'es'], ['M02', 'fr']), { attributes: [] });
    if (!joined.ok) throw new Error('refused');
    expect(joined.value.map((d) => d.language)).toEqual(['es', 'en', 'en']);
    expect(joined.warnings.map((w) => w.kind)).toEqual(['unsupported language', 'participants table contradicts front matter']);
  });
});
