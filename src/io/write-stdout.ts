// Writes to standard output synchronously and completely: a short write is continued, a full pipe (EAGAIN) waited
// out, and a failure (a full disk under `> file`) becomes an error naming where stdout goes, never a truncated
// file with exit 0. A reader that stops early (`| head`) is not an error: EPIPE is rethrown for main.ts to end quietly.
import { readlinkSync, writeSync } from 'node:fs';
import { error, type Problem } from '../core/problem.js';
import { reasonOf } from './write-outputs.js';

type Write = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

/** Standard output could not be written: main.ts shows the problem and exits 2. */
export class OutputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'OutputError';
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd`. */
export function writeAllSync(fd: number, text: string, write: Write = writeSync): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += write(fd, bytes, offset, bytes.length - offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EPIPE') throw e;
      throw new OutputError([error({ file: describeFd(fd) }, `cannot write the output: ${reasonOf(e)}`, code === 'ENOSPC' ? 'free some space, or write it elsewhere' : undefined)]);
    }
  }
}

/** Where a file descriptor leads (the file behind `> file`), as far as the system tells. */
function describeFd(fd: number): string {
  const name = fd === 1 ? 'standard output' : `file descriptor ${fd}`;
  try {
    const target = readlinkSync(`/proc/self/fd/${fd}`);
    return target.startsWith('/') ? `${name} (${target})` : name;
  } catch {
    return name;
  }
}
