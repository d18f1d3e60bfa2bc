// quanteda dictionaries (YAML): nested keys are the code tree, lists of glob patterns are a code's terms.
//   economy:
//     taxes: [tax*, revenue]
//     jobs: [employ*, job*]
//   health: [doctor*, nurse*]
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { TermsByLanguage } from '../../core/codebook/codebook.js';
import { error, fail, ok, type Result } from '../../core/problem.js';
import type { Language } from '../../core/text/language.js';
import { yamlSyntaxProblems } from '../../core/yaml-errors.js';
import { codebookFromTree, type CodeNode } from '../code-tree.js';
import type { ImportedCodebook } from '../refi/qdc.js';
import { dictionaryNotes, PatternTally } from './tally.js';

export function readQuanteda(text: string, file: string, language: Language): Result<ImportedCodebook> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) return fail(yamlSyntaxProblems(doc, lines, file, (m) => `YAML syntax: ${m}`));
  if (!isMap(doc.contents)) return fail([error({ file, line: 1, column: 1 }, 'a quanteda dictionary is a mapping of keys to lists of patterns', 'e.g.\n  economy: [tax*, jobs]\n  health: [doctor*, nurse*]')]);
  const tally = new PatternTally();

  const nodesOf = (map: Node): CodeNode[] => {
    if (!isMap(map)) return [];
    return map.items.map((pair): CodeNode => {
      const name = isScalar(pair.key) ? String(pair.key.value).trim() : '?';
      const value = pair.value as Node | null;
      const patterns: string[] = [];
      const children: CodeNode[] = [];
      // A key holds a list of patterns, nested keys, or (as quanteda writes some) a list mixing both.
      const items = isSeq(value) ? (value.items as (Node | null)[]) : [value];
      for (const item of items) {
        if (isMap(item)) children.push(...nodesOf(item));
        else if (isScalar(item) && item.value !== null) patterns.push(String(item.value));
      }
      const terms = tally.convert(patterns, name);
      return { name, codable: patterns.length > 0, ...(patterns.length > 0 ? { terms: { [language]: terms } as TermsByLanguage } : {}), children };
    });
  };
  const roots = nodesOf(doc.contents);
  const title = (file.split(/[\\/]/).at(-1) ?? file).replace(/\.[^.]*$/, '');
  return ok({
    codebook: codebookFromTree(roots, { title, language }),
    notes: [...dictionaryNotes(tally, 'quanteda'), 'quanteda dictionaries have no definitions: write one for each code'],
  });
}
