// Reads an input file named on the command line, as bytes; a missing or unreadable file is a problem naming it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { error, fail, ok, type Result } from '../core/problem.js';

/** `what` names the file in the message when it does not exist ("codings file"). */
export function readBytes(file: string, cwd: string, what: string): Result<Uint8Array> {
  try {
    return ok(readFileSync(path.resolve(cwd, file)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([error({ file }, code === 'ENOENT' ? `no such ${what}` : `cannot read: ${code ?? (e as Error).message}`)]);
  }
}
