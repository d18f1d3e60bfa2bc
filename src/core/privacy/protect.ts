// The one place where quotes are made safe to publish: every quote (published or awaiting review), and with "all"
// every coding's text, goes through the leak check here; redaction replaces what it finds, and the report of what
// was checked, found and redacted travels with the analysis to every output that shows a quote.
import type { Analysis } from '../analysis/analyze.js';
import type { Quote } from '../analysis/quotes.js';
import type { Coding } from '../coding/coding.js';
import type { Language } from '../text/language.js';
import type { CodePointOffset } from '../text/offsets.js';
import { countByKind, FINDING_KINDS, mergeFindings, type Finding, type FindingKind } from './findings.js';
import { isGenericSpeaker } from './known-names.js';
import { redact, type LeakCheck } from './leak-check.js';

/** What --redact replaces: nothing (the check only warns), the quotes, or the quotes and the text of codings.csv and suggestions.csv. */
export type RedactScope = 'none' | 'quotes' | 'all';

export interface LeakReport {
  readonly checked: {
    /** Quotes checked: the published ones and those awaiting review. */
    readonly quotes: number;
    /** Distinct coded stretches checked (with redact "all"). */
    readonly codings: number;
    /** Names the project gave (attributes, private names, speaker labels). */
    readonly knownNames: number;
    /** Languages whose names an NLP library looked for; the heuristic looks in every language. */
    readonly nlpLanguages: readonly Language[];
  };
  /** Findings in the quotes, by kind (speaker labels that are personal names count as names). */
  readonly found: Readonly<Record<FindingKind, number>>;
  readonly quotesWithFindings: number;
  /** Each quote with findings, for the warning: where it is and what it holds (never the words found). */
  readonly places: readonly { readonly transcript: string; readonly turn: number; readonly kinds: readonly FindingKind[] }[];
  readonly redacted: RedactScope;
}

export interface ProtectOptions {
  readonly redact: RedactScope;
  readonly languageOf: (transcript: string) => Language;
  /**
   * The turn a stretch of a transcript lies in (start in code points). A quote is cut at sentences, so a name opening
   * it ("Gómez, de la Defensoría…" after "La Sra.") cannot be told from a capitalised word by the quote alone: what
   * the check finds in the whole turn is looked for in the quote too.
   */
  readonly turnOf?: TurnOf;
  readonly knownNames: number;
  readonly nlpLanguages: readonly Language[];
}

/** The analysis with its quotes (and, with "all", codings and suggestions) checked and, when asked, redacted. */
export function protectAnalysis(analysis: Analysis, check: LeakCheck, options: ProtectOptions): Analysis {
  const found: FindingKind[] = [];
  const places: { transcript: string; turn: number; kinds: FindingKind[] }[] = [];
  const findingsOf = checkInTurn(check, options);
  const protectQuote = (quote: Quote): Quote => {
    const findings = findingsOf(quote.words, quote.transcript, quote.start);
    const speakerIsName = !isGenericSpeaker(quote.speaker);
    const kinds = [...findings.map((f) => f.kind), ...(speakerIsName ? (['name'] as const) : [])];
    if (kinds.length > 0) {
      found.push(...kinds);
      places.push({ transcript: quote.transcript, turn: quote.turn, kinds: FINDING_KINDS.filter((k) => kinds.includes(k)) });
    }
    if (options.redact === 'none') return quote;
    return { ...quote, words: redact(quote.words, findings), speaker: speakerIsName ? '[name]' : quote.speaker };
  };
  const quotes = analysis.quotes.map(protectQuote);
  const pendingQuotes = analysis.pendingQuotes.map(protectQuote);

  let codingsChecked = 0;
  let codingRows = analysis.codingRows;
  let suggestions = analysis.suggestions;
  if (options.redact === 'all') {
    // Checking every coding's text needs it held: a streamed corpus is never redacted whole (app/streamed-corpus.ts).
    if (!('held' in analysis.codingRows)) throw new Error('redacting codings.csv needs the codings held whole');
    const done = new Map<string, string>();
    // A stretch of a turn, coded or suggested: its text redacted once however many rows show it.
    const protectStretch = (stretch: Pick<Coding, 'transcript' | 'start' | 'end' | 'text' | 'speaker'>): { text: string; speaker: string } => {
      const key = `${stretch.transcript}\u0000${stretch.start}\u0000${stretch.end}`;
      let text = done.get(key);
      if (text === undefined) {
        text = redact(stretch.text, findingsOf(stretch.text, stretch.transcript, stretch.start));
        done.set(key, text);
      }
      return { text, speaker: isGenericSpeaker(stretch.speaker) ? stretch.speaker : '[name]' };
    };
    const protectCoding = (coding: Coding): Coding => ({ ...coding, ...protectStretch(coding) });
    const held = analysis.codingRows.held.map(protectCoding);
    codingRows = { held };
    // suggestions.csv shows the uncoded units' text, a working file like codings.csv: redacted alike.
    if (analysis.suggestions !== undefined) {
      suggestions = { ...analysis.suggestions, suggestions: analysis.suggestions.suggestions.map((s) => ({ ...s, ...protectStretch(s) })) };
    }
    codingsChecked = done.size;
  }

  const privacy: LeakReport = {
    checked: { quotes: quotes.length + pendingQuotes.length, codings: codingsChecked, knownNames: options.knownNames, nlpLanguages: options.nlpLanguages },
    found: countByKind(found.map((kind) => ({ kind }))),
    quotesWithFindings: places.length,
    places,
    redacted: options.redact,
  };
  return { ...analysis, quotes, pendingQuotes, codingRows, privacy, ...(suggestions === undefined ? {} : { suggestions }) };
}

export type TurnOf = (transcript: string, start: CodePointOffset) => string | undefined;

/**
 * The leak check of a stretch of a transcript (a quote, a coding, the sentences around a quote): what it finds in the
 * stretch, and every word it finds in the stretch's whole turn wherever the stretch holds them.
 */
export function checkInTurn(check: LeakCheck, options: { readonly languageOf: (transcript: string) => Language; readonly turnOf?: TurnOf }) {
  // What the check finds in each turn: its words (spacing folded, as in quotes) and their kind.
  const inTurn = new Map<string, ReadonlyMap<string, FindingKind>>();
  return (text: string, transcript: string, start: CodePointOffset): Finding[] => {
    const language = options.languageOf(transcript);
    const turn = options.turnOf?.(transcript, start);
    if (turn === undefined) return check(text, language);
    let around = inTurn.get(turn);
    if (around === undefined) {
      around = new Map(check(turn, language).map((f) => [f.text.replace(/\s+/g, ' '), f.kind]));
      inTurn.set(turn, around);
    }
    // A stretch that is its whole turn (the default unit) needs no second look.
    const own = text === turn ? [] : check(text, language);
    return mergeFindings(text, [...own, ...[...around].flatMap(([found, kind]) => occurrences(text, found, kind))]);
  };
}

/** Each whole-word occurrence of `found` in `text`, as a finding of `kind`. */
function occurrences(text: string, found: string, kind: FindingKind): Finding[] {
  const out: Finding[] = [];
  for (let i = text.indexOf(found); i >= 0; i = text.indexOf(found, i + 1)) {
    const end = i + found.length;
    if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    out.push({ kind, start: i, end, text: found, source: 'known' });
  }
  return out;
}
