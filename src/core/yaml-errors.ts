// YAML syntax errors as problems with the line and column where the parser stopped.
import type { Document, LineCounter } from 'yaml';
import { error, type Problem } from './problem.js';

/**
 * `lineOffset` shifts lines for YAML embedded in a larger file (front matter starts on line 2).
 * yaml's own messages end with " at line L, column C:" and a code excerpt; we give the location ourselves.
 */
export function yamlSyntaxProblems(doc: Document, lines: LineCounter, file: string, describe: (message: string) => string, hint?: string, lineOffset = 0): Problem[] {
  return doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return error({ file, line: pos.line + lineOffset, column: pos.col }, describe(message), hint);
  });
}
