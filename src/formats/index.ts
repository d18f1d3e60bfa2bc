// The transcript formats, by file extension: one entry per format, its reader loaded only when a file of it is read
// (so --help and .txt runs never load mammoth). A new format is a module and a line here.
import type { TranscriptReader } from './reader.js';

export interface TranscriptFormat {
  /** How messages and the README name it. */
  readonly name: string;
  /** Lower-case, with the dot. */
  readonly extensions: readonly string[];
  readonly load: () => Promise<TranscriptReader>;
}

export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = [
  { name: 'text', extensions: ['.txt', '.md'], load: async () => (await import('./text.js')).textReader },
  { name: 'Word', extensions: ['.docx'], load: async () => (await import('./docx.js')).docxReader },
  { name: 'WebVTT subtitles', extensions: ['.vtt'], load: async () => (await import('./subtitles.js')).vttReader },
  { name: 'SubRip subtitles', extensions: ['.srt'], load: async () => (await import('./subtitles.js')).srtReader },
  { name: 'turn table', extensions: ['.csv', '.tsv'], load: async () => (await import('./turn-table.js')).turnTableReader },
];

export const TRANSCRIPT_EXTENSIONS: readonly string[] = TRANSCRIPT_FORMATS.flatMap((f) => f.extensions);

const byExtension = new Map(TRANSCRIPT_FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

/** The format of a file by its extension (any case), if collab-code reads it. */
export const formatOf = (extension: string): TranscriptFormat | undefined => byExtension.get(extension.toLowerCase());

/** What to do with a file collab-code does not read, by extension. */
export function adviceFor(extension: string): string {
  const ext = extension.toLowerCase();
  if (ext === '.pdf') return 'export them as .docx or .txt (a PDF holds no reliable reading order)';
  if (['.doc', '.rtf', '.odt', '.pages', '.wpd'].includes(ext)) return 'save them as .docx (Word Document) or .txt';
  if (['.xlsx', '.xls', '.ods', '.numbers'].includes(ext)) return 'save a table of turns as .csv; give a table of participants with --participants';
  if (['.mp3', '.m4a', '.wav', '.mp4', '.mov', '.ogg', '.webm', '.aac', '.flac'].includes(ext)) return 'transcribe recordings first; the .vtt or .srt a transcription service writes can be read';
  if (ext === '.qdpx') return 'name a REFI-QDA project itself: analyze PROJECT.qdpx reads its sources, --codings PROJECT.qdpx its codings';
  if (ext === '.json') return 'convert it to .vtt, .srt or a .csv of turns';
  return `collab-code reads ${TRANSCRIPT_EXTENSIONS.join(', ')}`;
}
