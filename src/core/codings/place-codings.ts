// Places human coding rows in their transcripts: resolves transcript and code names, then finds each segment.
// Unknown transcripts and codes are errors (the file or the codebook is wrong); a segment that cannot be found is
// listed as unplaced with the reason, never dropped silently. A segment is kept to what respondents said: QDA exports
// often run from the interviewer's question into the answer, and that question is not the respondent's.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { HumanCoding, Placement } from '../coding/coding.js';
import { compareNatural, error, fail, ok, type Location, type Problem, type Result } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { codePointConverter } from '../text/offsets.js';
import { trimSpan, type Span } from '../text/sentences.js';
import { respondentTurns, type Transcript, type Turn } from '../transcripts/transcript.js';
import type { CodingRow } from './codings-table.js';
import { locateSegment } from './locate-segment.js';
import { codeResolver } from './resolve-codes.js';

/** Why a segment is not placed: it is nowhere in the transcript, names no turn of it, or holds no respondent words. */
export type UnplacedKind = 'not-found' | 'no-such-turn' | 'interviewer-only';

export interface UnplacedCoding {
  readonly kind: UnplacedKind;
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
  /** Segments that also held interviewer words, speaker labels or front matter, kept to their respondent part(s). */
  readonly clipped: number;
}

/** What placing a file's segments came to, for the report's method and limitations. */
export interface PlacementSummary {
  /** Rows of the codings files. */
  readonly segments: number;
  readonly placed: number;
  readonly clipped: number;
  readonly unplaced: Readonly<Record<UnplacedKind, number>>;
}

export function summarisePlacement(placed: PlacedCodings): PlacementSummary {
  const unplaced: Record<UnplacedKind, number> = { 'not-found': 0, 'no-such-turn': 0, 'interviewer-only': 0 };
  for (const u of placed.unplaced) unplaced[u.kind]++;
  const count = Object.values(placed.placements).reduce((n, k) => n + k, 0);
  return { segments: count + placed.unplaced.length, placed: count, clipped: placed.clipped, unplaced };
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
  let clipped = 0;
  const converters = new Map<Transcript, ReturnType<typeof codePointConverter>>();
  for (const { row, transcript, code } of resolved) {
    const placed = placeSegment(row, transcript);
    if ('reason' in placed) {
      const { turn, text } = row.segment;
      unplaced.push({ kind: placed.kind, row: row.row, transcript: transcript.id, code: row.code, coder: row.coder, ...(turn === undefined ? {} : { turn }), ...(text === undefined ? {} : { text }), reason: placed.reason });
      continue;
    }
    placements[placed.placement]++;
    if (placed.clipped) clipped++;
    let toCodePoints = converters.get(transcript);
    if (toCodePoints === undefined) converters.set(transcript, (toCodePoints = codePointConverter(transcript.text)));
    // A segment over several respondent turns becomes one coding per turn, each credited to its own speaker.
    for (const { turn, span } of placed.parts) {
      codings.push({
        source: 'human',
        transcript: transcript.id,
        turn: turn.index,
        speaker: turn.speaker,
        ...(turn.time === undefined ? {} : { time: turn.time }),
        code,
        start: toCodePoints(span.start),
        end: toCodePoints(span.end),
        text: transcript.text.slice(span.start, span.end),
        unitSpan: span,
        coder: row.coder,
        row: row.row,
        placement: placed.placement,
        ...(row.memo === undefined ? {} : { memo: row.memo }),
      });
    }
  }
  return ok({ codings, unplaced, placements, clipped });
}

/** A stretch of one respondent turn. */
interface RespondentPart {
  readonly turn: Turn;
  readonly span: Span;
}

type SegmentPlace =
  | { readonly parts: readonly RespondentPart[]; readonly placement: Placement; readonly clipped: boolean }
  | { readonly kind: UnplacedKind; readonly reason: string };

function placeSegment({ segment }: CodingRow, transcript: Transcript): SegmentPlace {
  if (segment.at !== undefined) return placeSelection(segment.at, transcript);
  const turn = segment.turn === undefined ? undefined : transcript.turns[segment.turn - 1];
  if (segment.turn !== undefined) {
    if (turn === undefined) return { kind: 'no-such-turn', reason: `turn ${segment.turn} does not exist: ${transcript.id} has ${transcript.turns.length} turns` };
    if (turn.role !== 'respondent') return { kind: 'interviewer-only', reason: `turn ${segment.turn} is the interviewer's; only respondent turns are coded` };
    if (segment.text === undefined) return { parts: [{ turn, span: { start: turn.start, end: turn.end } }], placement: 'turn', clipped: false };
  }
  // The turn given narrows the search; a segment not in it may still be elsewhere (a miscounted turn).
  let located = turn === undefined ? undefined : locateSegment(transcript.text, segment.text!, turn);
  if (located === undefined || !located.found) located = locateSegment(transcript.text, segment.text!);
  if (!located.found) return { kind: 'not-found', reason: located.reason };
  return keptToRespondents(transcript, located.span, located.match, `found, but ${OUTSIDE}`);
}

const OUTSIDE = 'outside every respondent turn (in an interviewer turn or the front matter); only respondent turns are coded';

/** A project's selection is where its positions say; one of zero length codes the turn it sits in. */
function placeSelection(at: Span, transcript: Transcript): SegmentPlace {
  if (at.start === at.end) {
    const turn = respondentTurns(transcript).find((t) => t.start <= at.start && at.start <= t.end);
    if (turn === undefined) return { kind: 'interviewer-only', reason: `an empty selection ${OUTSIDE}` };
    return { parts: [{ turn, span: { start: turn.start, end: turn.end } }], placement: 'position', clipped: false };
  }
  return keptToRespondents(transcript, at, 'position', OUTSIDE);
}

/** A located span's respondent parts, or why there are none. */
function keptToRespondents(transcript: Transcript, span: Span, placement: Placement, outside: string): SegmentPlace {
  const parts = respondentParts(transcript, span);
  if (parts.length === 0) return { kind: 'interviewer-only', reason: outside };
  const kept = parts.reduce((n, p) => n + p.span.end - p.span.start, 0);
  const whole = trimSpan(transcript.text, span.start, span.end);
  return { parts, placement, clipped: kept < whole.end - whole.start };
}

/** The parts of a span that respondents said: its overlap with each respondent turn, without surrounding spaces. */
export function respondentParts(transcript: Transcript, span: Span): RespondentPart[] {
  const parts: RespondentPart[] = [];
  for (const turn of respondentTurns(transcript)) {
    if (turn.start >= span.end || turn.end <= span.start) continue;
    const part = trimSpan(transcript.text, Math.max(span.start, turn.start), Math.min(span.end, turn.end));
    if (part.end > part.start) parts.push({ turn, span: part });
  }
  return parts;
}
