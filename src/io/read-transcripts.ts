// Finds transcript files from paths, folders and globs, and reads their bytes; the formats registry says which
// extensions are transcripts, and files of other extensions in a folder are reported, once per extension.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { error, fail, ok, warning, type Problem, type Result } from '../core/problem.js';
import { adviceFor, formatOf, TRANSCRIPT_EXTENSIONS } from '../formats/index.js';
import { expandGlob, walkFolder } from './find-files.js';

export { TRANSCRIPT_EXTENSIONS };

export interface TranscriptFile {
  /** The path relative to the working directory, with / separators: how messages name the file. */
  readonly file: string;
  /** File name without extension: the transcript's id unless the file gives one. */
  readonly defaultId: string;
  /** Lower-case, with the dot: which format reads it. */
  readonly extension: string;
  readonly bytes: Uint8Array;
}

export interface FindOptions {
  readonly cwd: string;
  /** Folders and files never searched: the output folder, the participants table and codings files. */
  readonly exclude: readonly string[];
  /** Follow symbolic links out of the folders given (and links in globs); default: skip and list them. */
  readonly followSymlinks?: boolean;
}

const isTranscript = (file: string): boolean => formatOf(path.extname(file)) !== undefined;
// A README beside the transcripts describes the corpus; it is not an interview. Word's lock files (~$name.docx),
// and what operating systems leave in folders, are not files anyone put there.
const isReadme = (file: string): boolean => /^readme\.(md|txt)$/i.test(path.basename(file));
// The key of anonymised copies (collab-code anonymise) sits beside them until moved: never a transcript, and a warning.
const isPseudonymKey = (file: string): boolean => path.basename(file).toLowerCase() === 'pseudonyms.csv';
const isClutter = (file: string): boolean => /^(?:~\$|\.)|^(?:thumbs\.db|desktop\.ini)$/i.test(path.basename(file));
const readable = TRANSCRIPT_EXTENSIONS.join(', ');

/**
 * Absolute paths of the transcripts named by `inputs`, sorted, each real file once however many links lead to it;
 * with a warning per extension of the files a folder or glob holds that are not transcripts, and one for the
 * symbolic links out of a folder that were skipped.
 */
export async function findTranscripts(inputs: readonly string[], options: FindOptions): Promise<Result<string[]>> {
  // Real path → the path as reached.
  const found = new Map<string, string>();
  const add = (file: string): void => {
    const real = realpathOf(file);
    if (!found.has(real)) found.set(real, file);
  };
  const follow = options.followSymlinks === true;
  const links: Problem[] = [];
  const problems: Problem[] = [];
  const skipped = new Map<string, { input: string; files: string[] }>();
  const excluded = options.exclude.map((p) => path.resolve(options.cwd, p));
  const keep = (file: string): boolean => !excluded.some((p) => file === p || file.startsWith(p + path.sep));
  const keys: string[] = [];
  const sort = (input: string, files: readonly string[], inFolder: boolean): void => {
    for (const f of files.map((m) => path.resolve(m))) {
      if (!keep(f) || isClutter(f)) continue;
      if (inFolder && isPseudonymKey(f)) {
        keys.push(path.relative(options.cwd, f).split(path.sep).join('/'));
        continue;
      }
      if (isTranscript(f)) {
        if (!(inFolder && isReadme(f))) add(f);
        continue;
      }
      const ext = path.extname(f).toLowerCase();
      const entry = skipped.get(ext) ?? { input, files: [] };
      entry.files.push(path.relative(options.cwd, f).split(path.sep).join('/'));
      skipped.set(ext, entry);
    }
  };

  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const before = found.size;
      const matches = await expandGlob(input, options.cwd, follow);
      if (typeof matches === 'string') {
        problems.push(error({ file: input }, `the pattern is too costly to match: ${matches}`));
        continue;
      }
      sort(input, matches, false);
      if (found.size === before) problems.push(error({ file: input }, `the pattern matches no transcript (${readable})`));
      continue;
    }
    const absolute = path.resolve(options.cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) {
      problems.push(error({ file: input }, 'no such file or folder', 'check the path, relative to the working directory'));
    } else if (info.isDirectory()) {
      const walked = walkFolder(absolute, () => true, follow);
      sort(input, walked.files, true);
      for (const link of walked.skipped) {
        links.push({
          ...warning({ file: shown(link, options.cwd) }, `a symbolic link out of ${input}: skipped`, 'give --follow-symlinks to read what links lead to'),
          kind: `symbolic links out of ${input} skipped`,
        });
      }
    } else if (!isTranscript(absolute)) {
      problems.push(error({ file: input }, `not a transcript: collab-code reads ${readable}`, adviceFor(path.extname(absolute))));
    } else {
      add(absolute);
    }
  }
  const warnings = [
    ...[...skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ext, { input, files }]) => skippedWarning(ext, input, files)),
    ...keys.map((key) => warning({ file: key }, 'the key to the pseudonyms lies beside the transcripts (skipped)', 'move it out of this folder and store it apart: whoever has the copies must not have the key')),
    ...links,
  ];
  if (problems.length > 0) return fail(problems);
  if (found.size === 0) {
    const others = warnings.length === 0 ? '' : ` (${[...skipped].map(([ext, { files }]) => `${files.length} ${ext || 'without extension'}`).join(', ')} skipped)`;
    return fail([error({ file: inputs.join(' ') || '.' }, `no transcripts found${others}`, `give ${readable} files, folders that hold them, or globs such as "interviews/**/*.md"`)]);
  }
  return ok([...found.values()].sort(), warnings);
}

// The system's realpath(3): one call, where Node's own realpathSync checks every folder of the path in turn.
const realpathOf = (file: string): string => {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
};

/** A path as messages show it: relative to the working directory, with / separators. */
const shown = (absolute: string, cwd: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || absolute;

function skippedWarning(ext: string, input: string, files: readonly string[]): Problem {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  const what = `${ext === '' ? '' : `${ext} `}${files.length === 1 ? 'file' : 'files'}${ext === '' ? ' without an extension' : ''}`;
  return {
    ...warning({ file: input }, `${files.length} ${what} skipped, not transcripts: ${shown}`, adviceFor(ext)),
    kind: `files skipped: ${ext === '' ? 'no extension' : ext}`,
  };
}

/**
 * Reads one transcript's bytes; the format's reader decodes them.
 * (Synchronous: for many small files it is about three times faster than fs/promises in Node 20.)
 */
export function readTranscriptFile(absolute: string, cwd: string): Result<TranscriptFile> {
  const file = shown(absolute, cwd);
  const extension = path.extname(absolute).toLowerCase();
  try {
    return ok({ file, defaultId: path.basename(absolute, path.extname(absolute)), extension, bytes: readFileSync(absolute) });
  } catch (e) {
    return fail([error({ file }, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)]);
  }
}

/** The size of the files in bytes, together: a file that went since it was found counts none (reading it says so). */
export function bytesOf(files: readonly string[]): number {
  let bytes = 0;
  for (const file of files) bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return bytes;
}
