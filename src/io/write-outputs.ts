// Writes a set of output files all or nothing, and compares them with what is on disk for --check.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { error, fail, ok, type Result } from '../core/problem.js';

export interface OutputFile {
  readonly name: string;
  /** Text (written as UTF-8) or bytes (a .qdpx archive). */
  readonly content: string | Uint8Array;
}

/**
 * Every file is first written to a temporary file beside its target; only when all are written are they renamed
 * into place, so a failure leaves the previous outputs as they were.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[], cwd: string, hint = 'choose another folder with --out'): Promise<Result<void>> {
  const absolute = path.resolve(cwd, dir);
  const unwritable = (reason: string) => fail<void>([error({ file: dir }, `cannot write the outputs here: ${reason}`, hint)]);
  const info = await stat(absolute).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) return unwritable('it is a file, not a folder');
  try {
    await mkdir(absolute, { recursive: true });
  } catch (e) {
    return unwritable(reasonOf(e));
  }
  const temporary: string[] = [];
  try {
    for (const file of files) {
      // A name may hold subfolders (anonymised copies keep their place): the temporary file goes beside its target.
      const folder = path.join(absolute, path.dirname(file.name));
      if (folder !== absolute) await mkdir(folder, { recursive: true });
      const tmp = path.join(folder, `.${path.basename(file.name)}.${process.pid}.tmp`);
      temporary.push(tmp);
      await writeFile(tmp, file.content);
    }
    for (const [i, file] of files.entries()) await rename(temporary[i]!, path.join(absolute, file.name));
  } catch (e) {
    await Promise.all(temporary.map((tmp) => rm(tmp, { force: true })));
    return unwritable(reasonOf(e));
  }
  return ok(undefined);
}

/** One file, written to a temporary file and renamed, like writeOutputs. */
export const writeOutputFile = (file: string, content: string, cwd: string, hint: string): Promise<Result<void>> =>
  writeOutputs(path.dirname(file), [{ name: path.basename(file), content }], cwd, hint);

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

const reasonOf = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : REASONS[code]) ?? code ?? (e as Error).message;
};

export interface StaleFile {
  readonly name: string;
  readonly state: 'missing' | 'stale';
}

/** The outputs whose file in `dir` is missing or differs byte for byte. */
export async function compareOutputs(dir: string, files: readonly OutputFile[], cwd: string): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const file of files) {
    const current = await readFile(path.resolve(cwd, dir, file.name)).catch(() => undefined);
    if (current === undefined) stale.push({ name: file.name, state: 'missing' });
    else if (!current.equals(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content)) stale.push({ name: file.name, state: 'stale' });
  }
  return stale;
}
