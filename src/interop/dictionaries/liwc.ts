// LIWC dictionaries (.dic): categories between two "%" lines, then one entry a line with the numbers of its
// categories. Each category becomes a code, its entries its terms.
//   %
//   1	posemo	(Positive emotion)
//   2	negemo
//   %
//   hope*	1
//   worr*	2
import type { TermsByLanguage } from '../../core/codebook/codebook.js';
import { error, fail, ok, type Result } from '../../core/problem.js';
import type { Language } from '../../core/text/language.js';
import { codebookFromTree, type CodeNode } from '../code-tree.js';
import type { ImportedCodebook } from '../refi/qdc.js';
import { dictionaryNotes, PatternTally } from './tally.js';

export function readLiwc(text: string, file: string, language: Language): Result<ImportedCodebook> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const marks = lines.flatMap((line, i) => (line.trim() === '%' ? [i] : []));
  if (marks.length < 2) return fail([error({ file, line: 1 }, 'not a LIWC dictionary: its categories are not between two lines holding "%"', 'a .dic file starts with "%", the categories ("1<tab>name"), "%", then the entries')]);
  const [open, close] = [marks[0]!, marks[1]!];

  const categories = new Map<string, { name: string; description?: string; patterns: string[] }>();
  for (let i = open + 1; i < close; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const match = /^(\S+)\s+(\S+)(?:\s+\(?(.*?)\)?)?$/.exec(line);
    if (match === null) return fail([error({ file, line: i + 1 }, `"${line}" is not a category: expected a number and a name`)]);
    categories.set(match[1]!, { name: match[2]!, ...(match[3] ? { description: match[3] } : {}), patterns: [] });
  }
  const tally = new PatternTally();
  const unknown = new Set<string>();
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    // An entry's words, then its categories' numbers; LIWC2007's conditional entries ("like (02 134)125/464") are not.
    const fields = line.split(/\t+|\s+/);
    let n = fields.length;
    while (n > 1 && /^\d+$/.test(fields[n - 1]!)) n--;
    const entry = fields.slice(0, n).join(' ');
    const numbers = fields.slice(n);
    if (numbers.length === 0 || /[()/]/.test(entry)) {
      tally.skipped.push(`"${line}" (line ${i + 1}): not an entry with category numbers (LIWC's conditional entries are not kept)`);
      continue;
    }
    for (const number of numbers) {
      const category = categories.get(number);
      if (category === undefined) unknown.add(number);
      else category.patterns.push(entry);
    }
  }
  const roots: CodeNode[] = [...categories.values()].map((c) => {
    const terms = tally.convert(c.patterns, c.name);
    return { name: c.name, codable: true, ...(c.description === undefined ? {} : { description: c.description }), ...(terms.length > 0 ? { terms: { [language]: terms } as TermsByLanguage } : {}), children: [] };
  });
  const empty = roots.filter((r) => r.terms === undefined).map((r) => r.name);
  const title = (file.split(/[\\/]/).at(-1) ?? file).replace(/\.[^.]*$/, '');
  return ok({
    codebook: codebookFromTree(roots, { title, language }),
    notes: [
      ...dictionaryNotes(tally, 'LIWC'),
      ...(unknown.size > 0 ? [`entries name categories the dictionary does not declare, left out: ${[...unknown].join(', ')}`] : []),
      ...(empty.length > 0 ? [`categories with no entries (codes without terms): ${empty.join(', ')}`] : []),
      'LIWC categories have no definitions beyond their names: write one for each code',
    ],
  });
}
