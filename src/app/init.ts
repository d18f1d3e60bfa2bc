// The init use case: starts a study in a folder with collab-code.yaml, a codebook and a sample transcript, so that
// `collab-code analyze` runs there with no options.
import { constants } from 'node:fs';
import { access, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error } from '../core/problem.js';
import { BUNDLED_CODEBOOK } from '../io/read-codebook.js';
import { InputError } from './errors.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/init/', import.meta.url));
const SCHEMA = path.join(path.dirname(BUNDLED_CODEBOOK), 'codebook.schema.json');

export type StarterCodebook = 'template' | 'study';

export interface InitOptions {
  /** The study's folder, created if needed; relative to `cwd`. */
  readonly dir: string;
  readonly cwd?: string;
  /** A small commented template (default), or the bundled Collaboration Code codebook. */
  readonly from?: StarterCodebook;
  /** Overwrite files that exist; without it, nothing is written when any does. */
  readonly force?: boolean;
}

export interface InitResult {
  /** The files written, relative to the folder, in order. */
  readonly written: readonly string[];
}

export async function init(options: InitOptions): Promise<InitResult> {
  const dir = path.resolve(options.cwd ?? process.cwd(), options.dir);
  // Target (relative to the folder) → source.
  const files: [string, string][] = [
    ['collab-code.yaml', path.join(TEMPLATES, 'collab-code.yaml')],
    ['codebook.yaml', options.from === 'study' ? BUNDLED_CODEBOOK : path.join(TEMPLATES, 'codebook.yaml')],
    // Beside the codebook, so its `$schema` comment lets an editor check it as it is typed.
    ['codebook.schema.json', SCHEMA],
    ['interviews/P01.txt', path.join(TEMPLATES, 'interviews/P01.txt')],
  ];
  if (options.force !== true) {
    const existing = [];
    for (const [target] of files) if (await exists(path.join(dir, target))) existing.push(target);
    if (existing.length > 0) {
      const list = existing.join(', ');
      throw new InputError([error({ file: options.dir }, `${existing.length === 1 ? `${list} already exists` : `${list} already exist`}; nothing was written`, 'run init in an empty folder, or add --force to overwrite them')]);
    }
  }
  for (const [target, source] of files) {
    await mkdir(path.dirname(path.join(dir, target)), { recursive: true });
    await copyFile(source, path.join(dir, target));
  }
  return { written: files.map(([target]) => target) };
}

const exists = (file: string): Promise<boolean> =>
  access(file, constants.F_OK).then(
    () => true,
    () => false,
  );
