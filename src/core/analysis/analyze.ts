// The whole analysis of a corpus: codings, frequencies, sample, quotes, co-occurrence, saturation and what limits
// them. Every output is a view of this.
import type { Codebook } from '../codebook/codebook.js';
import { codeTranscript } from '../coding/code-transcript.js';
import type { AutoCoding, Coding, CodingSource, HumanCoding } from '../coding/coding.js';
import { compileCodebook } from '../coding/compile-codebook.js';
import type { UnitKind } from '../coding/units.js';
import type { PlacementSummary } from '../codings/place-codings.js';
import { compareNatural, error, fail, ok, type Result } from '../problem.js';
import type { Language } from '../text/language.js';
import { summaryOf, type InterviewerRecognition, type Transcript, type TranscriptSummary } from '../transcripts/transcript.js';
import { suggestCodes, type Suggestions } from '../suggestions/suggest-codes.js';
import type { CodePair } from './cooccurrence.js';
import { frequenciesOf, type CodeFrequency } from './frequencies.js';
import { publicAttributes } from '../privacy/attributes.js';
import { publicRecognition } from '../privacy/speaker-labels.js';
import type { LeakReport } from '../privacy/protect.js';
import { pairExample, rankCodings, type QuoteCandidates, type Quote, type SharedPassage } from './quotes.js';
import { chooseQuotes, type QuoteChoice, type QuoteSettings } from './quoting.js';
import { wholeTexts, type QuoteTexts } from './quote-texts.js';
import { checkAgainstGold, checkCoders, type CoderCheck, type GoldCheck, type GoldCodings } from './reliability.js';
import { saturationOf, type Saturation } from './saturation.js';
import { tallyOf, type CodingTally } from './tally.js';
import { attributeNames, breakdown, sampleOf, type AttributeBreakdown } from './sample.js';

export type { BreakdownCount, CodeFrequency } from './frequencies.js';

/** How many pairs of co-occurring codes the report shows, each with an example. */
export const STRONGEST_PAIRS = 5;

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
  /** The automatic codings, when the caller made them (app/coding-batches.ts codes in guarded batches); default: made here. */
  readonly autoCodings?: readonly AutoCoding[];
  /** Automatic codings scoring less are left out of everything: codings, counts, quotes. */
  readonly minScore?: number;
  /** How the human codings' segments were placed, for the method and limitations. */
  readonly humanPlacement?: PlacementSummary;
  /** A gold coding to score the automatic coding against. */
  readonly gold?: GoldCodings;
  /** Suggest codes for the units no coding covers (never counted as codings). */
  readonly suggest?: boolean;
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
  /** Who the interviewer was and how that was decided (speaker labels that are names withheld); `unrecognised` means every turn was coded. */
  readonly interviewer: InterviewerRecognition;
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
  /** Codings of every source. */
  readonly codingCount: number;
  /** The people who made the human codings, in natural order. */
  readonly humanCoders: readonly string[];
  /** The rows of codings.csv: every coding of every source, human ones first, then by transcript, turn and position. */
  readonly codingRows: CodingRows;
  /** The minimum score given, and how many automatic codings fell below it and were left out. */
  readonly minScore?: { readonly score: number; readonly dropped: number };
  /** One per code, in codebook order, codes never raised included: the codings of the first source. */
  readonly frequencies: readonly CodeFrequency[];
  /** The same for automatic coding, when it runs beside human codings. */
  readonly autoFrequencies?: readonly CodeFrequency[];
  /** The quotes to publish: consent and the interviewees' review honoured, and, once protected, redacted if asked. */
  readonly quotes: readonly Quote[];
  /** Quotes chosen but held back until their interviewees approve them. */
  readonly pendingQuotes: readonly Quote[];
  readonly quoting: Omit<QuoteChoice, 'quotes' | 'pendingQuotes' | 'shared'>;
  /** What the leak check found and redacted; absent until the analysis is protected (core/privacy/protect.ts). */
  readonly privacy?: LeakReport;
  /** Codes whose every passage was quoted for another code. */
  readonly sharedPassages: readonly SharedPassage[];
  /** Pairs of codes given to the same units (the first source's codings). */
  readonly cooccurrence: readonly CodePair[];
  /**
   * The first STRONGEST_PAIRS of them, each with the id of a published quote lying in a unit coded with both, when
   * there is one: a pair's example is never a passage that was not chosen, consented to and checked as a quote.
   */
  readonly strongestPairs: readonly { readonly pair: CodePair; readonly quoteId?: string }[];
  readonly saturation: Saturation;
  readonly humanPlacement?: PlacementSummary;
  readonly gold?: GoldCheck;
  readonly coders?: CoderCheck;
  /** With `suggest`: codes suggested for the units of the analysis' unit kind that no coding of any source covers. */
  readonly suggestions?: Suggestions;
}

