// .docx (Word): the document's raw text through mammoth, then read as a text transcript, so the usual "Label:" turns,
// timestamps and front matter work. mammoth is loaded only when a .docx is read.
//
// The text offsets refer to is the document's raw text as mammoth reads it: each paragraph followed by a blank line (so
// a Word paragraph is a paragraph unit), a line break (Shift+Enter) as a line end, a tab as a tab; formatting (a bold
// label) dropped; headers, footers, notes and comments left out.
import { error, fail, type Result } from '../core/problem.js';
import { normaliseText } from '../core/text/decode.js';
import { parseTranscriptText } from '../core/transcripts/parse-transcript.js';
import type { TranscriptDraft } from '../core/transcripts/transcript.js';
import type { ReadContext, TranscriptReader } from './reader.js';

export const docxReader: TranscriptReader = { read: readDocx };

async function readDocx(bytes: Uint8Array, context: ReadContext): Promise<Result<TranscriptDraft>> {
  const { default: mammoth } = await import('mammoth');
  let raw: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // mammoth's own raw text drops line breaks, which transcripts use between a label and its words: the document's
    // tree is taken from the public transformDocument hook and written out here with them (an empty document is
    // handed back, so no HTML is built).
    let document: DocumentElement | undefined;
    await mammoth.convertToHtml({ buffer }, { transformDocument: (element: DocumentElement) => ((document = element), { ...element, children: [] }) });
    raw = document === undefined ? '' : rawText(document);
  } catch (e) {
    return fail([
      error(
        { file: context.file },
        `not a readable Word document: ${(e as Error).message.replace(/\s+/g, ' ').trim()}`,
        'open it in Word (or LibreOffice) and save it again as "Word Document (.docx)"; an old .doc must be saved as .docx',
      ),
    ]);
  }
  return parseTranscriptText(normaliseText(raw), context.file, context);
}

/** mammoth's document tree, as far as the text goes. */
interface DocumentElement {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly DocumentElement[];
}

function rawText(element: DocumentElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  if (element.type === 'break') return '\n';
  const inner = (element.children ?? []).map(rawText).join('');
  return element.type === 'paragraph' ? `${inner}\n\n` : inner;
}
