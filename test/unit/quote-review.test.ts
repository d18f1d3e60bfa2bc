// Consent, the interviewees' review and attribution, through the core analysis: who is quoted, which passages, how.
import { quoteText } from '../../src/core/analysis/quotes.js';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analysis/analyze.js';
import { attributeInterviews } from '../../src/core/privacy/attribution.js';
import { parseQuoteId, quoteId } from '../../src/core/privacy/quote-id.js';
import { parseQuoteReview, type QuoteReview } from '../../src/core/privacy/quote-review.js';
import type { CodePointOffset } from '../../src/core/text/offsets.js';
import { codebookFrom, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - {id: trust, label: Trust, type: enabler, category: people, terms: {en: [trust]}}
`);
const interview = (id: string, front: string, said: string) => transcriptFrom(`---\n${front}\n---\nInterviewer: ?\n\nRespondent: ${said}\n`, id);
const corpus = (consentOfB = 'yes') => [
  interview('A', 'group: members\nregion: Africa', 'Trust takes years. Trust is built in person, over dinner, at the meetings.'),
  interview('B', `group: members\nregion: Africa\nquote_consent: ${consentOfB}`, 'We trust partners who stay. Trust grows when a partner keeps its word for a long time.'),
  interview('C', 'group: members\nregion: Americas', 'Trust matters more than money. Without trust there is nothing to share.'),
  interview('D', 'group: donors\nregion: Europe', 'Trust is what we fund when we fund for ten years.'),
];
const run = (transcripts = corpus(), review?: QuoteReview, attributeBy?: string[]): Analysis => {
  const result = analyze(transcripts, codebook, { unit: 'turn', quotes: { ...(review === undefined ? {} : { review }), ...(attributeBy === undefined ? {} : { attributeBy }) } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
const reviewOf = (rows: Record<string, string>[]): QuoteReview => {
  const parsed = parseQuoteReview('review.csv', rows.map((cells, i) => ({ line: i + 2, cells })));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

describe('quote ids', () => {
  it('name the transcript and the place, and read back even when the id holds colons', () => {
    const id = quoteId('site:M05', 12 as CodePointOffset, 80 as CodePointOffset);
    expect(id).toBe('site:M05:12-80');
    expect(parseQuoteId(id)).toEqual({ transcript: 'site:M05', start: 12, end: 80 });
    expect(parseQuoteId('M05')).toBeUndefined();
  });

  it('are the same in every run', () => {
    expect(run().quotes.map((q) => q.id)).toEqual(run([...corpus()].reverse()).quotes.map((q) => q.id));
  });
});

describe('consent', () => {
  it('yes by default; no: counted in the sample but never quoted', () => {
    const quoted = run();
    expect(quoted.quotes.map((q) => q.transcript).sort()).toEqual(['A', 'B', 'C']);
    const refused = run(corpus('no'));
    expect(refused.sampleSize).toBe(4);
    expect(refused.frequencies[0]!.interviews).toBe(4);
    expect(refused.quotes.map((q) => q.transcript)).not.toContain('B');
    expect(refused.quotes).toHaveLength(3);
    expect(refused.quoting.consent).toEqual({ yes: 3, no: 1, review: 0, quoted: 3 });
  });

  it('review: chosen but held back until approved, its place kept', () => {
    const pending = run(corpus('review'));
    expect(pending.quotes.map((q) => q.transcript)).not.toContain('B');
    expect(pending.pendingQuotes.map((q) => q.transcript)).toEqual(['B']);
    const approved = run(corpus('review'), reviewOf([{ quote_id: pending.pendingQuotes[0]!.id, decision: 'approve' }]));
    expect(approved.quotes.map((q) => q.transcript)).toContain('B');
    expect(approved.pendingQuotes).toEqual([]);
    expect(approved.quoting.review).toMatchObject({ approved: 1, edited: 0, withdrawn: 0, pending: 0, withheld: 0 });
  });

  it('refuses a value other than yes, no or review, naming the transcript', () => {
    const result = analyze(corpus('maybe'), codebook, { unit: 'turn' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe('B: quote_consent "maybe" is not one of yes, no, review');
  });

  it('never shows identifying attributes or consent in the sample, breakdowns or interviews', () => {
    const named = run([interview('A', 'group: members\nname: Ana Pérez\norganisation: Radio Sur\nquote_consent: yes', 'Trust.')]);
    expect(named.interviews[0]!.attributes).toEqual({ group: 'members' });
    expect(named.sample.map((b) => b.attribute)).toEqual(['group', 'language']);
    expect(analyze(corpus(), codebook, { unit: 'turn', by: ['name'] }).ok).toBe(false);
  });
});

describe('the review', () => {
  const first = run();
  const [a, b] = [first.quotes.find((q) => q.transcript === 'A')!, first.quotes.find((q) => q.transcript === 'B')!];

  it('prints an edit instead of the quote, and withdraws a passage for good: the next best quote takes its place', () => {
    const reviewed = run(corpus(), reviewOf([
      { quote_id: a.id, decision: 'edit', edited_quote: 'Trust takes years.' },
      { quote_id: b.id, quote: quoteText(b), decision: 'withdraw' },
    ]));
    expect(reviewed.quotes.find((q) => q.id === a.id)).toMatchObject({ words: 'Trust takes years.', review: 'edited' });
    expect(reviewed.quotes.map((q) => q.id)).not.toContain(b.id);
    expect(reviewed.quotes.map((q) => q.transcript).sort()).toEqual(['A', 'C', 'D']);
    expect(reviewed.quoting.review).toMatchObject({ approved: 0, edited: 1, withdrawn: 1 });
  });

  it('finds a withdrawn passage by its text when the transcript has changed and the id no longer fits', () => {
    const changed = corpus().map((t) => (t.id === 'B' ? interview('B', 'group: members\nregion: Africa\nnote: an added line', 'Well. We trust partners who stay. Trust grows when a partner keeps its word for a long time.') : t));
    expect(run(changed).quotes.find((q) => q.transcript === 'B')?.id).not.toBe(b.id);
    const reviewed = run(changed, reviewOf([{ quote_id: b.id, quote: quoteText(b), decision: 'withdraw' }]));
    expect(reviewed.quotes.map((q) => q.transcript)).not.toContain('B');
  });

  it('withdraws a redacted quote by its text, each [name] standing for the words it replaced', () => {
    const changed = corpus().map((t) => (t.id === 'B' ? interview('B', 'group: members\nregion: Africa', 'Well, well. We trust partners who stay. Trust grows when a partner keeps its word for a long time.') : t));
    expect(run(changed).quotes.map((q) => q.transcript)).toContain('B');
    const redacted = quoteText(b).replace('partners', '[organisation]');
    expect(run(changed, reviewOf([{ quote_id: b.id, quote: redacted, decision: 'withdraw' }])).quotes.map((q) => q.transcript)).not.toContain('B');
  });

  it('warns of a row that matches no quote, naming its line, and of an unknown decision refuses the file', () => {
    const result = analyze(corpus(), codebook, { unit: 'turn', quotes: { review: reviewOf([{ quote_id: 'A:1-2', decision: 'approve' }]) } });
    expect(result.ok && result.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['2: quote A:1-2 (approve) matches no quote of this run']);
    const bad = parseQuoteReview('review.csv', [{ line: 2, cells: { quote_id: 'A:1-2', decision: 'maybe' } }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ line: 2, message: 'unknown decision "maybe"' });
  });
});

describe('attribution', () => {
  it('drops the last attribute first where fewer than three interviewees share a combination, and all if need be', () => {
    const sample = [
      ...['1', '2', '3'].map((n) => interview(`M${n}`, 'group: members\nregion: Africa', 'x')),
      interview('M4', 'group: members\nregion: Europe', 'x'),
      interview('D1', 'group: donors\nregion: Europe', 'x'),
    ];
    const of = attributeInterviews(sample, ['group', 'region']);
    expect(of.get('M1')).toEqual({ values: [{ attribute: 'group', value: 'members' }, { attribute: 'region', value: 'Africa' }], dropped: [] });
    expect(of.get('M4')).toEqual({ values: [{ attribute: 'group', value: 'members' }], dropped: ['region'] });
    expect(of.get('D1')).toEqual({ values: [], dropped: ['group', 'region'] });
  });

  it('refuses an identifying attribute', () => {
    const result = analyze(corpus(), codebook, { unit: 'turn', quotes: { attributeBy: ['name'] } });
    expect(result.ok).toBe(false);
  });
});
