// Which quotes the outputs show: chosen by code (quotes.ts) among the passages interviewees consented to, minus those
// withdrawn in a review, with edits applied and quotes awaiting approval held back; and how each is attributed.
import type { Code } from '../codebook/codebook.js';
import { attributeInterviews, type Attribution } from '../privacy/attribution.js';
import { consentOf, type Consent, type ConsentCounts } from '../privacy/consent.js';
import { isPrivateAttribute } from '../privacy/attributes.js';
import { applyReview, withdrawnPassages, type QuoteReview, type ReviewCounts } from '../privacy/quote-review.js';
import { compareNatural, error, fail, ok, type Problem, type Result } from '../problem.js';
import type { CodePointSpan } from '../text/offsets.js';
import type { Transcript, TranscriptSummary } from '../transcripts/transcript.js';
import type { QuoteTexts } from './quote-texts.js';
import { selectQuotes, type Quote, type QuoteCandidates, type SharedPassage } from './quotes.js';

export interface QuoteSettings {
  /** The interviewees' decisions on their quotes (collab-code quotes review, then analyze --quote-review). */
  readonly review?: QuoteReview;
  /** Attributes quotes are attributed by in the report (group, region…); default none. */
  readonly attributeBy?: readonly string[];
}

export interface QuoteChoice {
  /** The quotes to publish, edits applied. */
  readonly quotes: readonly Quote[];
  /** Quotes chosen but held back until their interviewee approves them (consent "review"). */
  readonly pendingQuotes: readonly Quote[];
  /** Codes whose every passage is quoted for another code, pointing to that published quote. */
  readonly shared: readonly SharedPassage[];
  /** Interviewees of the sample by consent. */
  readonly consent: ConsentCounts & { readonly quoted: number };
  /** Present when a review file was applied. */
  readonly review?: ReviewCounts & { readonly file: string };
  readonly attribution: { readonly by: readonly string[]; readonly of: ReadonlyMap<string, Attribution> };
}

export function chooseQuotes(
  codes: readonly Code[],
  candidates: QuoteCandidates,
  texts: QuoteTexts,
  transcripts: readonly TranscriptSummary[],
  sample: readonly TranscriptSummary[],
  settings: QuoteSettings,
  /** Needed with a review only: where the quotes it withdrew are looked for. */
  whole?: ReadonlyMap<string, Transcript>,
): Result<QuoteChoice> {
  const problems: Problem[] = [];
  const consent = new Map<string, Consent>();
  for (const t of transcripts) {
    const c = consentOf(t);
    if (c.ok) consent.set(t.id, c.value);
    else problems.push(...c.problems);
  }
  const by = settings.attributeBy ?? [];
  const given = new Set(['language', ...sample.flatMap((t) => Object.keys(t.attributes).filter((a) => !isPrivateAttribute(a)))]);
  for (const a of by.filter((a) => !given.has(a))) {
    problems.push(
      error(
        { file: '--attribute-quotes' },
        isPrivateAttribute(a) ? `quotes cannot be attributed by "${a}": it identifies the interviewee` : `no transcript gives the attribute "${a}"`,
        `attributes that can attribute quotes: ${[...given].sort(compareNatural).join(', ')}`,
      ),
    );
  }
  if (problems.length > 0) return fail(problems);

  const consentOfId = (id: string): Consent => consent.get(id) ?? 'yes';
  let withdrawn: ReturnType<typeof withdrawnPassages> = { passages: new Map(), warnings: [] };
  if (settings.review !== undefined) {
    if (whole === undefined) throw new Error('a quote review needs the transcripts whole');
    withdrawn = withdrawnPassages(settings.review, whole);
  }
  const mayQuote = (id: string): boolean => consentOfId(id) !== 'no';
  // A withdrawal replaces that quote and no other: the choice made without it is kept, and only its place refilled.
  const first = selectQuotes(codes, candidates, texts, { mayQuote, withdrawn: new Map() });
  const isWithdrawn = (q: Quote): boolean => (withdrawn.passages.get(q.transcript) ?? []).some((w: CodePointSpan) => w.start < q.end && q.start < w.end);
  const selected = first.quotes.some(isWithdrawn)
    ? selectQuotes(codes, candidates, texts, { mayQuote, withdrawn: withdrawn.passages }, first.quotes.filter((q) => !isWithdrawn(q)))
    : first;
  const reviewed = applyReview(selected.quotes, settings.review, consentOfId);
  const published = new Map(reviewed.published.map((q) => [q.id, q]));
  const count = (c: Consent): number => sample.filter((t) => consentOfId(t.id) === c).length;
  return ok(
    {
      quotes: reviewed.published,
      pendingQuotes: reviewed.pending,
      // A pointer to a quote held back for review would point to nothing.
      shared: selected.shared.flatMap((s) => (published.has(s.quotedUnder.id) ? [{ ...s, quotedUnder: published.get(s.quotedUnder.id)! }] : [])),
      consent: { yes: count('yes'), no: count('no'), review: count('review'), quoted: new Set(reviewed.published.map((q) => q.transcript)).size },
      ...(settings.review === undefined ? {} : { review: { ...reviewed.counts, file: settings.review.file } }),
      attribution: { by, of: attributeInterviews(sample, by) },
    },
    [...withdrawn.warnings, ...reviewed.warnings],
  );
}
