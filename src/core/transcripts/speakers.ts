// Speaker labels: which lines open a turn (and at what time), and which speakers are interviewers.
import { CLOCK_TIME, parseClockTime, type Seconds } from './time.js';

/** Interviewer labels recognised by default, each with an optional number ("Interviewer 2", "Q1"). */
export const DEFAULT_INTERVIEWER_LABELS = [
  'Interviewer',
  'Int',
  'Q',
  'I',
  'Moderator',
  'Facilitator',
  'Researcher',
  // Spanish transcripts
  'Entrevistador',
  'Entrevistadora',
  'Moderador',
  'Moderadora',
  'Facilitador',
  'Facilitadora',
  'Investigador',
  'Investigadora',
] as const;

// Lines such as "Date: 12 May" in a transcript's header look like labels but never name a speaker.
const HEADER_KEYS = new Set([
  'date', 'fecha', 'time', 'hora', 'length', 'duration', 'duración', 'duracion', 'location', 'place', 'lugar',
  'title', 'título', 'titulo', 'interview', 'entrevista', 'transcript', 'transcription', 'transcripción',
  'recorded', 'language', 'idioma', 'note', 'notes', 'nota', 'notas', 'http', 'https',
]);

// A time as transcription services put it beside a label: [00:01:02], (0:07) or bare 00:01:02 (groups: one of three).
const TIME = String.raw`(?:\[(${CLOCK_TIME})\]|\((${CLOCK_TIME})\)|(${CLOCK_TIME}))`;
const BRACKETED_TIME = String.raw`(?:\[(${CLOCK_TIME})\]|\((${CLOCK_TIME})\))`;
const BOLD = String.raw`(?:\*\*|__)?`;
// A word of a label; never a time, so "Speaker 2  0:07" is Speaker 2 at 0:07, not "Speaker 2 0" saying "07".
const WORD = String.raw`(?![(\[]?\d{1,2}:\d{2})[\p{L}\p{N}(][\p{L}\p{M}\p{N}.'’()-]*`;
const LABEL = String.raw`\p{L}[\p{L}\p{M}\p{N}.'’()-]*(?:[ \t]+${WORD}){0,3}(?:[ \t]+[-–—][ \t]+\p{L}[\p{L}\p{M}\p{N}.'’()-]*(?:[ \t]+${WORD}){0,2})?`;

// An optional time, an optional **bold** or __bold__ wrapper (Markdown transcripts), a label of at most four words
// starting with a letter ("Interviewer – Dan" and "Interviewer (Dan)" name who asked), an optional time, then a colon
// and what was said (perhaps after a bracketed time), or the end of the line when a time stands beside the label and
// the words follow below (Otter's "Speaker 2  0:07").
const LABEL_LINE = new RegExp(
  String.raw`[ \t]*(?:${TIME}[ \t]+(?:[-–—][ \t]+)?)?${BOLD}(${LABEL})[ \t]*${BOLD}(?:[ \t]*${TIME})?[ \t]*(?:${BOLD}(:)${BOLD}(?!\/\/)[ \t]*(?:${BRACKETED_TIME}[ \t]*)?|(?=\n|$))`,
  'uy',
);

export interface LabelMatch {
  readonly speaker: string;
  /** Length of the label, its colon and any time, where the turn's words begin. */
  readonly length: number;
  /** The time written beside the label, if any. */
  readonly time?: Seconds;
}

/**
 * The speaker label opening the line that starts at `lineStart` in `text`, if the line opens a turn.
 * (A sticky regex at the line start: no copy of each line.)
 */
export function matchSpeakerLabel(
  text: string,
  isInterviewer: (speaker: string) => boolean,
  lineStart = 0,
  colons: ColonSearch = new ColonSearch(text),
): LabelMatch | undefined {
  // Every label line holds a colon (after the label, or in its time): most lines of a transcript hold none, and
  // the regex is spared them.
  if (!colons.inLine(lineStart)) return undefined;
  LABEL_LINE.lastIndex = lineStart;
  const match = LABEL_LINE.exec(text);
  if (match === null) return undefined;
  const speaker = match[4]!.trim();
  const clock = match[1] ?? match[2] ?? match[3] ?? match[5] ?? match[6] ?? match[7] ?? match[9] ?? match[10];
  // A label alone on its line opens a turn only with a time beside it; "Thanks" alone on a line is text.
  if (match[8] === undefined && clock === undefined) return undefined;
  if (HEADER_KEYS.has(speaker.toLowerCase())) return undefined;
  // Several words are a label only when each is capitalised ("Ana María", "Respondent 3") or it is an
  // interviewer's: "The problem is: money" is a sentence, not a speaker.
  const wordsOf = speaker.split(/[ \t]+/).filter((w) => !/^[-–—]$/.test(w));
  if (wordsOf.length > 1 && !isInterviewer(speaker) && !wordsOf.every((w) => /^[\p{Lu}\p{N}(]/u.test(w))) return undefined;
  const time = clock === undefined ? undefined : parseClockTime(clock);
  return { speaker, length: match[0].length, ...(time === undefined ? {} : { time }) };
}

/**
 * Whether a line of `text` holds a colon. A parser trying the lines in order asks one search for all of them, and
 * each stretch of text is scanned once. (Held by the parse, not the module: a search kept from one transcript to the
 * next kept the last transcript's text alive.)
 */
export class ColonSearch {
  private from = 0;
  private at = -1;
  private searched = false;

  constructor(private readonly text: string) {}

  /** Whether the line starting at `lineStart` holds a colon. */
  inLine(lineStart: number): boolean {
    const { text } = this;
    if (!this.searched || lineStart < this.from || (this.at >= 0 && this.at < lineStart)) {
      this.searched = true;
      this.from = lineStart;
      this.at = text.indexOf(':', lineStart);
    }
    if (this.at < 0) return false;
    const newline = text.indexOf('\n', lineStart);
    return newline < 0 || this.at < newline;
  }
}

/**
 * A predicate recognising interviewer labels, case-insensitively, with an optional number after them ("Q1"), a
 * trailing full stop ("Int.") or the interviewer's name after a dash or in brackets ("Interviewer – Dan",
 * "Interviewer (Dan)").
 */
export function interviewerMatcher(labels: readonly string[]): (speaker: string) => boolean {
  const known = new Set(labels.map((label) => label.trim().toLowerCase()));
  // A corpus has few distinct speakers and many turns: each is decided once.
  const decided = new Map<string, boolean>();
  return (speaker) => {
    let is = decided.get(speaker);
    if (is === undefined) {
      const lower = speaker.toLowerCase();
      const base = lower
        .replace(/[ \t]+[-–—][ \t]+.*$/, '')
        .replace(/[ \t]*\([^)]*\)$/, '')
        .replace(/[ \t]*[#.]?[ \t]*\d+$/, '')
        .replace(/\.$/, '');
      is = known.has(lower) || known.has(base);
      decided.set(speaker, is);
    }
    return is;
  };
}
