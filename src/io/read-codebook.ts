// Reads and parses a codebook file; the bundled study codebook when none is named.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook } from '../core/codebook/codebook.js';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import { mayBacktrackExponentially, type RegexCheck } from '../core/codebook/regex-safety.js';
import { error, fail, ok, type Result } from '../core/problem.js';
import { decodeUtf8 } from '../core/text/decode.js';
import { isRefiCodebook, readForeignCodebook } from './read-foreign-codebook.js';

export const BUNDLED_CODEBOOK = fileURLToPath(new URL('../../codebooks/collaboration-code.yaml', import.meta.url));

export interface CodebookRead {
  /** Why the file could not be read at all: "validate" exits 2 for this, 1 for an invalid codebook. */
  readonly unreadable?: true;
  readonly result: Result<Codebook>;
}

/** A YAML codebook; or a REFI-QDA one (.qdc, or a .qdpx's), whose codes have no terms: enough for human codings. */
export async function readCodebook(file: string | undefined, cwd: string): Promise<CodebookRead> {
  if (file !== undefined && isRefiCodebook(file)) {
    const read = await readForeignCodebook(file, cwd, 'en');
    return read.ok ? { result: ok(read.value.codebook) } : { unreadable: true, result: read };
  }
  const absolute = file === undefined ? BUNDLED_CODEBOOK : path.resolve(cwd, file);
  const shown = file ?? 'codebooks/collaboration-code.yaml (bundled)';
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { unreadable: true, result: fail([error({ file: shown }, code === 'ENOENT' ? 'no such codebook file' : `cannot read the codebook: ${code ?? (e as Error).message}`)]) };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { unreadable: true, result: fail([error({ file: shown }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'save the codebook as UTF-8')]) };
  return { result: await parseChecked(decoded.text, shown) };
}

/**
 * Parses a codebook refusing regular expression terms that can backtrack exponentially. Most patterns are cleared by
 * a cheap screen; only when one is not is the analyser loaded and the codebook parsed again with it.
 */
async function parseChecked(text: string, file: string): Promise<Result<Codebook>> {
  let unclear = false;
  const screen: RegexCheck = (pattern) => void (unclear ||= mayBacktrackExponentially(pattern));
  const screened = parseCodebook(text, file, screen);
  if (!unclear) return screened;
  const { refuseExponentialBacktracking } = await import('../core/codebook/regex-analysis.js');
  return parseCodebook(text, file, refuseExponentialBacktracking);
}
