// What a dictionary import converted and dropped, for the notes it ends with.
import { convertPattern } from './patterns.js';

export class PatternTally {
  regexes = 0;
  readonly skipped: string[] = [];

  /** The terms of a code's patterns; what cannot be a term is remembered with the reason. */
  convert(patterns: readonly string[], code: string): string[] {
    const terms: string[] = [];
    for (const pattern of patterns) {
      const converted = convertPattern(pattern);
      if ('skipped' in converted) {
        this.skipped.push(`"${pattern}" (${code}): ${converted.skipped}`);
        continue;
      }
      if (converted.as === 'regex') this.regexes++;
      if (!terms.includes(converted.term)) terms.push(converted.term);
    }
    return terms;
  }
}

export function dictionaryNotes(tally: PatternTally, tool: string): string[] {
  return [
    `${tool} matches a plain word exactly; collab-code matches it by its stem (funds, funded, funding): check terms whose stems reach too far`,
    ...(tally.regexes > 0 ? [`${tally.regexes} patterns with wildcards a prefix term cannot express (* not at the end of a word, ?, or fewer than 3 letters before *) became regular expressions`] : []),
    ...(tally.skipped.length > 0 ? [`${tally.skipped.length} entries not carried over: ${tally.skipped.slice(0, 8).join('; ')}${tally.skipped.length > 8 ? '; …' : ''}`] : []),
  ];
}
