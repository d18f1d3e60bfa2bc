// The whole analysis of a corpus: codings, frequencies, sample and quotes. Every output is a view of this.
import type { Code, Codebook } from '../codebook/codebook.js';
import { codeTranscript } from '../coding/code-transcript.js';
import type { Coding, CodingSource, HumanCoding } from '../coding/coding.js';
import { compileCodebook } from '../coding/compile-codebook.js';
import type { UnitKind } from '../coding/units.js';
import { groupBy } from '../collections.js';
import { compareNatural, error, fail, ok, type Result } from '../problem.js';
import type { Language } from '../text/language.js';
import { isEmptyTranscript, respondentTurns, type InterviewerRecognition, type Transcript } from '../transcripts/transcript.js';
import { percent } from './percent.js';
import { publicAttributes } from '../privacy/attributes.js';
import type { LeakReport } from '../privacy/protect.js';
import type { Quote } from './quotes.js';
import { chooseQuotes, type QuoteChoice, type QuoteSettings } from './quoting.js';
import { attributeNames, attributeValue, breakdown, sampleOf, type AttributeBreakdown } from './sample.js';

/** Where the codings come from: the codebook's terms, human codings, or both side by side. */
export type CodingSources =
  | { readonly auto: true; readonly human?: readonly HumanCoding[] }
  | { readonly auto: false; readonly human: readonly HumanCoding[] };

export interface AnalysisSettings {
  readonly unit: UnitKind;
  /** Default: automatic coding only. */
  readonly sources?: CodingSources;
  /** Attributes to break frequencies down by; undefined means "group" when the transcripts give one. */
  readonly by?: readonly string[];
  /** Consent, the interviewees' review and attribution of quotes. */
  readonly quotes?: QuoteSettings;
}

export interface InterviewSummary {
  readonly id: string;
  readonly language: Language;
  /** Attributes an output may show: never a name, an organisation, contact details or consent. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly turns: number;
  readonly respondentTurns: number;
  readonly codedTurns: number;
  readonly codings: number;
  readonly isEmpty: boolean;
  /** Who the interviewer was and how that was decided; `unrecognised` means every turn was coded. */
  readonly interviewer: InterviewerRecognition;
}

export interface BreakdownCount {
  readonly attribute: string;
  readonly value: string;
  /** Interviews with this value that raised the code. */
  readonly interviews: number;
  /** Interviews with this value in the sample. */
  readonly of: number;
}

export interface CodeFrequency {
  readonly code: Code;
  /** Interviews with at least one coding of the code. */
  readonly interviews: number;
  readonly interviewsPct: number;
  /** Units coded with the code, across all interviews. */
  readonly mentions: number;
  readonly breakdown: readonly BreakdownCount[];
}

export interface Analysis {
  readonly codebook: Codebook;
  readonly unit: UnitKind;
  readonly by: readonly string[];
  /** Every transcript, in id order, empty ones included. */
  readonly interviews: readonly InterviewSummary[];
  /** Interviews that count (non-empty). */
  readonly sampleSize: number;
  /** The sample by each attribute: `by` attributes first, language last. */
  readonly sample: readonly AttributeBreakdown[];
  readonly respondentTurns: number;
  readonly codedTurns: number;
  /** The speaker labels taken as interviewers in any transcript (their turns not coded), in natural order. */
  readonly interviewerLabels: readonly string[];
  /** The sources of the codings: human first when there are both. Counts and totals are those of the first. */
  readonly sources: readonly CodingSource[];
  /** Every coding of every source, human ones first, then by transcript, turn and position. */
  readonly codings: readonly Coding[];
  /** One per code, in codebook order, codes never raised included: the codings of the first source. */
  readonly frequencies: readonly CodeFrequency[];
  /** The same for automatic coding, when it runs beside human codings. */
  readonly autoFrequencies?: readonly CodeFrequency[];
  /** The quotes to publish: consent and the interviewees' review honoured, and, once protected, redacted if asked. */
  readonly quotes: readonly Quote[];
  /** Quotes chosen but held back until their interviewees approve them. */
  readonly pendingQuotes: readonly Quote[];
  readonly quoting: Omit<QuoteChoice, 'quotes' | 'pendingQuotes'>;
  /** What the leak check found and redacted; absent until the analysis is protected (core/privacy/protect.ts). */
  readonly privacy?: LeakReport;
}

