// Names of the temporary files and folders a run writes beside its outputs, and the clean-up of those that killed
// runs left behind: a later run removes them (or, for a swap cut short, puts the previous outputs back).
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const TAG = 'collab-code';
let made = 0;

/** A hidden name beside `name`, unique to this process: `.NAME.collab-code-PID-N.KIND`. */
export const temporaryName = (name: string, kind: 'tmp' | 'old'): string => `.${name}.${TAG}-${process.pid}-${++made}.${kind}`;

const LEFTOVER = new RegExp(`^\\.(.+)\\.${TAG}-(\\d+)-\\d+\\.(tmp|old)$`);
// What versions before 0.2 left in the output folder itself when killed while writing.
const OLD_STYLE = /^\..+\.\d+\.tmp$/;

export const isOldStyleTemporary = (entry: string): boolean => OLD_STYLE.test(entry);

/**
 * Removes what killed runs left beside `target` in its folder: temporary copies, and previous outputs moved aside for
 * a swap that never finished, which are put back when the outputs they were replacing are missing. Runs still alive
 * (another collab-code writing the same outputs) are left alone.
 */
export function cleanLeftovers(folder: string, target: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = LEFTOVER.exec(entry);
    if (match === null || match[1] !== target || isAlive(Number(match[2]))) continue;
    const leftover = path.join(folder, entry);
    const into = path.join(folder, target);
    try {
      if (match[3] === 'old' && !existsSync(into)) renameSync(leftover, into);
      else rmSync(leftover, { recursive: true, force: true });
    } catch {
      // Not ours to fight over: a later run tries again.
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
