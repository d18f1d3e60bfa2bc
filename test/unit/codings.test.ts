// Human codings: reading the table, resolving code names, and placing segments in their transcripts.
import { describe, expect, it } from 'vitest';
import { codingRowsOf, parseColumnMapping, type CodingRow, type CodingsTable } from '../../src/core/codings/codings-table.js';
import { locateSegment } from '../../src/core/codings/locate-segment.js';
import { placeCodings, summarisePlacement } from '../../src/core/codings/place-codings.js';
import { codebookFromCodeNames, codePath, codeResolver } from '../../src/core/codings/resolve-codes.js';
import { sliceCodePoints } from '../../src/core/text/offsets.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const found = (text: string, segment: string) => {
  const located = locateSegment(text, segment);
  if (!located.found) throw new Error(located.reason);
  return { text: text.slice(located.span.start, located.span.end), match: located.match };
};

/** The smallest edit distance of `pattern` to any substring of `text`, the slow obvious way. */
function closestDistance(text: string, pattern: string): number {
  let row = Array.from({ length: text.length + 1 }, () => 0);
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i];
    for (let j = 1; j <= text.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1)));
    row = next;
  }
  return Math.min(...row);
}

describe('locating a segment', () => {
  const transcript = 'Respondent: We never\nknew who decided.  The “core team” decided — always — and the collab-\noration suffered.\nNo one asked us.';

  it('finds it exactly first', () => {
    expect(found(transcript, 'No one asked us.')).toEqual({ text: 'No one asked us.', match: 'exact' });
  });

  it('ignores differences in line breaks and runs of spaces', () => {
    expect(found(transcript, 'We never knew who decided. The')).toEqual({ text: 'We never\nknew who decided.  The', match: 'normalised' });
  });

  it('ignores typographic quotes and dashes, and case', () => {
    expect(found(transcript, 'the "core team" decided - always - and')).toEqual({ text: 'The “core team” decided — always — and', match: 'normalised' });
  });

  it('joins words hyphenated across a line break', () => {
    expect(found(transcript, 'the collaboration suffered')).toEqual({ text: 'the collab-\noration suffered', match: 'normalised' });
  });

  it('ignores quote marks and ellipses an export put around the segment', () => {
    expect(found(transcript, '“…no one asked us”')).toEqual({ text: 'No one asked us', match: 'normalised' });
  });

  it('falls back to the closest passage when it is similar enough', () => {
    expect(found(transcript, 'We never knew who had decided')).toEqual({ text: 'We never\nknew who decided', match: 'fuzzy' });
  });

  it('says how close the closest passage is when it is not close enough', () => {
    expect(locateSegment(transcript, 'We never knew who decided, nobody did')).toEqual({ found: false, reason: 'not found; the closest passage is only 72% similar (85% needed)' });
  });

  it('skips the fuzzy search when too few of the segment’s trigrams occur in the transcript', () => {
    expect(locateSegment(transcript, 'Funding came late every single year.')).toEqual({ found: false, reason: 'not found; no passage comes close to 85% similar' });
  });

  it('never skips a passage that is similar enough: a typo in every word still passes the filter', () => {
    // 12 edits in 81 characters (85.2% similar, just above the threshold), a slip in nearly every word.
    const typos = 'Tge “cote tean” decoded — alwats — abd tha collaboratiin sufered. Bo ont askex us.';
    const located = locateSegment(transcript.replace('collab-\noration', 'collaboration'), typos);
    expect(located.found && [located.match, located.similarity.toFixed(3)]).toEqual(['fuzzy', '0.852']);
  });

  it('finds an approximate passage deep in a long transcript, skipping unlike stretches', () => {
    const filler = 'Other things were said here about many topics. '.repeat(200);
    const long = `${filler}We never knew who decided, and the core team decided always.${filler}`;
    const located = locateSegment(long, 'We nevr knew who decided, and the core team decided alway.');
    expect(located.found && [located.match, long.slice(located.span.start, located.span.end)]).toEqual(['fuzzy', 'We never knew who decided, and the core team decided alway']);
  });

  it('loses no match to its window filter: the same distance as a search of the whole text', () => {
    // Seeded random texts over a few letters, and segments cut from them with random edits.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = () => Array.from({ length: 2 + Math.floor(random() * 5) }, () => 'abcdr'[Math.floor(random() * 5)]).join('');
    for (let round = 0; round < 150; round++) {
      const text = Array.from({ length: 150 }, word).join(' ');
      const start = Math.floor(random() * (text.length - 80));
      const chars = [...text.slice(start, start + 30 + Math.floor(random() * 50))];
      for (let e = Math.floor(random() * 10); e > 0; e--) chars[Math.floor(random() * chars.length)] = 'xyz'[Math.floor(random() * 3)]!;
      const segment = `q${chars.join('').trim()}q`;
      const best = 1 - closestDistance(text, segment) / segment.length;
      const located = locateSegment(text, segment);
      if (best >= 0.85) expect(located.found && located.similarity, segment).toBeCloseTo(best, 12);
      else expect(located.found, segment).toBe(false);
    }
  });

  it('searches only within the span given', () => {
    const start = transcript.indexOf('No one');
    expect(locateSegment(transcript, 'We never', { start, end: transcript.length }).found).toBe(false);
  });
});

