// .txt and .md: the file's text is the transcript; labels, timestamps and front matter as core/transcripts parses them.
import type { Result } from '../core/problem.js';
import { parseTranscriptText } from '../core/transcripts/parse-transcript.js';
import type { TranscriptDraft } from '../core/transcripts/transcript.js';
import { decodeTextFile, type ReadContext, type TranscriptReader } from './reader.js';

export const textReader: TranscriptReader = {
  read: (bytes, context) => Promise.resolve(readText(bytes, context)),
};

function readText(bytes: Uint8Array, context: ReadContext): Result<TranscriptDraft> {
  const text = decodeTextFile(bytes, context.file);
  if (!text.ok) return text;
  return parseTranscriptText(text.value, context.file, context);
}

