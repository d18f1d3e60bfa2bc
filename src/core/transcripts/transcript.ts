// The transcript model: an interview's normalised text, its attributes and its speaker turns.
import type { Language } from '../text/language.js';

export type Role = 'interviewer' | 'respondent';

/** A speaker turn. Its span (UTF-16 offsets into Transcript.text) covers what was said, not the label. */
export interface Turn {
  /** 1-based, in reading order, interviewer turns included, so a reader can find turn 7 by counting. */
  readonly index: number;
  /** The label as written ("Respondent 2"); empty when the file has no labels at all. */
  readonly speaker: string;
  readonly role: Role;
  readonly start: number;
  readonly end: number;
}

export interface Transcript {
  readonly id: string;
  /** The path the transcript was read from, as the user gave it; used in messages, never in outputs. */
  readonly file: string;
  readonly language: Language;
  /** Front matter attributes other than id and language (group, region, scope, …). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The normalised text (BOM stripped, LF line ends) that every offset refers to, front matter included. */
  readonly text: string;
  readonly turns: readonly Turn[];
}

export const respondentTurns = (transcript: Transcript): Turn[] =>
  transcript.turns.filter((turn) => turn.role === 'respondent' && turn.end > turn.start);

/** A transcript with nothing a respondent said: listed in reports as empty, left out of the sample. */
export const isEmptyTranscript = (transcript: Transcript): boolean => respondentTurns(transcript).length === 0;
