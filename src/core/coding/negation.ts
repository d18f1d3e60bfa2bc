// Negation: whether a term's occurrence has a negator just before it ("no competition", "the lack of in-person
// meetings", "sin financiamiento"), so that it does not code by default (a code's `negated` setting decides).
import { pushTo } from '../collections.js';
import type { Language } from '../text/language.js';
import type { WordBuffer, WordForms } from '../text/tokenize.js';

/** At most this many words may stand between the negator and the term: "not really much competition". */
export const NEGATION_WINDOW = 3;

interface NegationRules {
  /**
   * Negators of what follows, whatever words stand between ("no real competition", "the lack of in-person
   * meetings"): one or more words each, lower case without accents. Pronouns are left out: in "nothing replaces
   * meeting face to face" what follows "nothing" is not denied.
   */
  readonly negators: readonly string[];
  /**
   * Negators of a verb: they negate a term after light words and at most one other word, the verb ("don't have any
   * competition", "we never met in person"), but not after two ("if we do not question our privilege" does not deny
   * the privilege). Contractions are spelled out ("don't": "do not").
   */
  readonly verbNegators: readonly string[];
  readonly lightWords: readonly string[];
  /** Words that, right after a negator, undo it: "not only", "no doubt", "sin embargo" (however). */
  readonly undoing: readonly string[];
  /** Words that end a negator's reach, as a new clause does: "no money, but competition". */
  readonly clauseWords: readonly string[];
}

export const NEGATION: Readonly<Record<Language, NegationRules>> = {
  en: {
    negators: ['no', 'without', 'lack of', 'lack', 'lacks', 'lacked', 'lacking', 'absence of'],
    verbNegators: ['not', 'never', 'hardly', 'barely', 'scarcely', 'nor', 'neither'],
    lightWords: ['a', 'an', 'the', 'any', 'much', 'many', 'more', 'enough', 'real', 'really', 'very', 'so', 'too', 'even', 'ever', 'always', 'quite', 'such', 'that', 'this', 'there', 'have', 'has', 'had', 'get', 'got', 'be', 'been', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'in', 'of', 'for'],
    undoing: ['only', 'just', 'merely', 'simply', 'doubt', 'matter', 'wonder', 'but'],
    clauseWords: ['but', 'however', 'although', 'though', 'yet', 'except', 'whereas', 'instead'],
  },
  es: {
    negators: ['sin', 'falta de', 'carencia de', 'ausencia de', 'ningun', 'ninguna', 'ninguno'],
    verbNegators: ['no', 'nunca', 'jamas', 'tampoco', 'apenas', 'ni'],
    lightWords: ['hay', 'habia', 'hubo', 'existe', 'existen', 'tenemos', 'tienen', 'tiene', 'teniamos', 'tenian', 'tuvimos', 'es', 'son', 'era', 'eran', 'fue', 'ha', 'han', 'hemos', 'habido', 'un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las', 'mucho', 'mucha', 'muchos', 'muchas', 'tanto', 'tanta', 'mas', 'suficiente', 'realmente', 'verdadera', 'verdadero', 'ningun', 'ninguna', 'se', 'nos', 'de', 'en'],
    undoing: ['solo', 'solamente', 'unicamente', 'duda', 'embargo', 'obstante'],
    clauseWords: ['pero', 'sino', 'aunque', 'excepto', 'salvo', 'mientras'],
  },
};

// Punctuation that ends a clause between two words; a hyphen does not ("in-person").
const CLAUSE_BREAK = /[.;:!?,()[\]"“”«»—–…]/;

interface CompiledRules {
  /** Negators by their last word, each as its words and whether it negates a verb. */
  readonly byLastWord: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly ofVerb: boolean }[]>;
  readonly lightWords: ReadonlySet<string>;
  readonly undoing: ReadonlySet<string>;
  readonly clauseWords: ReadonlySet<string>;
}

const compiled = new Map<Language, CompiledRules>();

function rulesFor(language: Language): CompiledRules {
  let rules = compiled.get(language);
  if (rules === undefined) {
    const { negators, verbNegators, lightWords, undoing, clauseWords } = NEGATION[language];
    const byLastWord = new Map<string, { words: string[]; ofVerb: boolean }[]>();
    for (const [list, ofVerb] of [[negators, false], [verbNegators, true]] as const) {
      for (const negator of list) {
        const words = negator.split(' ');
        pushTo(byLastWord, words.at(-1)!, { words, ofVerb });
      }
    }
    rules = { byLastWord, lightWords: new Set(lightWords), undoing: new Set(undoing), clauseWords: new Set(clauseWords) };
    compiled.set(language, rules);
  }
  return rules;
}

/**
 * Whether the words before word `first` negate it: a negator ends at most NEGATION_WINDOW words before it, in the
 * same clause (no clause punctuation or clause word such as "but" in between), with at most one word other than light
 * words between for a verb's negator, and is not undone by the word after it ("not only"). `text` is the text the buffer's offsets
 * point into, from `base`.
 */
export function isNegated(words: WordBuffer<WordForms>, first: number, text: string, base: number, language: Language): boolean {
  const rules = rulesFor(language);
  // Punctuation is looked at only once a negator is found: most occurrences have none before them.
  const breaksClause = (from: number): boolean => {
    for (let g = from; g < first; g++) {
      if (words.ends[g]! < words.starts[g + 1]! && CLAUSE_BREAK.test(text.slice(words.ends[g]! - base, words.starts[g + 1]! - base))) return true;
    }
    return false;
  };
  let heavy = 0;
  for (let j = first - 1; j >= 0 && first - 1 - j <= NEGATION_WINDOW; j--) {
    const folded = words.forms[j]!.folded;
    if (rules.clauseWords.has(folded)) return false;
    for (const negator of rules.byLastWord.get(folded) ?? []) {
      if (negator.ofVerb && heavy > 1) continue;
      const from = j - negator.words.length + 1;
      if (from < 0 || !negator.words.every((w, k) => words.forms[from + k]!.folded === w)) continue;
      // A clause break between the negator and the term (or inside it) ends its reach, and that of any before it.
      if (breaksClause(from)) return false;
      return j + 1 >= first || !rules.undoing.has(words.forms[j + 1]!.folded);
    }
    if (!rules.lightWords.has(folded)) heavy++;
  }
  return false;
}
