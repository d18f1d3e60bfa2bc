// Places human coding rows in their transcripts: resolves transcript and code names, then finds each segment.
// Unknown transcripts and codes are errors (the file or the codebook is wrong); a segment that cannot be found is
// listed as unplaced with the reason, never dropped silently.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { HumanCoding, Placement } from '../coding/coding.js';
import { compareNatural, error, fail, ok, type Location, type Problem, type Result } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { codePointConverter } from '../text/offsets.js';
import type { Span } from '../text/sentences.js';
import { respondentTurns, type Transcript, type Turn } from '../transcripts/transcript.js';
import type { CodingRow } from './codings-table.js';
import { locateSegment } from './locate-segment.js';
import { codeResolver } from './resolve-codes.js';

export interface UnplacedCoding {
  readonly row: Location;
  readonly transcript: string;
  readonly code: string;
  readonly coder: string;
  readonly turn?: number;
  readonly text?: string;
  readonly reason: string;
}

export interface PlacedCodings {
  readonly codings: readonly HumanCoding[];
  readonly unplaced: readonly UnplacedCoding[];
  /** How many segments were placed each way. */
  readonly placements: Readonly<Record<Placement, number>>;
}

/** Finds transcripts by id or by file name, with or without extension, as QDA exports name documents. */
export function transcriptFinder(transcripts: readonly Transcript[]): (name: string) => Transcript | undefined {
  const byName = new Map<string, Transcript>();
  for (const t of transcripts) {
    const base = t.file.split(/[\\/]/).at(-1) ?? t.file;
    for (const name of [base, base.replace(/\.[^.]*$/, ''), t.id]) byName.set(name.toLowerCase(), t);
  }
  return (name) => byName.get(name.trim().toLowerCase());
}

export function placeCodings(rows: readonly CodingRow[], transcripts: readonly Transcript[], codebook: Codebook): Result<PlacedCodings> {
  const findTranscript = transcriptFinder(transcripts);
  const resolve = codeResolver(codebook);
  const ids = transcripts.map((t) => t.id).sort(compareNatural);
  const problems: Problem[] = [];
  const resolved: { row: CodingRow; transcript: Transcript; code: Code }[] = [];
  for (const row of rows) {
    const transcript = findTranscript(row.transcript);
    const code = resolve(row.code);
    if (transcript === undefined) {
      problems.push(error(row.row, `unknown transcript "${row.transcript}"${didYouMean(row.transcript, ids)}`, `name one of the transcripts given: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`));
    }
    if (code.code === undefined) {
      problems.push(error(row.row, `unknown code "${row.code}"${code.suggestion === undefined ? '' : ` (did you mean "${code.suggestion}"?)`}`, `use a code id or label of ${codebook.title}, or leave out --codebook to take the codes from the file`));
    }
    if (transcript !== undefined && code.code !== undefined) resolved.push({ row, transcript, code: code.code });
  }
  if (problems.length > 0) return fail(problems);

  const codings: HumanCoding[] = [];
  const unplaced: UnplacedCoding[] = [];
  const placements: Record<Placement, number> = { turn: 0, position: 0, exact: 0, normalised: 0, fuzzy: 0 };
  const converters = new Map<Transcript, ReturnType<typeof codePointConverter>>();
  for (const { row, transcript, code } of resolved) {
    const placed = placeSegment(row, transcript);
    if ('reason' in placed) {
      const { turn, text } = row.segment;
      unplaced.push({ row: row.row, transcript: transcript.id, code: row.code, coder: row.coder, ...(turn === undefined ? {} : { turn }), ...(text === undefined ? {} : { text }), reason: placed.reason });
      continue;
    }
    placements[placed.placement]++;
    let toCodePoints = converters.get(transcript);
    if (toCodePoints === undefined) converters.set(transcript, (toCodePoints = codePointConverter(transcript.text)));
    codings.push({
      source: 'human',
      transcript: transcript.id,
      turn: placed.turn.index,
      speaker: placed.turn.speaker,
      ...(placed.turn.time === undefined ? {} : { time: placed.turn.time }),
      code,
      start: toCodePoints(placed.span.start),
      end: toCodePoints(placed.span.end),
      text: transcript.text.slice(placed.span.start, placed.span.end),
      unitSpan: placed.span,
      coder: row.coder,
      row: row.row,
      placement: placed.placement,
      ...(row.memo === undefined ? {} : { memo: row.memo }),
    });
  }
  return ok({ codings, unplaced, placements });
}

type SegmentPlace = { readonly span: Span; readonly turn: Turn; readonly placement: Placement } | { readonly reason: string };

function placeSegment({ segment }: CodingRow, transcript: Transcript): SegmentPlace {
  if (segment.at !== undefined) return placeSelection(segment.at, transcript);
  const turn = segment.turn === undefined ? undefined : transcript.turns[segment.turn - 1];
  if (segment.turn !== undefined) {
    if (turn === undefined) return { reason: `turn ${segment.turn} does not exist: ${transcript.id} has ${transcript.turns.length} turns` };
    if (turn.role !== 'respondent') return { reason: `turn ${segment.turn} is the interviewer's; only respondent turns are coded` };
    if (segment.text === undefined) return { span: { start: turn.start, end: turn.end }, turn, placement: 'turn' };
  }
  // The turn given narrows the search; a segment not in it may still be elsewhere (a miscounted turn).
  let located = turn === undefined ? undefined : locateSegment(transcript.text, segment.text!, turn);
  if (located === undefined || !located.found) located = locateSegment(transcript.text, segment.text!);
  if (!located.found) return { reason: located.reason };
  const first = firstRespondentTurn(transcript, located.span);
  if (first === undefined) return { reason: `found, but ${OUTSIDE}` };
  return { span: located.span, turn: first, placement: located.match };
}

const OUTSIDE = 'outside every respondent turn (in an interviewer turn or the front matter); only respondent turns are coded';

const firstRespondentTurn = (transcript: Transcript, span: Span): Turn | undefined =>
  respondentTurns(transcript).find((t) => t.start < span.end && t.end > span.start);

/** A project's selection is where its positions say; one of zero length codes the turn it sits in. */
function placeSelection(at: Span, transcript: Transcript): SegmentPlace {
  if (at.start === at.end) {
    const turn = respondentTurns(transcript).find((t) => t.start <= at.start && at.start <= t.end);
    if (turn === undefined) return { reason: `an empty selection ${OUTSIDE}` };
    return { span: { start: turn.start, end: turn.end }, turn, placement: 'position' };
  }
  const first = firstRespondentTurn(transcript, at);
  if (first === undefined) return { reason: OUTSIDE };
  return { span: at, turn: first, placement: 'position' };
}
