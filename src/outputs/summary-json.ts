// summary.json: the report's content as structured data, for other tools. Bump SCHEMA_VERSION on any breaking change;
// added keys (such as `interviewers`) keep it, since readers ignore keys they do not know.
import type { Analysis } from '../core/analysis/analyze.js';
import type { OutputContext } from './output.js';
import { quoteSafetySummary } from './quote-safety.js';

export const SCHEMA_VERSION = 1;

export function formatSummaryJson(analysis: Analysis, context: OutputContext): string {
  const quotesOf = (codeId: string) =>
    analysis.quotes
      .filter((q) => q.code.id === codeId)
      .map((q) => ({ id: q.id, transcript: q.transcript, turn: q.turn, speaker: q.speaker, quote: q.text, start: q.start, end: q.end, ...(q.review === undefined ? {} : { review: q.review }) }));
  const { codebook } = analysis;
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
    settings: { unit: analysis.unit, by: analysis.by, sources: analysis.sources },
    quotes: quoteSafetySummary(analysis),
    totals: {
      interviews: analysis.sampleSize,
      empty_transcripts: analysis.interviews.filter((i) => i.isEmpty).map((i) => i.id),
      respondent_turns: analysis.respondentTurns,
      coded_turns: analysis.codedTurns,
      codings: analysis.codings.length,
    },
    interviewers: {
      labels: analysis.interviewerLabels,
      picked_automatically: analysis.interviews.flatMap((i) => (i.interviewer.status === 'picked' ? [{ transcript: i.id, speaker: i.interviewer.speakers[0] }] : [])),
      unrecognised: analysis.interviews.filter((i) => i.interviewer.status === 'unrecognised').map((i) => i.id),
    },
    sample: analysis.sample.map((b) => ({ attribute: b.attribute, values: b.values.map((v) => ({ value: v.value, interviews: v.interviews, pct: v.pct })) })),
    interviews: analysis.interviews.map((i) => ({
      id: i.id,
      language: i.language,
      attributes: Object.fromEntries(Object.entries(i.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      turns: i.turns,
      respondent_turns: i.respondentTurns,
      coded_turns: i.codedTurns,
      codings: i.codings,
      empty: i.isEmpty,
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
      breakdown: f.breakdown.map((b) => ({ attribute: b.attribute, value: b.value, interviews: b.interviews, of: b.of })),
      ...(analysis.autoFrequencies === undefined ? {} : { auto: { interviews: analysis.autoFrequencies[i]!.interviews, mentions: analysis.autoFrequencies[i]!.mentions } }),
      quotes: quotesOf(f.code.id),
    })),
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}