const table = (header: string[], ...rows: string[][]): CodingsTable => ({ file: 'a.csv', header, records: rows.map((cells, i) => ({ line: i + 2, cells })) });

describe('the codings table', () => {
  it('reads turn and text columns, the coder defaulting to the file name', () => {
    const rows = codingRowsOf(table(['transcript', 'code', 'turn', 'text'], ['M01', 'funding', '4', ''], ['M01', 'trust', '', 'we never knew']), {}, 'alice');
    expect(rows).toEqual({
      ok: true,
      warnings: [],
      value: [
        { row: { file: 'a.csv', line: 2 }, transcript: 'M01', code: 'funding', segment: { turn: 4 }, coder: 'alice' },
        { row: { file: 'a.csv', line: 3 }, transcript: 'M01', code: 'trust', segment: { text: 'we never knew' }, coder: 'alice' },
      ],
    });
  });

  it('maps other column names, ignoring case', () => {
    const mapping = parseColumnMapping(['transcript=Document,text=Segment', 'code=Code Path']);
    expect(mapping).toEqual({ ok: true, warnings: [], value: { transcript: 'Document', text: 'Segment', code: 'Code Path' } });
    if (!mapping.ok) return;
    const rows = codingRowsOf(table(['document', 'code path', 'segment', 'Coder'], ['M01', 'A > B', 'words', 'bob']), mapping.value, 'x');
    expect(rows.ok && rows.value[0]).toMatchObject({ transcript: 'M01', code: 'A > B', segment: { text: 'words' }, coder: 'bob' });
  });

  it('refuses an unknown column name in --columns, suggesting the right one', () => {
    const mapping = parseColumnMapping(['transcrpt=doc']);
    expect(!mapping.ok && mapping.problems[0]!.message).toBe('unknown column "transcrpt" (did you mean "transcript"?)');
  });

  it('names missing columns and how to map them', () => {
    const rows = codingRowsOf(table(['document', 'code', 'segment'], ['M01', 'x', 'y']), {}, 'x');
    expect(!rows.ok && rows.problems[0]).toMatchObject({ file: 'a.csv', line: 1, message: 'no "transcript" column', hint: 'its columns: document, code, segment; name yours with --columns transcript=NAME' });
  });

  it('lists every unusable row with its line', () => {
    const rows = codingRowsOf(table(['transcript', 'code', 'turn', 'text'], ['M01', '', '2', ''], ['M01', 'x', 'two', ''], ['M01', 'x', '', '']), {}, 'x');
    expect(!rows.ok && rows.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'no code given'],
      [3, 'turn "two" is not a turn number'],
      [4, 'neither a turn nor a text says where the segment is'],
    ]);
  });

  it('fails on a file with no usable rows', () => {
    const rows = codingRowsOf(table(['transcript', 'code', 'text'], ['', '', '']), {}, 'x');
    expect(!rows.ok && rows.problems[0]!.message).toBe('no codings: the file has a header but no rows');
  });
});

const codebook = codebookFrom(`
  - id: funding
    label: Short-term funding
    type: barrier
    category: money
    terms: {en: [funding]}
  - id: trust
    label: Lack of trust
    type: barrier
    category: people
    terms: {en: [trust]}
`);

describe('code names', () => {
  const resolve = codeResolver(codebook);

  it.each([['funding'], ['Short-term funding'], ['short-term  FUNDING'], ['Barriers > Money > Short-term funding'], ['Money\\Short-term funding']])('resolves %s', (name) => {
    expect(resolve(name).code?.id).toBe('funding');
  });

  it('suggests the closest code for a typo', () => {
    expect(resolve('Lack of trst')).toEqual({ suggestion: 'Lack of trust' });
  });

  it('splits paths on > and \\', () => {
    expect(codePath(' Barriers > People\\Trust ')).toEqual(['Barriers', 'People', 'Trust']);
  });

  it('makes a codebook of the codes named, hierarchy kept, in natural order', () => {
    const made = codebookFromCodeNames(['People > Trust', 'Money', 'People > Burnout', 'People\\Trust'], 'human.csv');
    expect(made.codes.map((c) => [c.id, c.label, c.category])).toEqual([
      ['Money', 'Money', 'uncategorised'],
      ['People > Burnout', 'Burnout', 'People'],
      ['People > Trust', 'Trust', 'People'],
    ]);
    expect(made.categories.map((c) => c.label)).toEqual(['People', 'Top-level codes']);
  });
});

