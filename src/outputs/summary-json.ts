// summary.json: the report's content as structured data, for other tools. Bump SCHEMA_VERSION on any breaking change;
// added keys (such as `interviewers`) keep it, since readers ignore keys they do not know.
// Version 2: "interviews" lists the sample only; empty transcripts are named once, in totals.empty_transcripts
// (50,000 empty files made version 1 a 10 MB file).
import type { Analysis } from '../core/analysis/analyze.js';
import { quoteText, type Quote } from '../core/analysis/quotes.js';
import { strengthOf } from '../core/coding/strength.js';
import type { PlacementSummary } from '../core/codings/place-codings.js';
import { figuresJson, figureJson, rounded } from './figures.js';
import type { OutputContext } from './output.js';
import { quoteSafetySummary } from './quote-safety.js';

export const SCHEMA_VERSION = 2;

export function formatSummaryJson(analysis: Analysis, context: OutputContext): string {
  const quoteJson = (q: Quote) => ({
    id: q.id,
    transcript: q.transcript,
    turn: q.turn,
    speaker: q.speaker,
    strength: strengthOf(q.coding) ?? null,
    quote: quoteText(q),
    start: q.start,
    end: q.end,
    ...(q.review === undefined ? {} : { review: q.review }),
  });
  const quotesOf = (codeId: string) => analysis.quotes.filter((q) => q.code.id === codeId).map(quoteJson);
  const { codebook } = analysis;
  const sharedOf = new Map(analysis.sharedPassages.map((s) => [s.code.id, s.quotedUnder]));
  const shared = (codeId: string) => {
    const q = sharedOf.get(codeId);
    return q === undefined ? {} : { passages_quoted_under: { code: q.code.id, transcript: q.transcript, turn: q.turn } };
  };
  const summary = {
    schema_version: SCHEMA_VERSION,
    generator: context.generator,
    codebook: {
      title: codebook.title,
      language: codebook.language,
      categories: codebook.categories.map((c) => ({ id: c.id, label: c.label })),
      types: codebook.types.map((t) => ({ id: t.id, label: t.label })),
      codes: codebook.codes.length,
    },
    settings: { unit: analysis.unit, by: analysis.by, sources: analysis.sources, min_score: analysis.minScore?.score ?? null },
    quotes: quoteSafetySummary(analysis),
    totals: {
      interviews: analysis.sampleSize,
      empty_transcripts: analysis.interviews.filter((i) => i.isEmpty).map((i) => i.id),
      respondent_turns: analysis.respondentTurns,
      coded_turns: analysis.codedTurns,
      codings: analysis.codingCount,
      ...(analysis.minScore === undefined ? {} : { below_min_score: analysis.minScore.dropped }),
    },
    interviewers: {
      labels: analysis.interviewerLabels,
      picked_automatically: analysis.interviews.flatMap((i) => (i.interviewer.status === 'picked' ? [{ transcript: i.id, speaker: i.interviewer.speakers[0] }] : [])),
      unrecognised: analysis.interviews.filter((i) => i.interviewer.status === 'unrecognised').map((i) => i.id),
    },
    sample: analysis.sample.map((b) => ({ attribute: b.attribute, values: b.values.map((v) => ({ value: v.value, interviews: v.interviews, pct: v.pct })) })),
    interviews: analysis.interviews.filter((i) => !i.isEmpty).map((i) => ({
      id: i.id,
      language: i.language,
      attributes: Object.fromEntries(Object.entries(i.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      turns: i.turns,
      respondent_turns: i.respondentTurns,
      coded_turns: i.codedTurns,
      codings: i.codings,
      interviewer: { status: i.interviewer.status, speakers: i.interviewer.status === 'labelled' || i.interviewer.status === 'picked' ? i.interviewer.speakers : [] },
    })),
    codes: analysis.frequencies.map((f, i) => ({
      id: f.code.id,
      label: f.code.label,
      type: f.code.type,
      category: f.code.category,
      interviews: f.interviews,
      interviews_pct: f.interviewsPct,
      mentions: f.mentions,
      ...(f.byStrength === undefined ? {} : { by_strength: f.byStrength }),
      breakdown: f.breakdown.map((b) => ({ attribute: b.attribute, value: b.value, interviews: b.interviews, of: b.of })),
      ...(analysis.autoFrequencies === undefined ? {} : { auto: { interviews: analysis.autoFrequencies[i]!.interviews, mentions: analysis.autoFrequencies[i]!.mentions } }),
      quotes: quotesOf(f.code.id),
      ...shared(f.code.id),
    })),
    cooccurrence: {
      pairs: analysis.cooccurrence.length,
      strongest: analysis.strongestPairs.map(({ pair, quoteId }) => ({ code_a: pair.a.id, code_b: pair.b.id, units: pair.units, jaccard: rounded(pair.jaccard), example_quote_id: quoteId ?? null })),
    },
    saturation: {
      codes: analysis.saturation.codes,
      in_order: { at_90_pct: analysis.saturation.inOrder.at90, at_100_pct: analysis.saturation.inOrder.at100 },
      random_orders: { orders: analysis.saturation.random.orders, seed: analysis.saturation.random.seed, at_90_pct: rounded(analysis.saturation.random.at90), at_100_pct: rounded(analysis.saturation.random.at100) },
    },
    ...(analysis.humanPlacement === undefined ? {} : { placement: placementJson(analysis.humanPlacement) }),
    ...(analysis.gold === undefined
      ? {}
      : {
          gold: {
            coders: analysis.gold.coders,
            interviews: analysis.gold.interviews,
            unit: analysis.gold.evaluation.unit,
            precision: figureJson(analysis.gold.evaluation.micro.precision),
            recall: figureJson(analysis.gold.evaluation.micro.recall),
            f1: figureJson(analysis.gold.evaluation.micro.f1),
            agreement: figuresJson(analysis.gold.evaluation.agreement),
            placement: placementJson(analysis.gold.placement),
          },
        }),
    ...(analysis.coders === undefined
      ? {}
      : { coders: { coders: analysis.coders.coders, interviews: analysis.coders.interviews, agreement: analysis.coders.agreement === undefined ? null : { unit: analysis.coders.agreement.unit, ...figuresJson(analysis.coders.agreement.overall) } } }),
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

const placementJson = (p: PlacementSummary) => ({
  segments: p.segments,
  placed: p.placed,
  clipped: p.clipped,
  unplaced: { interviewer_only: p.unplaced['interviewer-only'], not_found: p.unplaced['not-found'], no_such_turn: p.unplaced['no-such-turn'] },
});
