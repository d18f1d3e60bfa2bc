// How wide a chart's text is, from the widths of Helvetica's characters (Arial and Liberation Sans, what browsers show
// for it, have the same widths). Vega has no canvas to measure with in Node and otherwise guesses 0.8 of the font
// size per character, which leaves code labels half empty and cuts them short; a table is as deterministic as that
// guess and close to what is drawn.

// Advance widths of the printable ASCII characters, space (32) to tilde (126), in thousandths of the font size
// (Adobe's Helvetica metrics).
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667,
  667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
  556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
// Others: an accented letter is about as wide as a plain one; a few wide punctuation marks.
const OTHER: Readonly<Record<string, number>> = { '…': 1000, '—': 1000, '–': 556, '’': 222, '‘': 222, '“': 333, '”': 333, '†': 556, '·': 278 };
const DEFAULT = 556;

/** The width of `text` in pixels at `fontSize`, a bold weight taken as a tenth wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? ASCII[code - 32]! : (OTHER[char] ?? DEFAULT);
  }
  return (units / 1000) * fontSize * (bold ? 1.1 : 1);
}

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  /** The width the text is cut to with "…", when positive. */
  readonly limit?: number;
}

/** Vega's text measure (textMetrics.width): the text's width, at most its limit, as Vega cuts longer text there. */
export function measureText(item: TextItem, text: unknown): number {
  const size = item.fontSize ?? 11;
  const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
  const width = textWidth(text == null ? '' : String(text).trim(), size, bold);
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
