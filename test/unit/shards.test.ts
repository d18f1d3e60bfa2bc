import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.js';
import { codeTranscript } from '../../src/core/coding/code-transcript.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import { decodePart, encodePart, mergeParts, PART_FORMAT, PART_VERSION, storeCoding, type Part, type ReadPart } from '../../src/core/shards/part.js';
import { inShard, parseShard, partFileName, shardOf, type Shard } from '../../src/core/shards/shard.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';
import { codebookFrom, heldCodings, transcriptFrom } from '../helpers/build.js';

describe('parseShard', () => {
  it('reads K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard('2/3')).toMatchObject({ ok: true, value: { index: 2, count: 3 } });
    expect(parseShard(' 1 / 1 ')).toMatchObject({ ok: true, value: { index: 1, count: 1 } });
  });

  it.each(['0/3', '4/3', '3', '1/0', '-1/3', 'a/b', '1.5/3', ''])('refuses "%s", naming --shard', (text) => {
    const shard = parseShard(text);
    expect(shard.ok).toBe(false);
    if (!shard.ok) expect(shard.problems[0]).toMatchObject({ file: '--shard', severity: 'error' });
  });
});

describe('shardOf', () => {
  const keys = Array.from({ length: 3000 }, (_, i) => `interviews/M${String(i + 1).padStart(4, '0')}.txt`);

  it('puts every file in exactly one of N parts, whatever N', () => {
    for (const count of [1, 2, 3, 5, 16]) {
      for (const key of keys.slice(0, 300)) {
        const parts = Array.from({ length: count }, (_, i): Shard => ({ index: i + 1, count })).filter((shard) => inShard(key, shard));
        expect(parts).toHaveLength(1);
      }
    }
  });

  it('depends on the key alone: not on the order of the files or the others beside them', () => {
    const forward = keys.map((k) => shardOf(k, 3));
    const backward = [...keys].reverse().map((k) => shardOf(k, 3)).reverse();
    expect(backward).toEqual(forward);
    expect(shardOf('interviews/M0007.txt', 3)).toBe(forward[6]);
  });

  it('spreads names that differ in one digit evenly', () => {
    for (const count of [2, 3, 4, 7]) {
      const sizes = Array.from({ length: count }, () => 0);
      for (const key of keys) sizes[shardOf(key, count) - 1]!++;
      for (const size of sizes) expect(Math.abs(size - keys.length / count)).toBeLessThan(0.1 * (keys.length / count));
    }
  });

  it('names the part file after K and N', () => {
    expect(partFileName({ index: 2, count: 3 })).toBe('part-2-of-3.collab-code.jsonl');
  });
});

const codebook = codebookFrom(`
  - {id: funding, label: Funding, type: barrier, category: money, terms: {en: [funding]}}
  - {id: trust, label: Trust, type: enabler, category: people, terms: {en: [trust]}}
`);
const compiled = compileCodebook(codebook);

// Front matter keys that are names of Object.prototype's properties must stay data through a part.
const interview = (id: string, answer: string): Transcript =>
  transcriptFrom(`---\ngroup: members\nconstructor: yes\ntoString: x\n---\nInterviewer: What stands in the way?\nRespondent: ${answer}\n`, id);

const corpus = [interview('M10', 'Funding, funding, and trust — «ñandú» 😀 funding.'), interview('M2', 'Trust, mostly.'), interview('A1', 'Nothing at all.')];

function partOf(shard: Shard, transcripts: readonly Transcript[], header: Partial<Part['header']> = {}): Part {
  return {
    header: { format: PART_FORMAT, version: PART_VERSION, generator: 'collab-code test', shard, digest: 'settings', corpus: { files: 3, digest: 'files' }, settings: { unit: 'turn' }, codebook, ...header },
    transcripts: transcripts.map((t) => ({ transcript: t, codings: codeTranscript(t, compiled, 'turn').map(storeCoding) })),
  };
}

const bytesOf = (part: Part, edit: (text: string) => string = (t) => t): Uint8Array => new TextEncoder().encode(edit([...encodePart(part)].join('')));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A part as merge reads it: encoded as the file holds it and decoded again. */
function reread(part: Part, file: string): ReadPart {
  const decoded = decodePart(bytesOf(part), file);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  return { file, part: decoded.value };
}

