// Offsets exchanged with other tools (REFI-QDA, our CSVs) count Unicode code points; JavaScript strings count UTF-16 units.

/** An offset in Unicode code points from the start of a transcript's normalised text. */
export type CodePointOffset = number & { readonly __unit: 'code point' };

/** A span [start, end) in code points, end exclusive. */
export interface CodePointSpan {
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
}

/** Builds a converter from UTF-16 offsets to code point offsets for one text. */
export function codePointConverter(text: string): (utf16Offset: number) => CodePointOffset {
  // Most transcripts have no astral characters: then both counts agree and no table is needed.
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset as CodePointOffset;
  // Where each surrogate pair's second half is: a table per UTF-16 offset would take four bytes a character of a long
  // transcript for one emoji.
  const seconds: number[] = [];
  for (const m of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) seconds.push(m.index + 1);
  return (offset) => {
    // Pairs whose second half comes before the offset.
    let low = 0;
    let high = seconds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (seconds[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return (offset - low) as CodePointOffset;
  };
}

/** The text of a code point span, for tests and for tools that check traceability. */
export function sliceCodePoints(text: string, span: CodePointSpan): string {
  return Array.from(text).slice(span.start, span.end).join('');
}

/** Builds a converter from code point offsets to UTF-16 offsets for one text: the inverse of codePointConverter. */
export function utf16Converter(text: string): (codePointOffset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const utf16Of: number[] = [];
  let i = 0;
  while (i < text.length) {
    utf16Of.push(i);
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
  }
  utf16Of.push(text.length);
  const codePoints = utf16Of.length - 1;
  // Past the end, offsets keep counting one unit per code point, so a caller can tell they lie outside the text.
  return (offset) => (offset <= codePoints ? utf16Of[offset]! : text.length + offset - codePoints);
}
