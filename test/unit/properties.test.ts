// Property-based tests (fast-check) of the parsers and the matcher: random transcripts, codebooks and codings never
// crash them, every offset slices the text it claims, and coding does not depend on the order of the files.
// Each property runs a fixed number of cases (RUNS) so CI time stays bounded; a failure prints its seed and a
// shrunk counterexample to reproduce.
import fc from 'fast-check';
import { parse as parseYaml, stringify as yaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.js';
import { quoteSpan } from '../../src/core/analysis/quote-span.js';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { parseTerm } from '../../src/core/codebook/parse-term.js';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { findHits } from '../../src/core/coding/code-unit.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import { unitsOf } from '../../src/core/coding/units.js';
import { codingRowsOf } from '../../src/core/codings/codings-table.js';
import { placeCodings } from '../../src/core/codings/place-codings.js';
import { sliceCodePoints, type CodePointOffset } from '../../src/core/text/offsets.js';
import { normaliseText } from '../../src/core/text/decode.js';
import { flatFrontMatter } from '../../src/core/transcripts/front-matter.js';
import { parseTranscript } from '../../src/core/transcripts/parse-transcript.js';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher } from '../../src/core/transcripts/speakers.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';
import { heldCodings } from '../helpers/build.js';

const RUNS = 150;
const settings = { numRuns: RUNS };
const isInterviewer = interviewerMatcher(DEFAULT_INTERVIEWER_LABELS);

