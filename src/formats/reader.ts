// What every transcript format reader is: bytes in, a transcript draft (turns with speakers, text, times) out.
import { error, fail, ok, type Result } from '../core/problem.js';
import { decodeText } from '../core/text/decode.js';
import type { Language } from '../core/text/language.js';
import { attributeRecord, type TranscriptDraft } from '../core/transcripts/transcript.js';

/** Column names of turn tables, for tables whose columns are not called speaker, text and time (--turn-columns). */
export type TurnColumnMapping = Readonly<Partial<Record<'speaker' | 'text' | 'time', string>>>;

export interface ReadContext {
  /** The path as messages name it. */
  readonly file: string;
  /** The file name without extension: the transcript's id unless the file names another. */
  readonly defaultId: string;
  readonly defaultLanguage: Language;
  readonly isInterviewer: (speaker: string) => boolean;
  readonly turnColumns?: TurnColumnMapping;
}

/**
 * A transcript format. The draft's `text` is what every offset (codings.csv start/end, quotes, REFI-QDA positions)
 * refers to: for a text file the file itself; for other formats the text the reader builds, documented in its module.
 * Roles (interviewer or respondent) are decided afterwards for all formats alike (core/transcripts/build-transcript.ts).
 */
export interface TranscriptReader {
  read(bytes: Uint8Array, context: ReadContext): Promise<Result<TranscriptDraft>>;
}

/** Decodes a text-based format's bytes (UTF-8, or UTF-16 with a BOM or NULs), or says which byte is not text. */
export function decodeTextFile(bytes: Uint8Array, file: string): Result<string> {
  const decoded = decodeText(bytes);
  if (decoded.ok) return ok(decoded.text);
  const name = decoded.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
  return fail([error({ file }, `invalid ${name} at byte ${decoded.byteOffset}`, 'save the transcript as UTF-8 (most editors offer "Save with encoding")')]);
}

/** A transcript with no front matter: its id from the file name, the codebook's language, no attributes. */
export const plainDraft = (context: ReadContext, text: string, turns: TranscriptDraft['turns']): TranscriptDraft => ({
  id: context.defaultId,
  file: context.file,
  language: context.defaultLanguage,
  attributes: attributeRecord(),
  text,
  turns,
});