/** Codes the transcripts and computes everything the outputs show. Transcript order does not matter. */
export function analyze(transcriptsIn: readonly Transcript[], codebook: Codebook, settings: AnalysisSettings): Result<Analysis> {
  // Identifying attributes (name, organisation, contact details) and consent are never shown or broken down by.
  const transcripts = [...transcriptsIn].sort((a, b) => compareNatural(a.id, b.id));
  const shown = transcripts.map((t) => ({ ...t, attributes: publicAttributes(t.attributes) }));
  const sample = sampleOf(shown);

  const given = new Set(shown.flatMap((t) => Object.keys(t.attributes)));
  given.add('language');
  const by = settings.by ?? (given.has('group') ? ['group'] : []);
  const unknown = by.filter((a) => !given.has(a));
  if (unknown.length > 0) {
    return fail([
      error(
        { file: '--by' },
        `no transcript gives the attribute "${unknown[0]}"`,
        `attributes in these transcripts' front matter: ${[...given].sort(compareNatural).join(', ')}`,
      ),
    ]);
  }

  const sources = settings.sources ?? { auto: true };
  const compiled = compileCodebook(codebook);
  const autoCodings = sources.auto ? transcripts.flatMap((t) => codeTranscript(t, compiled, settings.unit)) : [];
  const humanCodings = sources.human === undefined ? [] : orderHumanCodings(sources.human, transcripts);
  const primary: readonly Coding[] = sources.human === undefined ? autoCodings : humanCodings;
  const primaryOf = groupBy(primary, (c) => c.transcript);

  const interviews = shown.map((t): InterviewSummary => {
    const own = primaryOf.get(t.id) ?? [];
    return {
      id: t.id,
      language: t.language,
      attributes: t.attributes,
      turns: t.turns.length,
      respondentTurns: respondentTurns(t).length,
      codedTurns: new Set(own.map((c) => c.turn)).size,
      codings: own.length,
      isEmpty: isEmptyTranscript(t),
      interviewer: t.interviewer,
    };
  });

  const ofValue = new Map(by.map((a) => [a, breakdown(sample, a)]));
  const frequenciesOf = (codings: readonly Coding[]): CodeFrequency[] => {
    const mentions = new Map<Code, number>();
    const raisedIn = new Map<Code, Set<string>>();
    for (const coding of codings) {
      mentions.set(coding.code, (mentions.get(coding.code) ?? 0) + 1);
      const ids = raisedIn.get(coding.code);
      if (ids === undefined) raisedIn.set(coding.code, new Set([coding.transcript]));
      else ids.add(coding.transcript);
    }
    return codebook.codes.map((code): CodeFrequency => {
      const ids = raisedIn.get(code) ?? new Set<string>();
      const raising = sample.filter((t) => ids.has(t.id));
      return {
        code,
        interviews: raising.length,
        interviewsPct: percent(raising.length, sample.length),
        mentions: mentions.get(code) ?? 0,
        breakdown: by.flatMap((attribute) =>
          ofValue.get(attribute)!.values.map((v) => ({
            attribute,
            value: v.value,
            interviews: raising.filter((t) => attributeValue(t, attribute) === v.value).length,
            of: v.interviews,
          })),
        ),
      };
    });
  };
  const codings = [...humanCodings, ...autoCodings];
  const bothSources = sources.auto && sources.human !== undefined;
  // Consent is read from all attributes, the private ones included; attribution only from those shown.
  const chosen = chooseQuotes(codebook.codes, codings, transcripts, sampleOf(transcripts), settings.quotes ?? {});
  if (!chosen.ok) return chosen;
  const { quotes, pendingQuotes, ...quoting } = chosen.value;

  return ok(
    {
    codebook,
    unit: settings.unit,
    by,
    interviews,
    sampleSize: sample.length,
    sample: attributeNames(sample, by).map((a) => breakdown(sample, a)),
    respondentTurns: interviews.reduce((n, i) => n + i.respondentTurns, 0),
    codedTurns: interviews.reduce((n, i) => n + i.codedTurns, 0),
    interviewerLabels: [...new Set(interviews.flatMap((i) => (i.interviewer.status === 'labelled' || i.interviewer.status === 'picked' ? i.interviewer.speakers : [])))].sort(compareNatural),
    sources: sources.human === undefined ? ['auto'] : sources.auto ? ['human', 'auto'] : ['human'],
    codings,
    frequencies: frequenciesOf(primary),
    ...(bothSources ? { autoFrequencies: frequenciesOf(autoCodings) } : {}),
    quotes,
    pendingQuotes,
    quoting,
    },
    chosen.warnings,
  );
}

/** Human codings in transcript, position and coder order, whatever the order of the files' rows. */
function orderHumanCodings(codings: readonly HumanCoding[], transcripts: readonly Transcript[]): HumanCoding[] {
  const rank = new Map(transcripts.map((t, i) => [t.id, i]));
  return [...codings].sort(
    (a, b) =>
      (rank.get(a.transcript) ?? -1) - (rank.get(b.transcript) ?? -1) ||
      a.unitSpan.start - b.unitSpan.start ||
      a.unitSpan.end - b.unitSpan.end ||
      compareNatural(a.coder, b.coder) ||
      compareNatural(a.code.id, b.code.id),
  );
}
