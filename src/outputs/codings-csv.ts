// codings.csv: one row per coding, with the turn's time in the recording (hh:mm:ss[.mmm]) where the source has one.
// Automatic codings come with the terms that produced them and their strength; when human codings are
// analysed too, `source` and `coder` columns tell the rows apart.
import type { Analysis } from '../core/analysis/analyze.js';
import type { AutoCoding, Coding } from '../core/coding/coding.js';
import { strengthOfScore } from '../core/coding/strength.js';
import { formatTime } from '../core/transcripts/time.js';
import { formatCsvChunks } from './csv.js';

export const CODINGS_HEADER = ['transcript', 'turn', 'time', 'speaker', 'code_id', 'code_label', 'type', 'category', 'score', 'strength', 'matched_terms', 'start', 'end', 'text'];
const WITH_SOURCE_HEADER = ['transcript', 'turn', 'time', 'speaker', 'code_id', 'code_label', 'type', 'category', 'source', 'coder', 'score', 'strength', 'matched_terms', 'start', 'end', 'text'];

/**
 * In chunks: a corpus of hundreds of MB gives a codings.csv larger than one string can be. A streamed corpus wrote its
 * rows as it was coded (codingsCsvRows), and they follow the header as they were written.
 */
export function formatCodingsCsv(analysis: Analysis): Iterable<string> {
  const withSource = analysis.sources.includes('human');
  const header = withSource ? WITH_SOURCE_HEADER : CODINGS_HEADER;
  const rows = analysis.codingRows;
  if ('held' in rows) return formatCsvChunks(header, rows.held, codingRow(withSource));
  return (function* () {
    yield* formatCsvChunks(header, [], codingRow(withSource));
    yield* rows.written();
  })();
}

/** The rows of automatic codings as codings.csv shows them without human codings, header left out, in chunks. */
export function* codingsCsvRows(codings: readonly AutoCoding[]): Generator<string> {
  const chunks = formatCsvChunks([], codings, codingRow(false));
  chunks.next();
  yield* chunks;
}

const codingRow = (withSource: boolean) => (c: Coding) => {
  const auto = c.source === 'auto' ? [c.score, strengthOfScore(c.score), c.matchedTerms.join('; ')] : ['', '', ''];
  const source = withSource ? [c.source, c.source === 'human' ? c.coder : ''] : [];
  return [c.transcript, c.turn, c.time === undefined ? '' : formatTime(c.time), c.speaker, c.code.id, c.code.label, c.code.type, c.code.category, ...source, ...auto, c.start, c.end, c.text];
};
