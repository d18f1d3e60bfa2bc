// The text of an entry or file as an exporter stored it: REFI-QDA says UTF-8; some write a byte-order mark, or UTF-16.
import { decodeUtf8 } from '../../core/text/decode.js';

/** Text as stored: UTF-8 (or UTF-16 with its byte-order mark), BOM removed, line ends kept. */
export function decodeStored(bytes: Uint8Array): { ok: true; raw: string } | { ok: false; byteOffset: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, raw: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, raw: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, raw: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const decoded = decodeUtf8(bytes);
    return { ok: false, byteOffset: decoded.ok ? 0 : decoded.byteOffset };
  }
}
