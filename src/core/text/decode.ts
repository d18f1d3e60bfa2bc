// Turns a file's bytes into the normalised text every offset refers to: UTF-8, no BOM, LF line ends.

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly byteOffset: number };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 strictly; on invalid bytes reports the offset of the first bad byte rather than producing mojibake. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { ok: false, byteOffset: firstInvalidByte(bytes) };
  }
  return { ok: true, text: normaliseText(text) };
}

/** Strips a BOM and turns CRLF (and lone CR) into LF. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
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
