// Quotes: the strongest stretch of a coded passage, respondents' words only, one passage per code.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type AnalysisSettings } from '../../src/core/analysis/analyze.js';
import { cutPassage, LONG_QUOTE, QUOTE_LENGTH, quoteLength, quoteSpan } from '../../src/core/analysis/quote-span.js';
import { PassageNotKept, wholeTexts } from '../../src/core/analysis/quote-texts.js';
import { quoteText, rankCodings, selectQuotes } from '../../src/core/analysis/quotes.js';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import type { HumanCoding } from '../../src/core/coding/coding.js';
import { placeCodings } from '../../src/core/codings/place-codings.js';
import { contentLength } from '../../src/core/text/fillers.js';
import { sliceCodePoints } from '../../src/core/text/offsets.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';
import { codebookFrom, heldCodings, transcriptFrom } from '../helpers/build.js';

const codebook = codebookFrom(`
  - {id: funding, label: Funding, type: barrier, category: money, terms: {en: [funding, donor money]}}
  - {id: burnout, label: Burnout, type: barrier, category: people, terms: {en: [burnout, exhausted]}}
  - {id: trust, label: Trust, type: enabler, category: people, terms: {en: [trust]}}
`);

const interview = (id: string, ...answers: string[]) => transcriptFrom(`${answers.map((a) => `Interviewer: ?\nRespondent: ${a}\n`).join('')}`, id);

