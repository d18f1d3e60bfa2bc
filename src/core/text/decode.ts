// Turns a file's bytes into the normalised text every offset refers to: UTF-8 (or UTF-16), no BOM, LF line ends.

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly encoding: TextEncoding; readonly byteOffset: number };

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes a text file: UTF-16 when it starts with a UTF-16 byte-order mark (Windows "Unicode") or has a NUL byte
 * every other byte (UTF-16 saved without one), else UTF-8, strictly. On invalid bytes it reports the offset of the
 * first bad byte rather than producing mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const encoding = utf16Of(bytes);
  if (encoding === undefined) return decodeUtf8(bytes);
  try {
    return { ok: true, encoding, text: normaliseText(new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)) };
  } catch {
    return { ok: false, encoding, byteOffset: firstInvalidUtf16(bytes, encoding) };
  }
}

/** Decodes UTF-8 strictly; on invalid bytes reports the offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { ok: false, encoding: 'utf-8', byteOffset: firstInvalidByte(bytes) };
  }
  return { ok: true, encoding: 'utf-8', text: normaliseText(text) };
}

/** Strips a BOM and turns CRLF (and lone CR) into LF. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

// Text in a Latin script saved as UTF-16 has a NUL as the high byte of nearly every character; UTF-8 text has none.
const SAMPLE_PAIRS = 512;

function utf16Of(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(SAMPLE_PAIRS, Math.floor(bytes.length / 2));
  if (pairs === 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs / 2 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs / 2 && oddNul === 0) return 'utf-16be';
  return undefined;
}

// The first unit that does not decode on its own: a lone surrogate, or an odd byte at the end.
function firstInvalidUtf16(bytes: Uint8Array, encoding: TextEncoding): number {
  const unit = (i: number) => (encoding === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else return i;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return bytes.length - (bytes.length % 2 === 1 ? 1 : 0);
}

// The lenient decoder puts U+FFFD where bytes are invalid; the first U+FFFD that was not
// literally encoded (EF BF BD) in the file marks the first invalid byte.
function firstInvalidByte(bytes: Uint8Array): number {
  const text = lenient.decode(bytes);
  const encoder = new TextEncoder();
  let from = 0;
  for (;;) {
    const at = text.indexOf('\uFFFD', from);
    if (at < 0) return bytes.length;
    const offset = encoder.encode(text.slice(0, at)).length;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    from = at + 1;
  }
}
