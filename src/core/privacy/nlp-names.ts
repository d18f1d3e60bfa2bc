// Person, organisation and place names from an NLP library (compromise, for English). The library is passed in: it is
// large and slow to load, so the application imports it only when the leak check runs on English text.
import type { Finding, FindingKind } from './findings.js';

/** Finds names in a text (UTF-16 offsets into it). */
export type NameFinder = (text: string) => Finding[];

// The part of compromise's API used here, so the core needs no import of the library itself.
interface Matches {
  json(options: { offset: true; text: true }): ReadonlyArray<{ readonly offset?: { readonly start: number; readonly length: number } }>;
}
interface Document {
  /** The tagged terms, sentence by sentence. */
  readonly docs: ReadonlyArray<ReadonlyArray<{ readonly tags: ReadonlySet<string> }>>;
  people(): Matches;
  organizations(): Matches;
  places(): Matches;
}
export type Compromise = (text: string) => Document;

// compromise's matches carry the punctuation around them ("Lagos.", "(Kofi"), and English possessives ("Ana's").
const LEADING = /^[^\p{L}\p{N}]+/u;
const TRAILING = /(?:['’]s)?[^\p{L}\p{N}]*$/u;

// people(), places() and organizations() match runs of terms with these tags (compromise's src/3-three/topics), and
// cost twice the tagging itself: a sentence with none of them is passed over without them.
const NAME_TAGS = ['Person', 'Place', 'Address', 'Organization'];
const hasNameTag = (doc: Document): boolean => doc.docs.some((terms) => terms.some((term) => NAME_TAGS.some((tag) => term.tags.has(tag))));

export function compromiseNameFinder(nlp: Compromise): NameFinder {
  return (text) => {
    const doc = nlp(text);
    const found: Finding[] = [];
    if (!hasNameTag(doc)) return found;
    const take = (matches: Matches, kind: FindingKind): void => {
      for (const m of matches.json({ offset: true, text: true })) {
        if (m.offset === undefined) continue;
        let start = m.offset.start;
        let end = start + m.offset.length;
        const raw = text.slice(start, end);
        start += LEADING.exec(raw)?.[0].length ?? 0;
        end -= TRAILING.exec(text.slice(start, end))?.[0].length ?? 0;
        if (end > start) found.push({ kind, start, end, text: text.slice(start, end), source: 'nlp' });
      }
    };
    take(doc.people(), 'name');
    take(doc.organizations(), 'organisation');
    take(doc.places(), 'place');
    return found;
  };
}