function run(corpus: readonly Transcript[], settings: Partial<AnalysisSettings> = {}): Analysis {
  const result = analyze(corpus, codebook, { unit: 'turn', ...settings });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** Every quote is its span of the transcript, line breaks folded, with "…" where words are left out. */
function expectTraceable(analysis: Analysis, corpus: readonly Transcript[]): void {
  for (const q of analysis.quotes) {
    const t = corpus.find((c) => c.id === q.transcript)!;
    expect(sliceCodePoints(t.text, q).replace(/\s+/g, ' ')).toBe(q.words);
    expect(quoteText(q)).toBe(`${q.cutBefore ? '… ' : ''}${q.words}${q.cutAfter ? ' …' : ''}`);
  }
}

const filler = 'This sentence says nothing in particular about the subject at hand. ';

describe('quotes of automatic codings', () => {
  const corpus = [interview('M1', 'Funding is short. Funding again.', 'Burnout everywhere.'), interview('M2', 'Funding.'), interview('D1', 'We fund trust. Funding matters.', 'More funding.')];
  const analysis = run(corpus);

  it('come from different interviews, at most three per code, strongest first', () => {
    // D1's first answer and M1's both score 2 ("fund ... Funding", "Funding ... Funding"), but D1's is the only
    // passage of "trust", which keeps it: funding quotes M1, then D1's other answer ("More funding."), then M2.
    expect(analysis.quotes.filter((q) => q.code.id === 'funding').map((q) => [q.transcript, q.turn])).toEqual([
      ['M1', 2],
      ['D1', 4],
      ['M2', 2],
    ]);
    expectTraceable(analysis, corpus);
  });

  it('are the sentences that carry the terms', () => {
    const d1 = corpus.find((t) => t.id === 'D1')!;
    const coding = heldCodings(analysis).find((c) => c.transcript === 'D1' && c.code.id === 'trust')!;
    const { span } = quoteSpan(coding, d1);
    expect(d1.text.slice(span.start, span.end)).toBe('We fund trust. Funding matters.');
  });

  it('cut a long turn down to the sentences with the code, with no ellipsis for whole sentences left out', () => {
    const t = interview('L1', `${filler.repeat(8)}Burnout is the real problem for us. ${filler.repeat(8)}`);
    const quotes = run([t]).quotes;
    expect(quotes.map(quoteText)).toEqual(['Burnout is the real problem for us. This sentence says nothing in particular about the subject at hand.']);
  });

  it('prefer a strong coding to a weak one that comes first', () => {
    const corpus = [interview('A1', 'Funding.'), interview('B1', 'Funding, funding and donor money, always funding.')];
    expect(run(corpus).quotes.filter((q) => q.code.id === 'funding').map((q) => [q.transcript, q.coding.source === 'auto' && q.coding.score])).toEqual([
      ['B1', 5],
      ['A1', 1],
    ]);
  });

  it('cut a turn without punctuation at word boundaries around the terms, to the usual length', () => {
    const words = 'and then we talked to the partners about the plan for next year and what they need from us ';
    const t = interview('U1', `${words.repeat(12)}and honestly everyone is exhausted after the last cycle ${words.repeat(12)}`.trim());
    const [quote] = run([t]).quotes;
    expect(quote!.words).toContain('everyone is exhausted');
    expect([quote!.cutBefore, quote!.cutAfter]).toEqual([true, true]);
    expect(quote!.words.length).toBeLessThanOrEqual(QUOTE_LENGTH);
    expect(quote!.words.length).toBeGreaterThan(QUOTE_LENGTH - 40);
    // Whole words: the quote starts and ends on a word of the turn.
    expect(words.repeat(2)).toContain(quote!.words.split(' ').slice(0, 3).join(' '));
    expect(quote!.words).toMatch(/^\w.*\w$/);
    expectTraceable(run([t]), [t]);
  });

  it('do not count fillers towards their length', () => {
    const text = 'Uh, um, you know, ';
    expect(contentLength(text, 0, text.length, 'en')).toBe(0);
    expect(contentLength('Este proyecto, o sea, eh, este, no', 0, 34, 'es')).toBe('Este proyecto, no'.length);
    // A turn of 460 characters, a quarter of them fillers, is short enough to quote whole.
    const answer = `${'Um, uh, so the funding, you know, is short, um, really short. '.repeat(7)}`.trim();
    expect(answer.length).toBeGreaterThan(LONG_QUOTE);
    const t = interview('F1', answer);
    expect(quoteLength(t, { start: t.turns[1]!.start, end: t.turns[1]!.end })).toBeLessThanOrEqual(LONG_QUOTE);
    expect(run([t]).quotes[0]!.words).toBe(answer);
  });
});

describe("quotes of a person's codings", () => {
  const long = `Uh, well, I would like to start somewhere else. ${filler.repeat(3)}The donor money never reaches the people who do the work. ${filler.repeat(3)}That is all I can say.`;
  const t = interview('H1', 'Short answer.', long);
  const placed = placeCodings([{ row: { file: 'h.csv', line: 2 }, transcript: 'H1', code: 'funding', segment: { turn: 4 }, coder: 'ana' }], [t], codebook);
  if (!placed.ok) throw new Error('not placed');
  const human: readonly HumanCoding[] = placed.value.codings;

  it('are the segment shortened around its middle, with "…" where words are left out, never its first sentences', () => {
    const [quote] = run([t], { sources: { auto: false, human } }).quotes;
    expect(quote!.words).toContain('The donor money never reaches the people who do the work.');
    expect(quote!.words).not.toContain('Uh, well');
    expect(quoteText(quote!)).toMatch(/^… .* …$/);
    expect(quote!.words.length).toBeLessThanOrEqual(QUOTE_LENGTH);
  });

  it('are the whole segment when it is short enough', () => {
    const cut = cutPassage({ span: { start: t.turns[1]!.start, end: t.turns[1]!.end }, hits: [], isSegment: true }, t);
    expect(cut).toEqual({ span: { start: t.turns[1]!.start, end: t.turns[1]!.end }, cutBefore: false, cutAfter: false });
  });
});

describe('one passage illustrates one code', () => {
  // "Burnout" and "trust" fire in the same sentence of T1: the code with fewer interviews keeps it.
  const corpus = [
    interview('T1', 'Burnout destroys trust between us, and we are all exhausted.'),
    interview('T2', 'We trust our partners.'),
    interview('T3', 'Trust takes years.'),
  ];
  const analysis = run(corpus);

  it('the code with fewer interviews keeps the passage; the other takes its next best', () => {
    expect(analysis.quotes.map((q) => [q.code.id, q.transcript])).toEqual([
      ['burnout', 'T1'],
      ['trust', 'T2'],
      ['trust', 'T3'],
    ]);
    expect(analysis.sharedPassages).toEqual([]);
  });

  it('a code whose only passage is taken points to the code quoting it', () => {
    const only = run([interview('T1', 'Burnout destroys trust between us.')]);
    expect(only.quotes.map((q) => q.code.id)).toEqual(['burnout']);
    expect(only.sharedPassages.map((s) => [s.code.id, s.quotedUnder.code.id, s.quotedUnder.transcript])).toEqual([['trust', 'burnout', 'T1']]);
  });

  it('a code takes the part of a shared passage no other quote holds, when it carries the code', () => {
    const exhausted = 'But we are exhausted after three years of emergencies, court cases and night shifts for everyone on our team.';
    const split = run([interview('T1', `We trust our partners. ${exhausted}`), interview('T2', 'Trust takes years.')]);
    // Burnout (one interview) quotes the long sentence; trust's quote of T1 would widen its short sentence into it,
    // so it keeps to the sentence no one else quotes.
    expect(split.quotes.map((q) => [q.code.id, q.transcript, quoteText(q)])).toEqual([
      ['burnout', 'T1', exhausted],
      ['trust', 'T1', 'We trust our partners.'],
      ['trust', 'T2', 'Trust takes years.'],
    ]);
  });
});

describe('quotes chosen from the head of each code’s ranked codings (a corpus streamed through)', () => {
  const a = interview('A', 'Funding ran out.', 'More funding, please.', 'Funding again.');
  const codings = codeTranscript(a, compileCodebook(codebook), 'turn');
  const texts = wholeTexts([a], codings, codings);
  const ranked = rankCodings(codings).get('funding')!;
  const head = (raisedIn?: readonly string[]) => new Map([['funding', { best: ranked.best.slice(0, 1), all: ranked.all, interviews: 1, ...(raisedIn === undefined ? {} : { raisedIn: () => raisedIn }) }]]);

  it('give the quotes of the whole list when every interview past the head is refused already', () => {
    expect(ranked.all).toBe(3);
    const whole = selectQuotes(codebook.codes, rankCodings(codings), texts).quotes.map((q) => q.id);
    expect(selectQuotes(codebook.codes, head(['A']), texts).quotes.map((q) => q.id)).toEqual(whole);
  });

  it('throw PassageNotKept when an interview past the head could still give a quote', () => {
    expect(() => selectQuotes(codebook.codes, head(['A', 'B']), texts)).toThrow(PassageNotKept);
    expect(() => selectQuotes(codebook.codes, head(), texts)).toThrow(PassageNotKept);
  });
});
