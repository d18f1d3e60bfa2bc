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

const keyOf = (text: string): string => {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(foldDiacritics(text.slice(start, end).toLowerCase().replace(/’/g, "'").replace(/'s$/, ''))));
  return words.join(' ');
};

export class Pseudonyms {
  private readonly byKey = new Map<string, PseudonymEntry>();
  private readonly entries: PseudonymEntry[] = [];
  private readonly next: Partial<Record<FindingKind, number>> = {};

  constructor(private readonly known: KnownNameMatcher) {}

  /** What replaces a finding: its pseudonym for a name, its bracketed kind for a contact detail. */
  replacementFor(finding: Finding, transcript: string): string {
    const label = LABELS[finding.kind];
    if (label === undefined) return `[${finding.kind}]`;
    const knownName = this.known.nameOf(finding.text);
    const key = keyOf(knownName?.text ?? finding.text);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      const kind = knownName?.kind ?? finding.kind;
      const n = (this.next[kind] ?? 0) + 1;
      this.next[kind] = n;
      entry = { pseudonym: `${LABELS[kind] ?? label} ${n}`, kind, name: knownName?.text ?? finding.text, variants: new Set(), transcripts: new Set() };
      this.entries.push(entry);
      this.byKey.set(key, entry);
      // The parts of a person's name found later on their own ("Herrera" after "Julián Herrera") are the same person.
      if (kind === 'name') for (const part of key.split(' ')) if (part.length >= 2 && !PARTICLES.has(part) && !this.byKey.has(part)) this.byKey.set(part, entry);
    }
    entry.variants.add(finding.text);
    entry.transcripts.add(transcript);
    return entry.pseudonym;
  }

  /** Every pseudonym given, in the order given. */
  list(): readonly PseudonymEntry[] {
    return this.entries;
  }
}