describe('placing codings', () => {
  const transcript = transcriptFrom('Interviewer: How is it going?\n\nRespondent: The funding is short.\nWe never\nknew who decided.\n\nInterviewer: Thanks.\n\nRespondent: Trust is low. 😀 Truly.', 'T1');
  const row = (code: string, segment: CodingRow['segment'], line = 2, transcriptName = 'T1'): CodingRow => ({ row: { file: 'a.csv', line }, transcript: transcriptName, code, segment, coder: 'alice' });

  it('places turns and texts, with code point offsets', () => {
    const placed = placeCodings([row('funding', { turn: 2 }), row('trust', { text: 'Truly.' }), row('trust', { text: 'we never knew who decided' })], [transcript], codebook);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
    const { codings, placements } = placed.value;
    expect(codings.map((c) => [c.code.id, c.turn, c.text, c.placement])).toEqual([
      ['funding', 2, 'The funding is short.\nWe never\nknew who decided.', 'turn'],
      ['trust', 4, 'Truly.', 'exact'],
      ['trust', 2, 'We never\nknew who decided', 'normalised'],
    ]);
    // After an emoji (two UTF-16 units, one code point) the offsets differ: code points are what we exchange.
    expect(sliceCodePoints(transcript.text, codings[1]!)).toBe('Truly.');
    expect(placements).toEqual({ turn: 1, position: 0, exact: 1, normalised: 1, fuzzy: 0 });
  });

  it('searches the turn given first, then the whole transcript', () => {
    const placed = placeCodings([row('trust', { turn: 4, text: 'the funding is short' })], [transcript], codebook);
    expect(placed.ok && placed.value.codings[0]!.turn).toBe(2);
  });

  it('lists segments it cannot place, with the reason', () => {
    const placed = placeCodings([row('trust', { turn: 3 }), row('trust', { turn: 9 }), row('trust', { text: 'How is it going?' }), row('trust', { text: 'Nothing like it at all' })], [transcript], codebook);
    expect(placed.ok && placed.value.unplaced.map((u) => u.reason)).toEqual([
      "turn 3 is the interviewer's; only respondent turns are coded",
      'turn 9 does not exist: T1 has 4 turns',
      'found, but outside every respondent turn (in an interviewer turn or the front matter); only respondent turns are coded',
      'not found; no passage comes close to 85% similar',
    ]);
  });

  it("keeps a segment that runs from the interviewer's question into the answer to the answer: no question, no label", () => {
    const placed = placeCodings([row('trust', { text: 'Thanks.\n\nRespondent: Trust is low.' })], [transcript], codebook);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
    expect(placed.value.codings.map((c) => [c.turn, c.speaker, c.text])).toEqual([[4, 'Respondent', 'Trust is low.']]);
    expect(placed.value.clipped).toBe(1);
  });

  it('splits a segment over two answers into one coding per respondent turn, leaving out the question between', () => {
    const placed = placeCodings([row('trust', { text: 'knew who decided.\n\nInterviewer: Thanks.\n\nRespondent: Trust is low.' })], [transcript], codebook);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
    expect(placed.value.codings.map((c) => [c.turn, c.text, sliceCodePoints(transcript.text, c)])).toEqual([
      [2, 'knew who decided.', 'knew who decided.'],
      [4, 'Trust is low.', 'Trust is low.'],
    ]);
    expect([placed.value.placements.exact, placed.value.clipped]).toEqual([1, 1]);
  });

  it("keeps a project's selection (placed by position) to the answer too", () => {
    const start = transcript.text.indexOf('Thanks.');
    const end = transcript.text.indexOf('Trust is low.') + 'Trust is low.'.length;
    const placed = placeCodings([row('trust', { text: transcript.text.slice(start, end), at: { start, end } })], [transcript], codebook);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
    expect(placed.value.codings.map((c) => [c.turn, c.text, c.placement])).toEqual([[4, 'Trust is low.', 'position']]);
    expect(placed.value.clipped).toBe(1);
  });

  it('does not clip a segment within one answer, and tells a segment wholly in interviewer turns from one not found', () => {
    const placed = placeCodings([row('trust', { text: 'Trust is low.' }), row('trust', { text: 'How is it going?' }), row('trust', { turn: 3 }), row('trust', { text: 'Nothing like it at all' })], [transcript], codebook);
    if (!placed.ok) throw new Error(JSON.stringify(placed.problems));
    expect(placed.value.clipped).toBe(0);
    expect(placed.value.unplaced.map((u) => u.kind)).toEqual(['interviewer-only', 'interviewer-only', 'not-found']);
    expect(summarisePlacement(placed.value)).toEqual({ segments: 4, placed: 1, clipped: 0, unplaced: { 'not-found': 1, 'no-such-turn': 0, 'interviewer-only': 2 } });
  });

  it('fails on unknown transcripts and codes, naming the rows', () => {
    const placed = placeCodings([row('fundng', { turn: 2 }, 2), row('trust', { turn: 2 }, 3, 'T2')], [transcript], codebook);
    expect(!placed.ok && placed.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'unknown code "fundng" (did you mean "funding"?)'],
      [3, 'unknown transcript "T2" (did you mean "T1"?)'],
    ]);
  });

  it('finds transcripts by file name too', () => {
    expect(placeCodings([row('trust', { turn: 2 }, 2, 'T1.txt')], [transcript], codebook).ok).toBe(true);
  });
});
