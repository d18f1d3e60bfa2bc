// The transcript model: an interview's normalised text, its attributes and its speaker turns.
import type { Location } from '../problem.js';
import type { Language } from '../text/language.js';
import type { Seconds } from './time.js';

export type Role = 'interviewer' | 'respondent';

/** A speaker turn. Its span (UTF-16 offsets into Transcript.text) covers what was said, not the label or time. */
export interface Turn {
  /** 1-based, in reading order, interviewer turns included, so a reader can find turn 7 by counting. */
  readonly index: number;
  /** The label as written ("Respondent 2"), without a trailing colon or time; empty when the file has no labels. */
  readonly speaker: string;
  readonly role: Role;
  readonly start: number;
  readonly end: number;
  /** Where the turn starts in the recording, when the source says (a timestamp, a cue, a time column). */
  readonly time?: Seconds;
}

/** A speaker with how many turns they have and how many of those are questions, for telling the interviewer apart. */
export interface SpeakerTally {
  readonly speaker: string;
  readonly turns: number;
  readonly questions: number;
}

/** How a transcript's interviewer was recognised: the report's method section and limitations say so. */
export type InterviewerRecognition =
  /** By label: the defaults, --interviewer LABEL or interviewers: in collab-code.yaml. `speakers` as written. */
  | { readonly status: 'labelled'; readonly speakers: readonly string[] }
  /** By --interviewer auto: the one speaker whose turns are clearly mostly questions. */
  | { readonly status: 'picked'; readonly speakers: readonly [string]; readonly tallies: readonly SpeakerTally[] }
  /** Two or more speakers and none recognised: every turn was coded as a respondent's. */
  | { readonly status: 'unrecognised'; readonly tallies: readonly SpeakerTally[] }
  /** One speaker or none (a written answer): there is no interviewer to recognise. */
  | { readonly status: 'single speaker' };

/** A row of the participants table that gave this transcript attributes (every column, as read). */
export interface ParticipantRow {
  readonly source: Location;
  readonly values: Readonly<Record<string, string>>;
}

export interface Transcript {
  readonly id: string;
  /** The path the transcript was read from, as the user gave it; used in messages, never in outputs. */
  readonly file: string;
  readonly language: Language;
  /**
   * Front matter attributes other than id and language (group, region, scope, …), and participants table columns
   * used; a null-prototype object.
   */
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * The normalised text (BOM stripped, LF line ends) that every offset refers to, front matter included. For formats
   * other than text it is the text the reader builds (see src/formats/): "Speaker: words" paragraphs.
   */
  readonly text: string;
  readonly turns: readonly Turn[];
  readonly interviewer: InterviewerRecognition;
  /** The participants table's row for this transcript, all columns kept, when a table was given and names it. */
  readonly participant?: ParticipantRow;
}

/** A transcript as a format reader gives it: turns with speakers, before roles are decided. */
export interface TranscriptDraft extends Omit<Transcript, 'turns' | 'interviewer'> {
  readonly turns: readonly TurnDraft[];
  /** Whether the file named its language (front matter), or the default was taken: a participants table may name it. */
  readonly languageGiven?: boolean;
}

export type TurnDraft = Omit<Turn, 'index' | 'role'>;

/**
 * An empty record of attributes (or a copy of one) without a prototype: any key a file or table gives
 * (constructor, __proto__, toString) is data, and a key it does not give reads as undefined.
 */
export const attributeRecord = (from: Readonly<Record<string, string>> = {}): Record<string, string> => Object.assign(Object.create(null) as Record<string, string>, from);

export const respondentTurns = (transcript: Pick<Transcript, 'turns'>): Turn[] =>
  transcript.turns.filter((turn) => turn.role === 'respondent' && turn.end > turn.start);

/** The turn of a 1-based index: at its place when turns run 1, 2, 3…, else looked for. */
export const turnAt = (turns: readonly Turn[], index: number): Turn => (turns[index - 1]?.index === index ? turns[index - 1]! : turns.find((t) => t.index === index)!);

/** A transcript with nothing a respondent said: listed in reports as empty, left out of the sample. */
export const isEmptyTranscript = (transcript: Transcript): boolean => respondentTurns(transcript).length === 0;

/**
 * What the analysis keeps of a transcript once it is coded: all but its words and turns, which a large corpus cannot
 * hold at once (app/streamed-corpus.ts).
 */
export interface TranscriptSummary extends Omit<Transcript, 'text' | 'turns'> {
  readonly turnCount: number;
  /** Respondent turns with words: none makes the transcript empty. */
  readonly respondentTurnCount: number;
  /** Each speaker label once, in the order of its first turn, with the role of its last: whose names to look for. */
  readonly speakers: readonly { readonly speaker: string; readonly role: Role }[];
}

export function summaryOf(transcript: Transcript): TranscriptSummary {
  const { text: _text, turns, ...rest } = transcript;
  const roleOf = new Map(turns.map((turn) => [turn.speaker, turn.role]));
  return { ...rest, turnCount: turns.length, respondentTurnCount: respondentTurns(transcript).length, speakers: [...roleOf].map(([speaker, role]) => ({ speaker, role })) };
}

