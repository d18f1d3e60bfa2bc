// What the leak check finds in a text: stretches that could identify someone, each with its kind and who found it.

/** The kinds of finding, each redacted as its bracketed name ("[name]", "[email]"…). */
export const FINDING_KINDS = ['name', 'organisation', 'place', 'address', 'email', 'phone', 'url', 'handle'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Names are the kinds that get pseudonyms; the others are contact details, masked. */
export const NAME_KINDS: readonly FindingKind[] = ['name', 'organisation', 'place'];

/** What found it: a pattern (contact details), a name the project knows, the English NLP library, or a heuristic. */
export type FindingSource = 'pattern' | 'known' | 'nlp' | 'heuristic';

export interface Finding {
  readonly kind: FindingKind;
  /** UTF-16 offsets into the text that was checked, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly source: FindingSource;
}

// When two findings overlap, the more certain source names the kind of the stretch they cover together.
const CERTAINTY: Record<FindingSource, number> = { pattern: 3, known: 2, nlp: 1, heuristic: 0 };

/**
 * Findings in text order with overlaps merged: overlapping stretches become one covering both (so a redaction never
 * leaves half a name), taking the kind of the most certain source, then of the longer stretch.
 */
export function mergeFindings(text: string, findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const f of sorted) {
    const last = merged.at(-1);
    if (last === undefined || f.start >= last.end) {
      merged.push(f);
      continue;
    }
    const lead = CERTAINTY[f.source] > CERTAINTY[last.source] || (CERTAINTY[f.source] === CERTAINTY[last.source] && f.end - f.start > last.end - last.start) ? f : last;
    const end = Math.max(last.end, f.end);
    merged[merged.length - 1] = { kind: lead.kind, source: lead.source, start: last.start, end, text: text.slice(last.start, end) };
  }
  return merged;
}

/** Counts per kind, every kind present (0 when none), in FINDING_KINDS order. */
export function countByKind(findings: Iterable<Pick<Finding, 'kind'>>): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind]++;
  return counts;
}

const NOUNS: Record<FindingKind, [string, string]> = {
  name: ['name', 'names'],
  organisation: ['organisation', 'organisations'],
  place: ['place', 'places'],
  address: ['street address', 'street addresses'],
  email: ['e-mail address', 'e-mail addresses'],
  phone: ['phone number', 'phone numbers'],
  url: ['URL', 'URLs'],
  handle: ['social-media handle', 'social-media handles'],
};

/** "3 names, 1 e-mail address" */
export function describeFindings(found: Readonly<Record<FindingKind, number>>): string {
  return FINDING_KINDS.filter((k) => found[k] > 0)
    .map((k) => `${found[k]} ${NOUNS[k][found[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

