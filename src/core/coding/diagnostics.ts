// Checks of a valid codebook that need its terms compiled (stemmed): mistakes YAML validation cannot see.
import type { Codebook } from '../codebook/codebook.js';
import { warning, type Problem } from '../problem.js';
import { LANGUAGES } from '../text/language.js';
import { compileCodebook, matchKey, type WordsTerm } from './compile-codebook.js';

/**
 * Exclusions that match every occurrence of one of the code's own terms, so the term can never code anything:
 * "exhaustive" excluded from a code with the term "exhausted" (both stem to "exhaust") vetoes every unit saying
 * "exhausted".
 */
export function selfVetoingExclusions(codebook: Codebook, file: string): Problem[] {
  const compiled = compileCodebook(codebook);
  const problems: Problem[] = [];
  for (const language of LANGUAGES) {
    const words = compiled.index(language).terms.filter((t): t is WordsTerm => t.kind === 'words');
    for (const exclusion of words.filter((t) => t.isExclusion)) {
      const vetoed = words.find((t) => !t.isExclusion && t.code === exclusion.code && matchKey(t.words) === matchKey(exclusion.words));
      if (vetoed === undefined) continue;
      const code = codebook.codes[exclusion.code]!;
      problems.push(
        warning(
          { file },
          `code "${code.id}" (${language}): the exclusion "${exclusion.source}" matches the same words as its term "${vetoed.source}" ("${matchKey(vetoed.words)}"), so that term can never apply the code`,
          exclusion.words.some((w) => w.kind === 'stem') ? `to exclude one form only, write it as a prefix: "${exclusion.source}*"` : 'remove the term or the exclusion',
        ),
      );
    }
  }
  return problems;
}
