// What every quote-bearing output says about the quotes' safety: how a quote is attributed, and what was checked,
// found and redacted, whose consent and review were honoured (the report's method section, summary.json).
import type { Analysis } from '../core/analysis/analyze.js';
import { describeFindings, FINDING_KINDS } from '../core/privacy/findings.js';
import { MIN_ATTRIBUTION_GROUP } from '../core/privacy/attribution.js';
import { paragraph, type Block } from './report/document.js';
import { plural } from '../core/wording.js';

const fileName = (file: string): string => file.split(/[\\/]/).at(-1) ?? file;

/** The report's paragraphs on quotes: the leak check, consent, the review round and attribution. */
export function quoteSafetyMethod(analysis: Analysis): Block[] {
  const out: string[] = [];
  const privacy = analysis.privacy;
  if (privacy !== undefined) {
    const nlp = privacy.checked.nlpLanguages.length > 0 ? `, person, organisation and place names found by the compromise library (${privacy.checked.nlpLanguages.join(', ')})` : '';
    const checked =
      `Every quote (${privacy.checked.quotes}) was checked for what could identify someone: e-mail addresses, phone numbers, URLs, ` +
      `social-media handles and street addresses; the names the project gave (${privacy.checked.knownNames}: interviewees, organisations, aliases, speaker labels that are names, private names)${nlp}; ` +
      'and capitalised names and acronyms found by a heuristic in every language.';
    const total = FINDING_KINDS.reduce((n, k) => n + privacy.found[k], 0);
    const found = total === 0 ? ' Nothing was found.' : ` It found ${describeFindings(privacy.found)} in ${plural(privacy.quotesWithFindings, 'quote', 'quotes')}.`;
    const redacted =
      privacy.redacted === 'none'
        ? total === 0
          ? ''
          : ' They were not redacted: read the quotes before publishing.'
        : ` Each was replaced by its kind in brackets ([name], [organisation], …)${privacy.redacted === 'all' ? ', in the quotes and in the text of codings.csv' : ''}.`;
    out.push(`${checked}${found}${redacted}`);
  }
  const c = analysis.quoting.consent;
  const notQuoted = c.no > 0 ? `; ${plural(c.no, 'interviewee', 'interviewees')} did not consent to be quoted and ${c.no === 1 ? 'is' : 'are'} counted but never quoted` : '';
  const review = c.review > 0 ? `; ${plural(c.review, 'interviewee', 'interviewees')} asked to review their quotes first` : '';
  out.push(`Quotes come from ${plural(c.quoted, 'interviewee', 'interviewees')} of ${analysis.sampleSize}${notQuoted}${review}.`);
  const r = analysis.quoting.review;
  if (r !== undefined) {
    out.push(
      `The interviewees reviewed their quotes (${fileName(r.file)}): ${r.approved} approved, ${r.edited} edited, ${r.withdrawn} withdrawn (replaced by the next best passage where one was left), ${r.pending} pending` +
        `${r.withheld > 0 ? `, of which ${r.withheld} not shown until approved` : ''}.`,
    );
  } else if (analysis.pendingQuotes.length > 0) {
    out.push(`${plural(analysis.pendingQuotes.length, 'quote awaits', 'quotes await')} the approval of ${analysis.pendingQuotes.length === 1 ? 'its interviewee' : 'their interviewees'} and ${analysis.pendingQuotes.length === 1 ? 'is' : 'are'} not shown.`);
  }
  const { by, of } = analysis.quoting.attribution;
  if (by.length === 0) {
    out.push('Quotes are not attributed, so that no reader can tell who said them.');
  } else {
    const quoted = new Set(analysis.quotes.map((q) => q.transcript));
    const coarsened = [...quoted].filter((id) => (of.get(id)?.dropped.length ?? 0) > 0).length;
    out.push(
      `Quotes are attributed by ${by.join(' and ')}` +
        (coarsened > 0
          ? `; for ${plural(coarsened, 'interviewee', 'interviewees')} whose combination of values is shared by fewer than ${MIN_ATTRIBUTION_GROUP} interviewees, the last attributes were left out (${by.at(-1)!} first).`
          : `; every combination shown is shared by at least ${MIN_ATTRIBUTION_GROUP} interviewees.`),
    );
  }
  return out.map((text) => paragraph(text));
}

/** The same as data, for summary.json. */
export function quoteSafetySummary(analysis: Analysis): Record<string, unknown> {
  const privacy = analysis.privacy;
  const r = analysis.quoting.review;
  const { by, of } = analysis.quoting.attribution;
  return {
    leak_check:
      privacy === undefined
        ? null
        : {
            checked: { quotes: privacy.checked.quotes, codings: privacy.checked.codings, known_names: privacy.checked.knownNames, nlp_languages: privacy.checked.nlpLanguages },
            found: privacy.found,
            quotes_with_findings: privacy.quotesWithFindings,
            redacted: privacy.redacted,
          },
    consent: analysis.quoting.consent,
    review: r === undefined ? null : { file: fileName(r.file), approved: r.approved, edited: r.edited, withdrawn: r.withdrawn, pending: r.pending, withheld: r.withheld },
    pending_quotes: analysis.pendingQuotes.length,
    attribution: { by, coarsened: [...new Set(analysis.quotes.map((q) => q.transcript))].filter((id) => (of.get(id)?.dropped.length ?? 0) > 0).length },
  };
}