describe('a part', () => {
  it('is JSON Lines: a header, then one line per transcript', () => {
    const lines = [...encodePart(partOf({ index: 1, count: 1 }, corpus))];
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'collab-code part', version: 1, shard: { index: 1, count: 1 } });
  });

  it('gives back the transcripts with null-prototype attributes, and codings with their codes', () => {
    const merged = mergeParts([reread(partOf({ index: 1, count: 1 }, corpus), 'p.jsonl')]);
    if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
    const m10 = merged.value.transcripts.find((t) => t.id === 'M10')!;
    expect(Object.getPrototypeOf(m10.attributes)).toBeNull();
    expect(m10.attributes['constructor']).toBe('yes');
    expect(m10.attributes['toString']).toBe('x');
    expect(m10.attributes['hasOwnProperty']).toBeUndefined();
    const original = corpus.find((t) => t.id === 'M10')!;
    expect(m10.text).toBe(original.text);
    expect(m10.turns).toEqual(original.turns);
    expect(m10.interviewer).toEqual(original.interviewer);
    const codes = merged.value.header.codebook.codes;
    for (const coding of merged.value.autoCodings) expect(codes).toContain(coding.code);
  });

  it('merged from shards analyses as the whole corpus does', () => {
    const whole = analyze(corpus, codebook, { unit: 'turn' });
    const parts = [reread(partOf({ index: 2, count: 2 }, [corpus[0]!]), 'b.jsonl'), reread(partOf({ index: 1, count: 2 }, [corpus[1]!, corpus[2]!]), 'a.jsonl')];
    const merged = mergeParts(parts);
    if (!merged.ok || !whole.ok) throw new Error('not merged');
    expect(merged.value.transcripts.map((t) => t.id)).toEqual(['A1', 'M2', 'M10']);
    const fromParts = analyze(merged.value.transcripts, merged.value.header.codebook, { unit: 'turn', autoCodings: merged.value.autoCodings });
    if (!fromParts.ok) throw new Error('not analysed');
    const view = (a: typeof whole.value) => ({ codings: heldCodings(a).map((c) => [c.transcript, c.turn, c.code.id, c.start, c.end, c.text]), frequencies: a.frequencies.map((f) => [f.code.id, f.interviews, f.mentions]), quotes: a.quotes.map((q) => q.id), sample: a.sample });
    expect(view(fromParts.value)).toEqual(view(whole.value));
  });
});

describe('merging parts refuses', () => {
  const one = (header: Partial<Part['header']> = {}, shard: Shard = { index: 1, count: 2 }, transcripts = [corpus[0]!]) => partOf(shard, transcripts, header);
  const two = (header: Partial<Part['header']> = {}, transcripts = [corpus[1]!]) => partOf({ index: 2, count: 2 }, transcripts, header);
  const refusal = (parts: ReadPart[]) => {
    const merged = mergeParts(parts);
    expect(merged.ok).toBe(false);
    return merged.ok ? [] : merged.problems;
  };

  it('parts made with other settings or another codebook, naming the file', () => {
    const [problem] = refusal([reread(one(), 'a.jsonl'), reread(two({ digest: 'other' }), 'b.jsonl')]);
    expect(problem).toMatchObject({ file: 'b.jsonl', message: expect.stringContaining('other settings, another codebook') });
  });

  it('parts cut from other transcripts', () => {
    const [problem] = refusal([reread(one(), 'a.jsonl'), reread(two({ corpus: { files: 4, digest: 'more' } }), 'b.jsonl')]);
    expect(problem).toMatchObject({ file: 'b.jsonl', message: expect.stringContaining('cut from other transcripts (4 files)') });
  });

  it('a missing part, saying which and how to make it', () => {
    const [problem] = refusal([reread(two(), 'b.jsonl')]);
    expect(problem!.message).toBe('part 1 of 2 missing');
    expect(problem!.hint).toContain('--shard 1/2');
  });

  it('a part given twice', () => {
    const problems = refusal([reread(one(), 'a.jsonl'), reread(one(), 'copy.jsonl'), reread(two(), 'b.jsonl')]);
    expect(problems[0]).toMatchObject({ file: 'copy.jsonl', message: 'part 1 of 2 again: a.jsonl is that part too' });
  });

  it('parts of runs with another number of parts', () => {
    const [problem] = refusal([reread(one(), 'a.jsonl'), reread(partOf({ index: 2, count: 3 }, [corpus[1]!]), 'c.jsonl')]);
    expect(problem).toMatchObject({ file: 'c.jsonl', message: expect.stringContaining('part 2 of 3') });
  });

  it('a transcript in two parts', () => {
    const [problem] = refusal([reread(one(), 'a.jsonl'), reread(two({}, [corpus[0]!]), 'b.jsonl')]);
    expect(problem).toMatchObject({ file: 'b.jsonl', message: 'transcript "M10" (M10.txt) is in a.jsonl too' });
  });

  it('a file that is not a part, or of another version', () => {
    expect(decodePart(bytes('{"rows": []}\n'), 'x.json')).toMatchObject({ ok: false, problems: [{ file: 'x.json', line: 1, message: 'not a part written by collab-code analyze --shard' }] });
    expect(decodePart(bytes('not json'), 'x.json')).toMatchObject({ ok: false, problems: [{ file: 'x.json', line: 1 }] });
    const newer = bytesOf(one(), (t) => t.replace('"version":1', '"version":2'));
    expect(decodePart(newer, 'p.jsonl')).toMatchObject({ ok: false, problems: [{ file: 'p.jsonl', message: expect.stringContaining('version 2') }] });
    const cut = bytesOf(one(), (t) => t.slice(0, -20));
    expect(decodePart(cut, 'p.jsonl')).toMatchObject({ ok: false, problems: [{ file: 'p.jsonl', line: 2 }] });
  });
});
