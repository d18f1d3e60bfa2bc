// Reads codebooks other tools keep: a REFI-QDA codebook (.qdc) or a project's (.qdpx), a quanteda dictionary
// (.yml, .yaml) or a LIWC dictionary (.dic); each as a codebook with notes on what did not carry over.
import path from 'node:path';
import { error, fail, ok, type Result } from '../core/problem.js';
import { decodeUtf8 } from '../core/text/decode.js';
import type { Language } from '../core/text/language.js';
import { readLiwc } from '../interop/dictionaries/liwc.js';
import { readQuanteda } from '../interop/dictionaries/quanteda.js';
import { importedCodebook, readQdc, type ImportedCodebook } from '../interop/refi/qdc.js';
import { readBytes } from './read-bytes.js';
import { readProjectFile } from './read-project.js';

export const FOREIGN_CODEBOOKS: Readonly<Record<string, string>> = {
  '.qdc': 'a REFI-QDA codebook',
  '.qdpx': 'a REFI-QDA project (its codebook)',
  '.yml': 'a quanteda dictionary',
  '.yaml': 'a quanteda dictionary',
  '.dic': 'a LIWC dictionary',
};

/** Whether --codebook names a REFI-QDA codebook rather than a YAML one. */
export const isRefiCodebook = (file: string): boolean => ['.qdc', '.qdpx'].includes(path.extname(file).toLowerCase());

export async function readForeignCodebook(file: string, cwd: string, language: Language): Promise<Result<ImportedCodebook>> {
  const extension = path.extname(file).toLowerCase();
  if (FOREIGN_CODEBOOKS[extension] === undefined) {
    return fail([error({ file }, `cannot tell the format from the extension "${extension}"`, `give ${Object.entries(FOREIGN_CODEBOOKS).map(([ext, what]) => `${ext} (${what})`).join(', ')}`)]);
  }
  if (extension === '.qdpx') {
    const project = await readProjectFile(file, cwd);
    if (!project.ok) return project;
    return ok(importedCodebook(project.value.codes, project.value.name, language));
  }
  const bytes = await readBytes(file, cwd, 'file');
  if (!bytes.ok) return bytes;
  const decoded = decodeUtf8(bytes.value);
  if (!decoded.ok) return fail([error({ file }, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'save the file as UTF-8')]);
  if (extension === '.qdc') return readQdc(decoded.text, file, language);
  if (extension === '.dic') return readLiwc(decoded.text, file, language);
  return readQuanteda(decoded.text, file, language);
}