// Words that codebook terms are made of, in both languages, with accents, apostrophes, hyphens and an astral
// character, so hits land at every kind of boundary and code-point offsets differ from UTF-16 ones.
const WORDS = ['funding', 'funded', 'donors', 'same', 'people', 'burned', 'out', 'trust', 'financiación', 'donantes', 'mismas', 'personas', 'agotamiento', "don't", 'co-design', 'naïve', 'café', 'Ünïcode', '𝒳tra', 'we', 'the', 'y', 'la'];
const word = fc.constantFrom(...WORDS);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '! ', '? ', '\n', '\n\n', ' — ', ' "', '" ', '\t', '  ');
const sentence = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 25 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
const label = fc.constantFrom('Interviewer', 'Respondent', 'R1', 'Entrevistadora', 'Ana María', 'P2', '[00:01:02] Respondent', '**Respondent**');
const turn = fc.tuple(label, sentence).map(([who, said]) => `${who}: ${said}\n\n`);
const frontMatter = fc.option(
  fc.dictionary(fc.constantFrom('id', 'language', 'group', 'region', 'constructor', '__proto__', 'toString'), fc.constantFrom('en', 'es', 'members', 'donors', 'x: y', ''), { maxKeys: 4 }),
  { nil: undefined },
);
/** Transcript text as tools write it: optional front matter, labelled turns, stray text, CRLF or LF. */
const transcriptText = fc
  .tuple(frontMatter, fc.array(fc.oneof(turn, sentence), { maxLength: 8 }), fc.boolean())
  .map(([front, body, crlf]) => {
    const text = `${front === undefined ? '' : `---\n${yaml(front)}---\n`}${body.join('')}`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Any string at all, of every kind of character. */
const anything = fc.string({ unit: 'binary', maxLength: 300 });

const parsed = (text: string, id = 'T1'): Transcript | undefined => {
  const result = parseTranscript(normaliseText(text), `${id}.txt`, { defaultId: id, defaultLanguage: 'en', isInterviewer });
  return result.ok ? result.value : undefined;
};

// A codebook of up to four codes whose terms are words, phrases and prefixes from WORDS, and exclusions.
const term = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  word.filter((w) => /^\p{L}{3}/u.test(w)).map((w) => `${w.slice(0, 3)}*`),
  fc.constantFrom('/fund\\w*/', '/(?<!un)paid/', '/\\bsame (?:people|personas)\\b/'),
);
const codebookYaml = fc.array(fc.tuple(fc.uniqueArray(term, { minLength: 1, maxLength: 5 }), fc.uniqueArray(term, { maxLength: 1 })), { minLength: 1, maxLength: 4 }).map((codes) =>
  yaml({
    title: 'Random',
    language: 'en',
    categories: [{ id: 'people', label: 'People' }],
    types: [{ id: 'barrier', label: 'Barriers' }],
    codes: codes.map(([terms, exclude], i) => ({ id: `code-${i}`, label: `Code ${i}`, type: 'barrier', category: 'people', definition: 'd', terms: { en: terms, es: terms }, ...(exclude.length > 0 ? { exclude: { en: exclude } } : {}) })),
  }),
);

describe('the transcript parser', () => {
  it('never throws, on any text', () => {
    fc.assert(fc.property(fc.oneof(anything, transcriptText), (text) => void parseTranscript(normaliseText(text), 'T.txt', { defaultId: 'T', defaultLanguage: 'en', isInterviewer })), settings);
  });

  it('gives turns in order, inside the text, trimmed, numbered from 1', () => {
    fc.assert(
      fc.property(transcriptText, (text) => {
        const transcript = parsed(text);
        if (transcript === undefined) return;
        let previousEnd = 0;
        transcript.turns.forEach((t, i) => {
          expect(t.index).toBe(i + 1);
          expect(t.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.end).toBeGreaterThanOrEqual(t.start);
          expect(t.end).toBeLessThanOrEqual(transcript.text.length);
          const said = transcript.text.slice(t.start, t.end);
          expect(said).toBe(said.trim());
          previousEnd = t.end;
        });
      }),
      settings,
    );
  });
});

describe('front matter read without the YAML parser', () => {
  // Keys and values as people write them, and the ones YAML reads as something else (numbers, booleans, null,
  // quotes, comments, lists), so both the flat reading and its refusals are exercised.
  const mostly = <T,>(usual: readonly T[], unusual: readonly T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...unusual) });
  const key = mostly(['id', 'group', 'region', 'Region', 'date_of_interview', 'x-y', '__proto__', 'constructor'], ['on', 'True', 'null', 'año', '1st']);
  const value = mostly(
    ['members', 'Asia Pacific', 'Latin America (south)', 'S000123', 'en', 'es', 'Ünïcode café', 'a, b. c/d_e-f', ' members '],
    ['true', 'Yes', 'NULL', '007', '1.50', '"quoted"', "'single'", 'x # comment', 'a: b', '[a, b]', '- a', '', 'x\ty'],
  );
  const line = fc.tuple(key, value, mostly([': '], [':  ', ':\t', ':', ' : '])).map(([k, v, colon]) => `${k}${colon}${v}`);
  const text = fc.array(fc.oneof({ weight: 12, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom('', '# note', '  indented: x') }), { minLength: 1, maxLength: 5 }).map((lines) => `${lines.join('\n')}\n`);

  it('reads what YAML reads, or leaves the text to YAML', () => {
    let read = 0;
    fc.assert(
      fc.property(text, (yamlText) => {
        const flat = flatFrontMatter(yamlText);
        if (flat === undefined) return;
        read++;
        const expected = Object.entries(parseYaml(yamlText) as Record<string, unknown>).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v).trim()]);
        expect(Object.entries(flat.fields)).toEqual(expected);
        for (const [k] of expected) expect(yamlText.split('\n')[flat.lines[k]! - 2]).toMatch(new RegExp(`^${k}:`));
      }),
      { numRuns: 500 },
    );
    // Most generated texts are not flat; enough are for the comparison to mean something.
    expect(read).toBeGreaterThan(20);
  });
});

describe('the codebook parser', () => {
  it('never throws, on any text or any YAML', () => {
    const anyYaml = fc.anything({ maxDepth: 3 }).map((value) => String(yaml(value) ?? ''));
    fc.assert(fc.property(fc.oneof(anything, anyYaml, codebookYaml), (text) => void parseCodebook(text, 'c.yaml')), settings);
  });

  it('accepts the terms it can compile, and only those', () => {
    fc.assert(
      fc.property(codebookYaml, (text) => {
        const result = parseCodebook(text, 'c.yaml');
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const code of result.value.codes) for (const t of [...code.terms.en, ...code.terms.es]) expect(typeof parseTerm(t)).toBe('object');
      }),
      settings,
    );
  });
});

