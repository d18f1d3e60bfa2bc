// Units of coding: the stretches of respondent text a code is applied to.
import { sentenceSpans, trimSpan, type Span } from '../text/sentences.js';
import { respondentTurns, type Transcript, type Turn } from '../transcripts/transcript.js';

import type { UnitKind } from './unit-kinds.js';

export type { UnitKind } from './unit-kinds.js';

/** A unit: part or all of one respondent turn, as a UTF-16 span into the transcript's text. */
export interface Unit extends Span {
  readonly turn: Turn;
}

/** The text, language and turns of a transcript: what its units are cut from. */
export type UnitSource = Pick<Transcript, 'text' | 'language' | 'turns'>;

/** The units of a transcript, in reading order. Interviewer turns have none: they are never coded. */
export function unitsOf(transcript: UnitSource, kind: UnitKind): Unit[] {
  const units: Unit[] = [];
  for (const turn of respondentTurns(transcript)) {
    if (kind === 'turn') units.push({ turn, start: turn.start, end: turn.end });
    else if (kind === 'paragraph') for (const span of paragraphSpans(transcript.text, turn)) units.push({ turn, ...span });
    else for (const span of sentenceSpans(transcript.text, turn.start, turn.end, transcript.language)) units.push({ turn, ...span });
  }
  return units;
}

function paragraphSpans(text: string, turn: Turn): Span[] {
  const spans: Span[] = [];
  const blankLine = /\n[ \t]*\n\s*/g;
  blankLine.lastIndex = turn.start;
  let start = turn.start;
  for (let m = blankLine.exec(text); m !== null && m.index < turn.end; m = blankLine.exec(text)) {
    spans.push(trimSpan(text, start, m.index));
    start = m.index + m[0].length;
  }
  spans.push(trimSpan(text, start, turn.end));
  return spans.filter((span) => span.end > span.start);
}
