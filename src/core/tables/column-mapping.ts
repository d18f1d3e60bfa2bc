// "ours=theirs" column mappings given on the command line (--columns, --turn-columns), for tables named otherwise.
import { error, fail, ok, type Result } from '../problem.js';
import { didYouMean } from '../did-you-mean.js';

/** "transcript=document,text=segment" (repeatable) → a mapping; errors name the option. */
export function parseColumnMapping<C extends string>(specs: readonly string[], columns: readonly C[], option: string): Result<Partial<Record<C, string>>> {
  const mapping: Partial<Record<C, string>> = {};
  for (const pair of specs.flatMap((s) => s.split(',')).map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const ours = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    const theirs = eq === -1 ? '' : pair.slice(eq + 1).trim();
    if (!(columns as readonly string[]).includes(ours)) {
      return fail([error({ file: option }, `unknown column "${ours}"${didYouMean(ours, columns)}`, `the columns to map: ${columns.join(', ')}`)]);
    }
    if (theirs === '') return fail([error({ file: option }, `"${pair}" names no column of the file`, `write it as ${ours}=NAME_IN_THE_FILE`)]);
    mapping[ours as C] = theirs;
  }
  return ok(mapping);
}
