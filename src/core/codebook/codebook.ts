// The codebook model: categories, code types and codes with their matching terms per language.
import type { Language } from '../text/language.js';

export interface Category {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/** A group of codes reported together: barrier, enabler, the network's strengths, its gaps… */
export interface CodeType {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

export type TermsByLanguage = Readonly<Partial<Record<Language, readonly string[]>>>;

/**
 * What a negated occurrence of one of a code's terms ("no competition", "the lack of in-person meetings") does:
 * nothing (the default), code the code all the same, or code another code (by id).
 */
export type NegatedMentions = 'skip' | 'keep' | { readonly code: string };

export interface Code {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly category: string;
  readonly definition: string;
  /** Coder guidance: when to apply the code. */
  readonly useWhen?: string;
  /** Coder guidance: when not to, though it may look like it applies. */
  readonly doNotUseWhen?: string;
  /** Terms whose presence in a unit applies the code (syntax in parse-term.ts). */
  readonly terms: TermsByLanguage;
  /** Terms whose presence in a unit vetoes the code there. */
  readonly exclude: TermsByLanguage;
  /**
   * Where the code sits in a QDA tool's code tree (its ancestors' names, then its own), for codes read from codings
   * files or projects; exports rebuild that tree. Codebook codes sit under their type and category.
   */
  readonly path?: readonly string[];
  /** Default 'skip': a negated occurrence of a term does not code (negation.ts says what a negation is). */
  readonly negated?: NegatedMentions;
}

export interface Codebook {
  readonly title: string;
  /** The language of transcripts that do not name theirs. */
  readonly language: Language;
  readonly description?: string;
  readonly categories: readonly Category[];
  readonly types: readonly CodeType[];
  /** In codebook order, which is the order of every table. */
  readonly codes: readonly Code[];
}
