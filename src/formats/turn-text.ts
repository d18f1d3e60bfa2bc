// The text of formats that hold turns rather than text (subtitles, turn tables): what their offsets refer to.
import { formatTime, type Seconds } from '../core/transcripts/time.js';
import type { TurnDraft } from '../core/transcripts/transcript.js';

export interface SpokenTurn {
  /** Empty when the source names no speaker. */
  readonly speaker: string;
  readonly words: string;
  readonly time?: Seconds;
}

/**
 * Writes turns as a text transcript: one paragraph per turn, "[hh:mm:ss] Speaker: words", the time and label left out
 * where the source has none, paragraphs separated by a blank line. Read back as a .txt it gives the same turns and
 * times (for labels the text format recognises), and a person reading an export sees where each turn starts.
 * Turns with no words are left out, so turns can be counted in the text.
 */
export function writeTurns(spoken: readonly SpokenTurn[]): { text: string; turns: TurnDraft[] } {
  let text = '';
  const turns: TurnDraft[] = [];
  for (const turn of spoken) {
    const words = turn.words.trim();
    if (words === '') continue;
    if (text !== '') text += '\n\n';
    if (turn.time !== undefined) text += `[${formatTime(turn.time)}] `;
    if (turn.speaker !== '') text += `${turn.speaker}: `;
    turns.push({ speaker: turn.speaker, start: text.length, end: text.length + words.length, ...(turn.time === undefined ? {} : { time: turn.time }) });
    text += words;
  }
  return { text: text === '' ? '' : `${text}\n`, turns };
}

/** Consecutive turns of one speaker become one, its words joined by `joiner`; an unnamed speaker continues the last. */
export function mergeTurns(pieces: readonly SpokenTurn[], joiner: string): SpokenTurn[] {
  const merged: { speaker: string; words: string[]; time?: Seconds }[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last !== undefined && (piece.speaker === '' || piece.speaker === last.speaker)) {
      last.words.push(piece.words);
      last.time ??= piece.time;
    } else {
      merged.push({ speaker: piece.speaker, words: [piece.words], ...(piece.time === undefined ? {} : { time: piece.time }) });
    }
  }
  return merged.map((m) => ({ speaker: m.speaker, words: m.words.map((w) => w.trim()).filter((w) => w !== '').join(joiner), ...(m.time === undefined ? {} : { time: m.time }) }));
}
