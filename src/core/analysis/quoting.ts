// Which quotes the outputs show: chosen by code (quotes.ts) among the passages interviewees consented to, minus those
// withdrawn in a review, with edits applied and quotes awaiting approval held back; and how each is attributed.
import type { Code } from '../codebook/codebook.js';
import type { Coding } from '../coding/coding.js';
import { attributeInterviews, type Attribution } from '../privacy/attribution.js';
import { consentOf, type Consent, type ConsentCounts } from '../privacy/consent.js';
import { isPrivateAttribute } from '../privacy/attributes.js';
import { applyReview, withdrawnPassages, type QuoteReview, type ReviewCounts } from '../privacy/quote-review.js';
import { compareNatural, error, fail, ok, type Problem, type Result } from '../problem.js';
import type { Transcript } from '../transcripts/transcript.js';
import { selectQuotes, type Quote } from './quotes.js';

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
  /** Interviewees of the sample by consent. */
  readonly consent: ConsentCounts & { readonly quoted: number };
  /** Present when a review file was applied. */
  readonly review?: ReviewCounts & { readonly file: string };
  readonly attribution: { readonly by: readonly string[]; readonly of: ReadonlyMap<string, Attribution> };
}

export function chooseQuotes(
  codes: readonly Code[],
  codings: readonly Coding[],
  transcripts: readonly Transcript[],
  sample: readonly Transcript[],
  settings: QuoteSettings,
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

  const byId = new Map(transcripts.map((t) => [t.id, t]));
  const consentOfId = (id: string): Consent => consent.get(id) ?? 'yes';
  const withdrawn = settings.review === undefined ? { passages: new Map(), warnings: [] } : withdrawnPassages(settings.review, byId);
  const selected = selectQuotes(codes, codings, byId, { mayQuote: (id) => consentOfId(id) !== 'no', withdrawn: withdrawn.passages });
  const reviewed = applyReview(selected, settings.review, consentOfId);
  const count = (c: Consent): number => sample.filter((t) => consentOfId(t.id) === c).length;
  return ok(
    {
      quotes: reviewed.published,
      pendingQuotes: reviewed.pending,
      consent: { yes: count('yes'), no: count('no'), review: count('review'), quoted: new Set(reviewed.published.map((q) => q.transcript)).size },
      ...(settings.review === undefined ? {} : { review: { ...reviewed.counts, file: settings.review.file } }),
      attribution: { by, of: attributeInterviews(sample, by) },
    },
    [...withdrawn.warnings, ...reviewed.warnings],
  );
}
