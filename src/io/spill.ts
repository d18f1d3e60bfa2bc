// A temporary file for text too large to hold (codings.csv's rows of a streamed corpus), written in pieces and read
// back in any order. It is unlinked as soon as it is opened: the system frees it when the process ends, however it
// ends (even by kill -9), so no run leaves it behind.
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Where a piece was written. */
export interface SpillRange {
  readonly offset: number;
  readonly bytes: number;
}

// Pieces are read back in chunks of this many bytes, cut at character boundaries.
const READ_CHUNK = 1 << 20;

export class Spill {
  private readonly fd: number;
  private size = 0;
  private closed = false;
  /** Where the file is, while it could not be removed (Windows does not remove an open file). */
  private readonly stillAt: string | undefined;

  constructor() {
    const file = path.join(tmpdir(), `collab-code-${process.pid}-${Math.random().toString(36).slice(2)}.spill`);
    this.fd = openSync(file, 'wx+', 0o600);
    try {
      unlinkSync(file);
    } catch {
      this.stillAt = file;
    }
  }

  /** Writes the pieces one after the other: where they are, together. */
  append(pieces: Iterable<string>): SpillRange {
    const offset = this.size;
    for (const piece of pieces) {
      const buffer = Buffer.from(piece, 'utf8');
      let written = 0;
      // writeSync may write less than asked (a full disk writes nothing and throws).
      while (written < buffer.length) written += writeSync(this.fd, buffer, written, buffer.length - written, this.size + written);
      this.size += buffer.length;
    }
    return { offset, bytes: this.size - offset };
  }

  /** The pieces' text, in the order given, in chunks of about a MB. */
  *read(ranges: Iterable<SpillRange>): Generator<string> {
    const buffer = Buffer.alloc(READ_CHUNK);
    // A character cut at a chunk's end waits for the next chunk.
    const decoder = new StringDecoder('utf8');
    for (const range of ranges) {
      for (let at = 0; at < range.bytes; ) {
        const got = readSync(this.fd, buffer, 0, Math.min(READ_CHUNK, range.bytes - at), range.offset + at);
        if (got === 0) throw new Error('the temporary file of codings ended early');
        at += got;
        const text = decoder.write(buffer.subarray(0, got));
        if (text !== '') yield text;
      }
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    if (this.stillAt !== undefined) rmSync(this.stillAt, { force: true });
  }
}
