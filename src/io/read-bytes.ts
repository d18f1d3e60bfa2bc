// Reads a whole file as bytes, or says why it cannot, naming the file as the user gave it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, fail, ok, type Result } from '../core/problem.js';

/** `what` names the kind of file in the message: "no such project file". */
export async function readBytes(file: string, cwd: string, what: string): Promise<Result<Uint8Array>> {
  try {
    return ok(await readFile(path.resolve(cwd, file)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([error({ file }, code === 'ENOENT' ? `no such ${what}` : `cannot read: ${code ?? (e as Error).message}`)]);
  }
}
