// Reads a REFI-QDA project file (.qdpx), and finds the sources it keeps outside the archive: at their recorded place
// when this is the machine that exported it, else beside the .qdpx, else in the folders named with --sources.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../core/problem.js';
import { readBytes } from './read-bytes.js';
import { readProject, type ExternalFinder, type ExternalRef, type RefiProject } from '../interop/refi/read-project.js';

export const isProjectFile = (file: string): boolean => path.extname(file).toLowerCase() === '.qdpx';

/** Where a source kept outside the archive may be, most likely first. */
function candidates(ref: ExternalRef, projectDir: string, sourceDirs: readonly string[]): string[] {
  const decoded = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  // "relative:///AR/John.txt" and "absolute:///C:/PROJECT/x.txt" carry a slash before the path proper.
  const given = decoded(ref.path).replace(/^\/+(?=[A-Za-z]:)/, '');
  const relative = ref.scheme === 'relative' ? given.replace(/^\/+/, '') : undefined;
  const name = given.split(/[\\/]/).at(-1) ?? given;
  const here = [projectDir, ...sourceDirs];
  return [
    ...(ref.scheme === 'absolute' ? [given] : []),
    ...(relative !== undefined && ref.basePath !== undefined ? [path.join(ref.basePath, relative)] : []),
    ...(relative === undefined ? [] : here.map((dir) => path.join(dir, relative))),
    ...here.map((dir) => path.join(dir, name)),
  ];
}

// A run may read one project twice (`analyze team.qdpx --codings team.qdpx`): it is read once, while unchanged.
const read = new Map<string, { readonly stamp: string; readonly result: Promise<Result<RefiProject>> }>();

/**
 * Reads a .qdpx; `sourceDirs` (relative to `cwd`) are where to look for sources kept outside it. The same file,
 * unchanged, gives the same result object.
 */
export function readProjectFile(file: string, cwd: string, sourceDirs: readonly string[] = []): Promise<Result<RefiProject>> {
  const key = [path.resolve(cwd, file), ...sourceDirs.map((dir) => path.resolve(cwd, dir))].join('\0');
  const info = statSync(path.resolve(cwd, file), { throwIfNoEntry: false });
  const stamp = info === undefined ? '' : `${info.size}:${info.mtimeMs}`;
  const cached = read.get(key);
  if (cached !== undefined && cached.stamp === stamp && stamp !== '') return cached.result;
  const result = readUncached(file, cwd, sourceDirs);
  read.set(key, { stamp, result });
  return result;
}

async function readUncached(file: string, cwd: string, sourceDirs: readonly string[]): Promise<Result<RefiProject>> {
  const bytes = await readBytes(file, cwd, 'project file');
  if (!bytes.ok) return bytes;
  const projectDir = path.dirname(path.resolve(cwd, file));
  const dirs = sourceDirs.map((dir) => path.resolve(cwd, dir));
  const findExternal: ExternalFinder = (ref) => {
    for (const candidate of candidates(ref, projectDir, dirs)) {
      if (!existsSync(candidate)) continue;
      try {
        return { bytes: readFileSync(candidate), where: path.relative(cwd, candidate).split(path.sep).join('/') || candidate };
      } catch {
        continue;
      }
    }
    return undefined;
  };
  return readProject(bytes.value, file, findExternal);
}
