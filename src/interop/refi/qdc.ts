// REFI-QDA codebooks (.qdc): a codebook out, with types and categories as folders; a codebook in, ready for terms.
import type { Codebook } from '../../core/codebook/codebook.js';
import { error, fail, ok, type Result } from '../../core/problem.js';
import type { Language } from '../../core/text/language.js';
import { codebookFromTree, codeTreeOf } from '../code-tree.js';
import { buildXml, child, parseXml } from '../xml.js';
import { codeElements, readCodeElements, type ReadCode } from './codes-xml.js';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The codebook as a .qdc document. Terms have no place in REFI-QDA and are left out. */
export function writeQdc(codebook: Codebook, generator: string): Promise<string> {
  return buildXml('CodeBook', { '@_xmlns': CODEBOOK_NAMESPACE, '@_origin': generator, Codes: { Code: codeElements(codeTreeOf(codebook)) } });
}

/** A codebook read from another tool, and what of it did not carry over. */
export interface ImportedCodebook {
  readonly codebook: Codebook;
  readonly notes: readonly string[];
}

/** The notes every REFI-QDA codebook import shares: what the format has that a YAML codebook does not. */
export function codeTreeNotes(roots: readonly ReadCode[]): string[] {
  let colours = 0;
  let codes = 0;
  const walk = (c: ReadCode): void => {
    if (c.color !== undefined) colours++;
    if (c.codable) codes++;
    c.children.forEach(walk);
  };
  roots.forEach(walk);
  return [
    ...(codes === 0 ? ['the codebook has no code that can be applied (every code is a folder)'] : []),
    ...(colours > 0 ? [`colours of ${colours} codes are not kept`] : []),
    'REFI-QDA codebooks have no matching terms: add terms to each code before coding automatically',
  ];
}

/** Reads a .qdc document. */
export async function readQdc(text: string, file: string, language: Language): Promise<Result<ImportedCodebook>> {
  const parsed = await parseXml(text, { file });
  if (!parsed.ok) return parsed;
  const root = child(parsed.value, 'CodeBook');
  if (root === undefined) return fail([error({ file }, 'not a REFI-QDA codebook: no <CodeBook> element', 'give a .qdc file exported by a QDA tool')]);
  return ok(importedCodebook(readCodeElements(child(root, 'Codes')), title(file), language, child(root, 'Sets') === undefined ? [] : ['sets of codes are not kept']));
}

const title = (file: string): string => (file.split(/[\\/]/).at(-1) ?? file).replace(/\.[^.]*$/, '');

/** A codebook from the code tree of a .qdc or .qdpx. */
export function importedCodebook(roots: readonly ReadCode[], name: string, language: Language, extraNotes: readonly string[] = []): ImportedCodebook {
  return { codebook: codebookFromTree(roots, { title: name, language }), notes: [...codeTreeNotes(roots), ...extraNotes] };
}
