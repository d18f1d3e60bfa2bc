// Fillers of speech (uh, um, you know; eh, este, o sea): words a transcript keeps but a reader skips, so they do not
// make a quote longer to read.
import type { Language } from './language.js';

// A filler with the commas, dots, dashes and spaces after it. "este" and "bueno" are fillers only before a pause
// ("este, no sé"), not in "este proyecto"; the rest are fillers wherever they stand as words.
const FILLERS: Record<Language, RegExp> = {
  en: /(?<![\p{L}\p{N}'’])(?:u+h+m*|u+m+|e+r+m+|e+h+|a+h+|h+m+|m+h?m+|you know|i mean)(?![\p{L}\p{N}'’])[\s,.…-]*/giu,
  es: /(?<![\p{L}\p{N}])(?:e+h+m*|e+m+|m+h?m+|este(?=\s*[,.…-])|bueno(?=\s*[,.…-])|o sea|digamos|pues)(?![\p{L}\p{N}])[\s,.…-]*/giu,
};

/** The length of text[start, end) in UTF-16 units, fillers and the pauses after them left out. */
export function contentLength(text: string, start: number, end: number, language: Language): number {
  const filler = FILLERS[language];
  let length = end - start;
  for (const m of text.slice(start, end).matchAll(filler)) length -= m[0].length;
  return length;
}