describe('the codings table', () => {
  it('never throws, on any table', () => {
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('T1', 'code-0', '1', '0', '-3', '2.5', ''));
    const table = fc.record({
      header: fc.uniqueArray(fc.oneof(fc.constantFrom('transcript', 'code', 'turn', 'text', 'coder', 'Document'), fc.string({ maxLength: 8 })), { maxLength: 6 }),
      records: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(table, ({ header, records }) => {
        const rows = codingRowsOf({ file: 'c.csv', header, records: records.map((cells, i) => ({ line: i + 2, cells })) }, {}, 'coder');
        if (rows.ok) for (const row of rows.value) expect(row.transcript).not.toBe('');
      }),
      settings,
    );
  });

  it('places segments only where their text is, or on the turn they name', () => {
    fc.assert(
      fc.property(transcriptText, codebookYaml, fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.option(sentence, { nil: undefined })), { maxLength: 6 }), (text, book, segments) => {
        const transcript = parsed(text);
        const codebook = parseCodebook(book, 'c.yaml');
        if (transcript === undefined || !codebook.ok) return;
        const rows = segments.map(([turn, said], i) => ({ row: { file: 'c.csv', line: i + 2 }, transcript: transcript.id, code: 'code-0', segment: said === undefined ? { turn } : { text: said }, coder: 'ana' }));
        const placed = placeCodings(rows, [transcript], codebook.value);
        if (!placed.ok) return;
        for (const coding of placed.value.codings) {
          expect(sliceCodePoints(transcript.text, coding)).toBe(coding.text);
          expect(transcript.text.slice(coding.unitSpan.start, coding.unitSpan.end)).toBe(coding.text);
        }
      }),
      settings,
    );
  });
});

describe('the matcher', () => {
  it('gives hits inside their unit, and codings whose offsets slice the text they claim', () => {
    fc.assert(
      fc.property(transcriptText, codebookYaml, fc.constantFrom('turn', 'paragraph', 'sentence' as const), (text, book, unit) => {
        const transcript = parsed(text);
        const codebook = parseCodebook(book, 'c.yaml');
        if (transcript === undefined || !codebook.ok) return;
        const compiled = compileCodebook(codebook.value);
        for (const u of unitsOf(transcript, unit)) {
          for (const hit of findHits(transcript.text, u.start, u.end, compiled.index(transcript.language))) {
            expect(hit.start).toBeGreaterThanOrEqual(u.start);
            expect(hit.end).toBeLessThanOrEqual(u.end);
            expect(hit.end).toBeGreaterThan(hit.start);
          }
        }
        for (const coding of codeTranscript(transcript, compiled, unit)) {
          expect(sliceCodePoints(transcript.text, coding)).toBe(coding.text);
          expect(transcript.text.slice(coding.unitSpan.start, coding.unitSpan.end)).toBe(coding.text);
          for (const hit of coding.hitSpans) expect(hit.start >= coding.unitSpan.start && hit.end <= coding.unitSpan.end).toBe(true);
          const quote = quoteSpan(coding, transcript).span;
          expect(quote.start >= coding.unitSpan.start && quote.end <= coding.unitSpan.end && quote.end > quote.start).toBe(true);
        }
      }),
      settings,
    );
  });

  it('codes a corpus the same whatever the order of its files', () => {
    fc.assert(
      fc.property(fc.uniqueArray(transcriptText, { minLength: 1, maxLength: 5 }), codebookYaml, fc.integer(), (texts, book, seed) => {
        // Ids are unique in a corpus (readTranscripts refuses duplicates): keep the first transcript of each.
        const all = texts.map((t, i) => parsed(t, `T${i}`)).filter((t): t is Transcript => t !== undefined);
        const transcripts = all.filter((t, i) => all.findIndex((o) => o.id === t.id) === i);
        const codebook = parseCodebook(book, 'c.yaml');
        if (!codebook.ok) return;
        const shuffled = fc.sample(fc.shuffledSubarray(transcripts, { minLength: transcripts.length, maxLength: transcripts.length }), { numRuns: 1, seed })[0]!;
        const once = analyze(transcripts, codebook.value, { unit: 'turn' });
        const again = analyze(shuffled, codebook.value, { unit: 'turn' });
        expect(once.ok && again.ok).toBe(true);
        if (!once.ok || !again.ok) return;
        const key = (a: typeof once.value) => heldCodings(a).map((c) => `${c.transcript}:${c.start as CodePointOffset}-${c.end}:${c.code.id}`);
        expect(key(again.value)).toEqual(key(once.value));
        expect(again.value.frequencies.map((f) => [f.code.id, f.interviews, f.mentions])).toEqual(once.value.frequencies.map((f) => [f.code.id, f.interviews, f.mentions]));
        expect(again.value.quotes.map((q) => q.text)).toEqual(once.value.quotes.map((q) => q.text));
      }),
      settings,
    );
  });
});
