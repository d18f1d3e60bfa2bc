// Lists the files of a folder or a glob without being led astray: symbolic links out of the folder are skipped and
// listed unless asked for, links in circles are read once, and a glob with many * cannot take minutes on a long name.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

export interface Found {
  /** Absolute paths, as reached (not resolved), one per real file. */
  readonly files: readonly string[];
  /** Symbolic links leading out of the folder, skipped: absolute paths as reached. */
  readonly skipped: readonly string[];
}

/**
 * Every file under `root` whose name `keep` accepts, hidden files and folders left out. Links are followed only
 * where they stay inside `root`, unless `followSymlinks`; either way no real folder is walked twice.
 */
export function walkFolder(root: string, keep: (file: string) => boolean, followSymlinks: boolean): Found {
  const files: string[] = [];
  const skipped: string[] = [];
  const realRoot = realpathSync.native(root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
  const walked = new Set<string>();
  const walk = (folder: string, realFolder: string): void => {
    if (walked.has(realFolder)) return;
    walked.add(realFolder);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, path.join(realFolder, entry.name));
      else if (entry.isFile()) {
        if (keep(full)) files.push(full);
      } else if (entry.isSymbolicLink()) {
        const real = realOf(full);
        if (real === undefined) continue;
        if (!inside(real.path) && !followSymlinks) {
          if (real.isDirectory || keep(full)) skipped.push(full);
        } else if (real.isDirectory) walk(full, real.path);
        else if (keep(full)) files.push(full);
      }
    }
  };
  walk(root, realRoot);
  return { files, skipped };
}

function realOf(link: string): { path: string; isDirectory: boolean } | undefined {
  try {
    const real = realpathSync.native(link);
    return { path: real, isDirectory: statSync(real).isDirectory() };
  } catch {
    // A dangling link, or one in a circle the system refuses to resolve.
    return undefined;
  }
}

// More * than this in one name make the pattern's regex backtrack polynomially (n^k on a name of n characters):
// seconds at 3 on a 250-character name, minutes at 4.
const MAX_PLAIN_STARS = 2;

/**
 * The files a glob matches. A file name pattern with many * (interview*2023*final*.txt) is matched here, in linear
 * time, rather than by the glob library's regex. Symbolic links are followed only when asked.
 */
export async function expandGlob(pattern: string, cwd: string, followSymlinks: boolean): Promise<string[] | string> {
  const slash = pattern.lastIndexOf('/');
  const name = pattern.slice(slash + 1);
  const folders = slash < 0 ? '' : pattern.slice(0, slash + 1);
  const stars = (text: string) => text.replace(/\*\*/g, '').split('*').length - 1;
  for (const segment of folders.split('/')) {
    if (stars(segment) > MAX_PLAIN_STARS) return `more than ${MAX_PLAIN_STARS} * in the folder part "${segment}"; use ** or fewer *`;
  }
  const options = { cwd, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: followSymlinks };
  if (stars(name) <= MAX_PLAIN_STARS) return glob(pattern, options);
  if (/[\\[\]{}()!+@]/.test(name)) return `more than ${MAX_PLAIN_STARS} * in "${name}" together with [ ], { } or ( ); use fewer *`;
  const matches = await glob(`${folders}*`, options);
  return matches.filter((file) => matchesName(name, path.basename(file)));
}

/** Whether a file name matches a pattern of literal characters, * and ?: greedy, back to the last *, O(n·m). */
export function matchesName(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
