// Finds transcript files from paths, folders and globs, and reads them as normalised text.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { error, fail, ok, type Problem, type Result } from '../core/problem.js';
import { decodeUtf8 } from '../core/text/decode.js';

export const TRANSCRIPT_EXTENSIONS = ['.txt', '.md'];

export interface TranscriptFile {
  /** The path relative to the working directory, with / separators: how messages name the file. */
  readonly file: string;
  /** File name without extension: the transcript's id unless its front matter gives one. */
  readonly defaultId: string;
  readonly text: string;
}

export interface FindOptions {
  readonly cwd: string;
  /** Folders never searched: the output folder, so a report is not read back as a transcript. */
  readonly exclude: readonly string[];
}

const isTranscript = (file: string): boolean => TRANSCRIPT_EXTENSIONS.includes(path.extname(file).toLowerCase());
// A README beside the transcripts describes the corpus; it is not an interview.
const isReadme = (file: string): boolean => /^readme\.(md|txt)$/i.test(path.basename(file));

/** Absolute paths of the transcripts named by `inputs`, deduplicated and sorted. */
export async function findTranscripts(inputs: readonly string[], options: FindOptions): Promise<Result<string[]>> {
  const found = new Set<string>();
  const problems: Problem[] = [];
  const excluded = options.exclude.map((dir) => path.resolve(options.cwd, dir) + path.sep);
  const keep = (file: string): boolean => !excluded.some((dir) => file.startsWith(dir));

  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd: options.cwd, absolute: true, onlyFiles: true, expandDirectories: false });
      const transcripts = matches.filter((f) => isTranscript(f) && keep(f));
      if (transcripts.length === 0) problems.push(error({ file: input }, 'the pattern matches no .txt or .md file'));
      for (const f of transcripts) found.add(path.resolve(f));
      continue;
    }
    const absolute = path.resolve(options.cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) {
      problems.push(error({ file: input }, 'no such file or folder', 'check the path, relative to the working directory'));
    } else if (info.isDirectory()) {
      const matches = await glob('**/*', { cwd: absolute, absolute: true, onlyFiles: true, caseSensitiveMatch: false });
      for (const f of matches) if (isTranscript(f) && !isReadme(f) && keep(path.resolve(f))) found.add(path.resolve(f));
    } else if (!isTranscript(absolute)) {
      problems.push(error({ file: input }, 'not a transcript: collab-code reads UTF-8 .txt and .md files', 'convert the file to plain text first'));
    } else {
      found.add(absolute);
    }
  }
  if (problems.length > 0) return fail(problems);
  if (found.size === 0) {
    return fail([error({ file: inputs.join(' ') || '.' }, 'no transcripts found', 'give .txt or .md files, folders that hold them, or globs such as "interviews/**/*.md"')]);
  }
  return ok([...found].sort());
}

/**
 * Reads one transcript; invalid UTF-8 is an error naming the byte offset, never silent mojibake.
 * (Synchronous: for many small files it is about three times faster than fs/promises in Node 20.)
 */
export function readTranscriptFile(absolute: string, cwd: string): Result<TranscriptFile> {
  const file = path.relative(cwd, absolute).split(path.sep).join('/') || absolute;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (e) {
    return fail([error({ file }, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)]);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return fail([error({ file }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'save the transcript as UTF-8 (most editors offer "Save with encoding")')]);
  }
  return ok({ file, defaultId: path.basename(absolute, path.extname(absolute)), text: decoded.text });
}
