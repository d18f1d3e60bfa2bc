// Writes a set of output files all or nothing, and compares them with what is on disk for --check.
import { createHash } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { access, constants, mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { error, fail, ok, type Result } from '../core/problem.js';
import { cleanUpIfInterrupted } from './cleanup.js';
import { cleanLeftovers, isOldStyleTemporary, temporaryName } from './leftovers.js';

import { chunksOf, type OutputContent } from '../outputs/output.js';

export type { OutputContent } from '../outputs/output.js';

export interface OutputFile {
  readonly name: string;
  readonly content: OutputContent;
}

export interface WriteSettings {
  /** What to do when the folder cannot be written, for messages. */
  readonly hint?: string;
  /**
   * Names collab-code writes into such a folder (this run's and other runs' outputs): what is there of them and not
   * written now is stale and goes. Anything else in the folder stops the write rather than be deleted with it.
   */
  readonly owned?: readonly string[];
}

/**
 * The files are written into a temporary folder beside `dir`, which then takes its place whole: a run stopped at any
 * point leaves either the previous outputs or the new ones, never a mix, and outputs of earlier runs that this run
 * does not write (a stale unplaced-codings.csv) do not survive it. Where the folder cannot be swapped (a mount
 * point, a parent folder we may not write), the files are staged inside it and each is renamed into place.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[], cwd: string, settings: WriteSettings = {}): Promise<Result<void>> {
  const given = path.resolve(cwd, dir);
  const unwritable = (reason: string) => fail<void>([error({ file: dir }, `cannot write the outputs here: ${reason}`, settings.hint ?? 'choose another folder with --out')]);
  const target = await realpath(given).catch(() => given);
  const info = await stat(target).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) return unwritable('it is a file, not a folder');
  const parent = path.dirname(target);
  const name = path.basename(target);
  const writing = new Set(files.map((f) => f.name.split('/')[0]!));
  const owned = new Set([...writing, ...(settings.owned ?? [])]);
  let present: string[] = [];
  try {
    if (info !== undefined) present = await readdir(target);
  } catch (e) {
    return unwritable(reasonOf(e));
  }
  const foreign = present.filter((entry) => !owned.has(entry) && !isOldStyleTemporary(entry) && !isLeftoverOf(entry, name));
  if (foreign.length > 0) {
    const listed = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    return fail([
      error({ file: dir }, `the folder holds files collab-code does not write (${listed}): replacing the outputs would delete them`, 'move them elsewhere, or choose another folder with --out'),
    ]);
  }
  try {
    await mkdir(parent, { recursive: true });
    cleanLeftovers(parent, name);
    if (info !== undefined) cleanLeftovers(target, name);
    // The working folder is not swapped from under the user's shell: it, and folders holding it, are written inside.
    const holdsCwd = `${path.resolve(cwd)}${path.sep}`.startsWith(`${target}${path.sep}`);
    const swappable = info === undefined || (!holdsCwd && (await canWrite(parent)) && (await stat(parent)).dev === info.dev);
    if (swappable) await swapIn(parent, name, info !== undefined, files);
    else await replaceInside(target, name, files, present.filter((entry) => !writing.has(entry)));
  } catch (e) {
    return unwritable(reasonOf(e));
  }
  return ok(undefined);
}

/** Writes the files into a sibling folder and swaps it with the target's. */
async function swapIn(parent: string, name: string, exists: boolean, files: readonly OutputFile[]): Promise<void> {
  const staging = path.join(parent, temporaryName(name, 'tmp'));
  const done = cleanUpIfInterrupted(() => rmSync(staging, { recursive: true, force: true }));
  try {
    await mkdir(staging);
    await writeAll(staging, files);
    const target = path.join(parent, name);
    if (!exists) {
      await rename(staging, target);
      return;
    }
    // Between these two renames the outputs are beside their place; a run killed there is undone by the next.
    const previous = path.join(parent, temporaryName(name, 'old'));
    await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (e) {
      await rename(previous, target);
      throw e;
    }
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
    done();
  }
}

/** Writes the files into a folder inside the target, renames each into place, then removes the stale ones. */
async function replaceInside(target: string, name: string, files: readonly OutputFile[], stale: readonly string[]): Promise<void> {
  const staging = path.join(target, temporaryName(name, 'tmp'));
  const done = cleanUpIfInterrupted(() => rmSync(staging, { recursive: true, force: true }));
  try {
    await mkdir(staging);
    await writeAll(staging, files);
    for (const file of files) {
      await mkdir(path.dirname(path.join(target, file.name)), { recursive: true });
      await rename(path.join(staging, file.name), path.join(target, file.name));
    }
    for (const entry of stale) await rm(path.join(target, entry), { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
    done();
  }
}

async function writeAll(folder: string, files: readonly OutputFile[]): Promise<void> {
  for (const file of files) {
    const into = path.join(folder, file.name);
    await mkdir(path.dirname(into), { recursive: true });
    await writeFile(into, chunksOf(file.content));
  }
}

/** One file, written to a temporary file beside it and renamed into place. */
export async function writeOutputFile(file: string, content: OutputContent, cwd: string, hint: string): Promise<Result<void>> {
  const target = path.resolve(cwd, file);
  const folder = path.dirname(target);
  const temporary = path.join(folder, temporaryName(path.basename(target), 'tmp'));
  const done = cleanUpIfInterrupted(() => rmSync(temporary, { force: true }));
  try {
    await mkdir(folder, { recursive: true });
    cleanLeftovers(folder, path.basename(target));
    await writeFile(temporary, chunksOf(content));
    await rename(temporary, target);
  } catch (e) {
    return fail([error({ file }, `cannot write the file: ${reasonOf(e)}`, hint)]);
  } finally {
    await rm(temporary, { force: true });
    done();
  }
  return ok(undefined);
}

const isLeftoverOf = (entry: string, name: string): boolean => entry.startsWith(`.${name}.collab-code-`);

const canWrite = (folder: string): Promise<boolean> =>
  access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EIO: 'an input/output error of the device',
};

export const reasonOf = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : REASONS[code]) ?? code ?? (e as Error).message;
};

export interface StaleFile {
  readonly name: string;
  /** missing: not there; stale: differs; extra: an earlier run's output that this run does not write. */
  readonly state: 'missing' | 'stale' | 'extra';
}

/** The outputs whose file in `dir` is missing or differs byte for byte, and outputs of earlier runs left there. */
export async function compareOutputs(dir: string, files: readonly OutputFile[], cwd: string, owned: readonly string[] = []): Promise<StaleFile[]> {
  const folder = path.resolve(cwd, dir);
  const stale: StaleFile[] = [];
  for (const file of files) {
    const current = await digestOfFile(path.join(folder, file.name));
    if (current === undefined) stale.push({ name: file.name, state: 'missing' });
    else if (current !== digestOf(file.content)) stale.push({ name: file.name, state: 'stale' });
  }
  const writing = new Set(files.map((f) => f.name.split('/')[0]!));
  const present = await readdir(folder).catch(() => [] as string[]);
  for (const entry of present.sort()) if (owned.includes(entry) && !writing.has(entry)) stale.push({ name: entry, state: 'extra' });
  return stale;
}

function digestOf(content: OutputContent): string {
  const hash = createHash('sha256');
  for (const chunk of chunksOf(content)) hash.update(chunk);
  return hash.digest('hex');
}

async function digestOfFile(file: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
