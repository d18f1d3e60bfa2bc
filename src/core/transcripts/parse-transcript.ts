// Parses a transcript's text into front matter, attributes and numbered speaker turns.
import { error, fail, ok, warning, type Problem, type Result } from '../problem.js';
import { isLanguage, LANGUAGES, type Language } from '../text/language.js';
import { trimSpan } from '../text/sentences.js';
import { parseFrontMatter } from './front-matter.js';
import { matchSpeakerLabel } from './speakers.js';
import { isEmptyTranscript, type Role, type Transcript, type Turn } from './transcript.js';

export interface ParseTranscriptOptions {
  /** The transcript's file name without extension: its id when the front matter names none. */
  readonly defaultId: string;
  /** The codebook's language, for transcripts whose front matter names none. */
  readonly defaultLanguage: Language;
  readonly isInterviewer: (speaker: string) => boolean;
}

/** `text` must already be normalised (see decodeUtf8). */
export function parseTranscript(text: string, file: string, options: ParseTranscriptOptions): Result<Transcript> {
  const front = parseFrontMatter(text, file);
  if (!front.ok) return front;
  const { fields, lines, bodyStart } = front.value;

  const { id: rawId, language: rawLanguage, ...attributes } = fields;
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

  const transcript: Transcript = {
    id,
    file,
    language,
    attributes,
    text,
    turns: parseTurns(text, bodyStart, options.isInterviewer),
  };
  const warnings = isEmptyTranscript(transcript)
    ? [warning({ file }, 'transcript is empty: no respondent text to code', 'it is listed in the report as empty and left out of the sample')]
    : [];
  return ok(transcript, warnings);
}

interface OpenTurn {
  speaker: string;
  role: Role;
  start: number;
}

/** Splits the body into turns. Text before the first label (title, date, length) belongs to no turn. */
function parseTurns(text: string, bodyStart: number, isInterviewer: (speaker: string) => boolean): Turn[] {
  const turns: Turn[] = [];
  let open: OpenTurn | undefined;
  const close = (end: number): void => {
    if (open === undefined) return;
    const span = trimSpan(text, open.start, end);
    turns.push({ index: turns.length + 1, speaker: open.speaker, role: open.role, start: span.start, end: span.end });
  };

  let lineStart = bodyStart;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const label = matchSpeakerLabel(text, isInterviewer, lineStart);
    if (label !== undefined) {
      close(lineStart);
      open = { speaker: label.speaker, role: isInterviewer(label.speaker) ? 'interviewer' : 'respondent', start: lineStart + label.length };
    }
    lineStart = lineEnd + 1;
  }
  close(text.length);

  if (turns.length === 0) {
    // No speaker labels at all: the whole body is what one respondent said.
    const span = trimSpan(text, bodyStart, text.length);
    if (span.end > span.start) return [{ index: 1, speaker: '', role: 'respondent', start: span.start, end: span.end }];
  }
  return turns;
}
