// Speaker labels: which lines open a turn, and which speakers are interviewers.

/** Interviewer labels recognised by default, each with an optional number ("Interviewer 2", "Q1"). */
export const DEFAULT_INTERVIEWER_LABELS = [
  'Interviewer',
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

// An optional **bold** or __bold__ wrapper (Markdown transcripts), a label of at most four words
// starting with a letter, a colon, then what was said.
const LABEL_LINE = /[ \t]*(?:\*\*|__)?([\p{L}][\p{L}\p{M}\p{N}.'’()-]*(?:[ \t]+[\p{L}\p{N}(][\p{L}\p{M}\p{N}.'’()-]*){0,3})[ \t]*(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(?!\/\/)[ \t]*/uy;

export interface LabelMatch {
  readonly speaker: string;
  /** Length of the label and its colon, where the turn's words begin. */
  readonly length: number;
}

/**
 * The speaker label opening the line that starts at `lineStart` in `text`, if the line opens a turn.
 * (A sticky regex at the line start: no copy of each line.)
 */
export function matchSpeakerLabel(text: string, isInterviewer: (speaker: string) => boolean, lineStart = 0): LabelMatch | undefined {
  LABEL_LINE.lastIndex = lineStart;
  const match = LABEL_LINE.exec(text);
  if (match === null) return undefined;
  const speaker = match[1]!.trim();
  if (HEADER_KEYS.has(speaker.toLowerCase())) return undefined;
  // Several words are a label only when each is capitalised ("Ana María", "Respondent 3") or it is an
  // interviewer's: "The problem is: money" is a sentence, not a speaker.
  const wordsOf = speaker.split(/[ \t]+/);
  if (wordsOf.length > 1 && !isInterviewer(speaker) && !wordsOf.every((w) => /^[\p{Lu}\p{N}(]/u.test(w))) return undefined;
  return { speaker, length: match[0].length };
}

/** A predicate recognising interviewer labels, case-insensitively, with an optional number after them. */
export function interviewerMatcher(labels: readonly string[]): (speaker: string) => boolean {
  const known = new Set(labels.map((label) => label.trim().toLowerCase()));
  return (speaker) => known.has(speaker.toLowerCase().replace(/[ \t]*[#.]?[ \t]*\d+$/, ''));
}
