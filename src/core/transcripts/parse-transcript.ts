// Parses a text transcript (.txt, .md, and the text of a .docx) into front matter, attributes and speaker turns.
import { error, fail, ok, type Problem, type Result } from '../problem.js';
import { isLanguage, LANGUAGES, type Language } from '../text/language.js';
import { trimSpan } from '../text/sentences.js';
import { buildTranscript } from './build-transcript.js';
import { parseFrontMatter } from './front-matter.js';
import type { InterviewerOptions } from './interviewers.js';
import { ColonSearch, matchSpeakerLabel } from './speakers.js';
import type { Seconds } from './time.js';
import { attributeRecord, type Transcript, type TranscriptDraft, type TurnDraft } from './transcript.js';

export interface TextOptions {
  /** The transcript's file name without extension: its id when the front matter names none. */
  readonly defaultId: string;
  /** The codebook's language, for transcripts whose front matter names none. */
  readonly defaultLanguage: Language;
  /** Interviewer labels may be lower-case phrases ("interviewer 2"), which other labels may not. */
  readonly isInterviewer: (speaker: string) => boolean;
}

export type ParseTranscriptOptions = TextOptions & InterviewerOptions;

/** Parses and decides roles: what a .txt transcript becomes. `text` must already be normalised (see decodeText). */
export function parseTranscript(text: string, file: string, options: ParseTranscriptOptions): Result<Transcript> {
  const draft = parseTranscriptText(text, file, options);
  if (!draft.ok) return draft;
  const built = buildTranscript(draft.value, options);
  return ok(built.transcript, [...draft.warnings, ...built.warnings]);
}

/** The draft of a text transcript: front matter read, turns found, roles not yet decided. */
export function parseTranscriptText(text: string, file: string, options: TextOptions): Result<TranscriptDraft> {
  const front = parseFrontMatter(text, file);
  if (!front.ok) return front;
  const { fields, lines, bodyStart } = front.value;

  const rawId = fields['id'];
  const rawLanguage = fields['language'];
  // Not a rest spread ({ id, language, ...attributes }): that would give the attributes a prototype again.
  const attributes = attributeRecord();
  for (const [key, value] of Object.entries(fields)) if (key !== 'id' && key !== 'language') attributes[key] = value;
  const problems: Problem[] = [];
  const id = rawId ?? options.defaultId;
  if (id === '') problems.push(error({ file, line: lines['id'] ?? 2 }, 'front matter "id" is empty', 'give the interview an id, or remove the line to use the file name'));
  let language = options.defaultLanguage;
  if (rawLanguage !== undefined) {
    if (isLanguage(rawLanguage)) language = rawLanguage;
    else {
      problems.push(error({ file, line: lines['language'] ?? 2 }, `unsupported language "${rawLanguage}"`, `use one of: ${LANGUAGES.join(', ')}`));
    }
  }
  if (problems.length > 0) return fail(problems);
  return ok({ id, file, language, languageGiven: rawLanguage !== undefined, attributes, text, turns: parseTurns(text, bodyStart, options.isInterviewer) });
}

interface OpenTurn {
  speaker: string;
  start: number;
  time: Seconds | undefined;
}

/** Splits the body into turns. Text before the first label (title, date, length) belongs to no turn. */
function parseTurns(text: string, bodyStart: number, isInterviewer: (speaker: string) => boolean): TurnDraft[] {
  const turns: TurnDraft[] = [];
  let open: OpenTurn | undefined;
  const close = (end: number): void => {
    if (open === undefined) return;
    const span = trimSpan(text, open.start, end);
    turns.push({ speaker: open.speaker, start: span.start, end: span.end, ...(open.time === undefined ? {} : { time: open.time }) });
  };

  let lineStart = bodyStart;
  const colons = new ColonSearch(text);
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const label = matchSpeakerLabel(text, isInterviewer, lineStart, colons);
    if (label !== undefined) {
      close(lineStart);
      open = { speaker: label.speaker, start: lineStart + label.length, time: label.time };
    }
    lineStart = lineEnd + 1;
  }
  close(text.length);

  if (turns.length === 0) {
    // No speaker labels at all: the whole body is what one respondent said.
    const span = trimSpan(text, bodyStart, text.length);
    if (span.end > span.start) return [{ speaker: '', start: span.start, end: span.end }];
  }
  return turns;
}