/**
 * What codings.csv shows of each coding: the codings held whole, or, for a corpus streamed through, its rows (after
 * the header) written as the corpus was coded.
 */
export type CodingRows = { readonly held: readonly Coding[] } | { readonly written: () => Iterable<string> };

/** Codes the transcripts and computes everything the outputs show. Transcript order does not matter. */
export function analyze(transcriptsIn: readonly Transcript[], codebook: Codebook, settings: AnalysisSettings): Result<Analysis> {
  const transcripts = [...transcriptsIn].sort((a, b) => compareNatural(a.id, b.id));
  const sources = settings.sources ?? { auto: true };
  const allAuto = !sources.auto ? [] : (settings.autoCodings ?? transcripts.flatMap((t) => codeTranscript(t, compileCodebook(codebook), settings.unit)));
  const minScore = settings.minScore;
  const autoCodings: readonly AutoCoding[] = minScore === undefined ? allAuto : allAuto.filter((c) => c.score >= minScore);
  const humanCodings = sources.human === undefined ? [] : orderHumanCodings(sources.human, transcripts);
  const codings: readonly Coding[] = [...humanCodings, ...autoCodings];
  const primary = sources.human === undefined ? autoCodings : humanCodings;
  return analyzeCoded(
    {
      transcripts: transcripts.map(summaryOf),
      auto: tallyOf(codebook.codes, autoCodings),
      autoCodingsMade: allAuto.length,
      candidates: rankCodings(codings),
      texts: wholeTexts(transcripts, codings, primary),
      whole: { transcripts, codings, autoCodings, humanCodings },
    },
    codebook,
    settings,
  );
}

/** A corpus coded, as the analysis reads it: held whole, or streamed through with codings.csv's rows written. */
export type CodedInput = CodedCorpusInput & ({ readonly whole: WholeCorpus } | { readonly whole?: undefined; readonly writtenRows: () => Iterable<string> });

/** The transcripts and codings whole: gold, coder agreement, suggestions, a quote review and codings.csv read them. */
export interface WholeCorpus {
  readonly transcripts: readonly Transcript[];
  /** Every coding, in codings.csv's order (`Analysis.codingRows`). */
  readonly codings: readonly Coding[];
  readonly autoCodings: readonly AutoCoding[];
  /** In transcript, position and coder order. */
  readonly humanCodings: readonly HumanCoding[];
}

interface CodedCorpusInput {
  /** Every transcript, in any order. */
  readonly transcripts: readonly TranscriptSummary[];
  /** The automatic codings counted (minScore applied). */
  readonly auto: CodingTally;
  /** Automatic codings made, those below minScore included. */
  readonly autoCodingsMade: number;
  /** Each code's codings of every source, best first, that quotes are chosen from: all, or the head of each list. */
  readonly candidates: QuoteCandidates;
  readonly texts: QuoteTexts;
}

/**
 * Computes everything the outputs show from a corpus coded (analyze, or app/streamed-corpus.ts). Throws
 * PassageNotKept when the quote texts lack a passage that choosing the quotes reads.
 */
