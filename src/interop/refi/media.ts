// Codings in audio, video, PDF and image sources: collab-code codes text, so these are counted and reported as skipped.
import { children, type XmlElement } from '../xml.js';

const MEDIA_SOURCES = [
  ['PDFSource', 'PDF'],
  ['PictureSource', 'image'],
  ['AudioSource', 'audio'],
  ['VideoSource', 'video'],
] as const;
const MEDIA_SELECTIONS = ['PDFSelection', 'PictureSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection', 'PlainTextSelection'];

export const countCodings = (element: XmlElement): number => children(element, 'Coding').length;

/** The codings in each kind of non-text source, selections, transcripts and representations included. */
export function mediaCodings(sources: XmlElement | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [tag, kind] of MEDIA_SOURCES) {
    for (const source of children(sources, tag)) {
      let n = countCodings(source);
      const inside = [source, ...children(source, 'Transcript'), ...children(source, 'Representation'), ...children(source, 'PDFSelection').flatMap((s) => children(s, 'Representation'))];
      for (const holder of inside) for (const selectionTag of MEDIA_SELECTIONS) for (const s of children(holder, selectionTag)) n += countCodings(s);
      if (n > 0) counts.set(kind, (counts.get(kind) ?? 0) + n);
    }
  }
  return counts;
}
