// Consistent pseudonyms for anonymised copies: the same name gets the same pseudonym in every file ("Person 1",
// "Organisation 2", "Place 3"; a known name's parts share its pseudonym); contact details are masked by kind.
import { foldDiacritics, scanWords } from '../text/tokenize.js';
import type { Finding, FindingKind } from './findings.js';
import { PARTICLES, type KnownNameMatcher } from './known-names.js';

const LABELS: Partial<Record<FindingKind, string>> = { name: 'Person', organisation: 'Organisation', place: 'Place' };

export interface PseudonymEntry {
  readonly pseudonym: string;
  readonly kind: FindingKind;
  /** The name as first met (a known name as the project gave it). */
  readonly name: string;
  /** Every spelling replaced by this pseudonym. */
  readonly variants: Set<string>;
  /** Transcripts it was met in. */
  readonly transcripts: Set<string>;
}

// Titles before a name are no part of it: "Doña Rosa Mamani" is Rosa Mamani.
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'sra', 'srta', 'don', 'dona', 'senor', 'senora', 'lic', 'ing']);

const keyOf = (text: string): string => {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(foldDiacritics(text.slice(start, end).toLowerCase().replace(/’/g, "'").replace(/'s$/, ''))));
  return words.join(' ');
};

export class Pseudonyms {
  private readonly byKey = new Map<string, PseudonymEntry>();
  private readonly entries: PseudonymEntry[] = [];
  private readonly next: Record<string, number> = {};

  constructor(private readonly known: KnownNameMatcher) {}

  /** What replaces a finding: its pseudonym for a name, its bracketed kind for a contact detail. */
  replacementFor(finding: Finding, transcript: string): string {
    const label = LABELS[finding.kind];
    if (label === undefined) return `[${finding.kind}]`;
    // "Priya and Arjun" were found as one stretch but are two people.
    const parts = finding.text.split(/(\s+(?:and|y|e|&)\s+)/u);
    if (parts.length > 1) return parts.map((part, i) => (i % 2 === 1 ? part : this.replacementFor({ ...finding, text: part }, transcript))).join('');
    const knownName = this.known.nameOf(finding.text);
    const key = keyOf(knownName?.aliasOf ?? knownName?.text ?? finding.text);
    let entry = this.byKey.get(key) ?? this.personOfParts(key, knownName?.kind ?? finding.kind);
    if (entry === undefined) {
      const kind = knownName?.kind ?? finding.kind;
      const series = knownName?.interviewer === true ? 'Interviewer' : (LABELS[kind] ?? label);
      const n = (this.next[series] ?? 0) + 1;
      this.next[series] = n;
      entry = { pseudonym: `${series} ${n}`, kind, name: knownName?.aliasOf ?? knownName?.text ?? finding.text, variants: new Set(), transcripts: new Set() };
      this.entries.push(entry);
      this.byKey.set(key, entry);
      // The parts of a person's name found later on their own ("Herrera" after "Julián Herrera") are the same person.
      if (kind === 'name') for (const part of key.split(' ')) if (part.length >= 2 && !PARTICLES.has(part) && !TITLES.has(part) && !this.byKey.has(part)) this.byKey.set(part, entry);
    }
    entry.variants.add(finding.text);
    entry.transcripts.add(transcript);
    return entry.pseudonym;
  }

  /** The person every content word of `key` already stands for ("Luis Alberto" after "Luis Alberto Quispe"). */
  private personOfParts(key: string, kind: FindingKind): PseudonymEntry | undefined {
    if (kind !== 'name') return undefined;
    const parts = key.split(' ').filter((w) => !PARTICLES.has(w) && !TITLES.has(w));
    const entries = new Set(parts.map((w) => this.byKey.get(w)));
    const [only] = entries;
    return entries.size === 1 && only?.kind === 'name' ? only : undefined;
  }

  /** Every pseudonym given, in the order given. */
  list(): readonly PseudonymEntry[] {
    return this.entries;
  }
}