export function analyzeCoded(input: CodedInput, codebook: Codebook, settings: AnalysisSettings): Result<Analysis> {
  const summaries = [...input.transcripts].sort((a, b) => compareNatural(a.id, b.id));
  // Identifying attributes (name, organisation, contact details) and consent are never shown or broken down by.
  const shown = summaries.map((t) => ({ ...t, attributes: publicAttributes(t.attributes) }));
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
  const needsWhole = settings.gold !== undefined || sources.human !== undefined || settings.suggest === true || settings.quotes?.review !== undefined;
  if (needsWhole && input.whole === undefined) throw new Error('gold, human codings, suggestions and a quote review need the transcripts whole');
  const transcripts = input.whole === undefined ? [] : [...input.whole.transcripts].sort((a, b) => compareNatural(a.id, b.id));
  const minScore = settings.minScore;
  const humanCodings = input.whole?.humanCodings ?? [];
  const primary = sources.human === undefined ? input.auto : tallyOf(codebook.codes, humanCodings);

  const interviews = shown.map((t): InterviewSummary => {
    const own = primary.of(t.id);
    return {
      id: t.id,
      language: t.language,
      attributes: t.attributes,
      turns: t.turnCount,
      respondentTurns: t.respondentTurnCount,
      codedTurns: own.codedTurns,
      codings: own.codings,
      isEmpty: t.respondentTurnCount === 0,
      // Published: an interviewer's label that is a name is withheld (privacy/speaker-labels.ts).
      interviewer: publicRecognition(t.interviewer),
    };
  });

  const breakdowns = by.map((a) => breakdown(sample, a));
  const bothSources = sources.auto && sources.human !== undefined;
  // Consent is read from all attributes, the private ones included; attribution only from those shown.
  const whole = input.whole === undefined ? undefined : new Map(transcripts.map((t) => [t.id, t]));
  const chosen = chooseQuotes(codebook.codes, input.candidates, input.texts, summaries, sampleOf(summaries), settings.quotes ?? {}, whole);
  if (!chosen.ok) return chosen;
  const { quotes, pendingQuotes, shared, ...quoting } = chosen.value;
  const cooccurrence = primary.cooccurrence();
  const coders = sources.human === undefined ? undefined : checkCoders(transcripts, codebook, humanCodings, settings.unit);

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
      codingCount: humanCodings.length + input.auto.codings,
      humanCoders: [...new Set(humanCodings.map((c) => c.coder))].sort(compareNatural),
      codingRows: input.whole === undefined ? { written: input.writtenRows } : { held: input.whole.codings },
      ...(minScore === undefined ? {} : { minScore: { score: minScore, dropped: input.autoCodingsMade - input.auto.codings } }),
      frequencies: frequenciesOf(codebook.codes, primary, sample, breakdowns),
      ...(bothSources ? { autoFrequencies: frequenciesOf(codebook.codes, input.auto, sample, breakdowns) } : {}),
      quotes,
      pendingQuotes,
      quoting,
      sharedPassages: shared,
      cooccurrence,
      strongestPairs: cooccurrence.slice(0, STRONGEST_PAIRS).map((pair) => {
        const example = pairExample(pair.a, pair.b, quotes, (c) => input.texts.codesAt(c));
        return example === undefined ? { pair } : { pair, quoteId: example.id };
      }),
      saturation: saturationOf(
        sample.map((t) => t.id),
        (id) => primary.of(id).codes,
      ),
      ...(settings.humanPlacement === undefined ? {} : { humanPlacement: settings.humanPlacement }),
      ...(settings.gold === undefined || !sources.auto ? {} : { gold: checkAgainstGold(transcripts, codebook, input.whole!.autoCodings, settings.gold, settings.unit) }),
      ...(coders === undefined ? {} : { coders }),
      ...(settings.suggest === true ? { suggestions: suggestCodes(transcripts, codebook, input.whole!.codings, settings.unit) } : {}),
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
