// A corpus streamed through analyze (app/streamed-corpus.ts) gives the same bytes as the corpus held whole, in
// bounded memory; the temporary file of codings.csv's rows is never left behind.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEBOOK, EXAMPLE, longTranscript, ROOT, scratch, scratchWithExample } from '../helpers/cli.js';

const entry = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } }).exports['.'].default;
const api = (await import(path.join(ROOT, entry))) as typeof import('../../src/app/index.js');
const streamed = (await import(path.join(ROOT, 'dist/app/streamed-corpus.js'))) as typeof import('../../src/app/streamed-corpus.js');
const core = (await import(path.join(ROOT, 'dist/core/analysis/analyze.js'))) as typeof import('../../src/core/analysis/analyze.js');
const texts = (await import(path.join(ROOT, 'dist/core/analysis/quote-texts.js'))) as typeof import('../../src/core/analysis/quote-texts.js');
const spill = (await import(path.join(ROOT, 'dist/io/spill.js'))) as typeof import('../../src/io/spill.js');

type Options = import('../../src/app/analyze.js').AnalyzeOptions;

/** Every output of a run, as text, by file name. */
async function outputsOf(options: Options): Promise<{ files: Map<string, string>; streamed: boolean }> {
  const result = await api.analyze({ codebook: CODEBOOK, generator: 'collab-code test', ...options });
  const files = new Map<string, string>();
  for (const file of await result.render()) {
    const content = file.content;
    files.set(file.name, typeof content === 'string' ? content : content instanceof Uint8Array ? Buffer.from(content).toString('base64') : [...content].join(''));
  }
  return { files, streamed: 'written' in result.analysis.codingRows };
}

// Written for this test: turns that start after characters outside the Basic Multilingual Plane (a quote's offsets
// count code points, its line counts lines), Windows line ends, a front matter key that is an Object method, two
// languages, and a turn long enough to be cut into a quote.
const MIXED = {
  'E1.txt': [
    '---',
    'id: E1',
    'group: ngo',
    'constructor: yes',
    '---',
    'Interviewer: How did the partnership start? 🙂',
    '',
    'Respondent: 🌍🌍 We had no funding at all, and the grant ran out after a year. 🚀 Trust grew slowly; the other newsroom shared data with us once we met in person.',
    '',
    'Interviewer: And later?',
    '',
    'Respondent: Later the funding came back. We built trust by sharing a byline, and the budget paid for travel. '.repeat(6),
  ].join('\r\n'),
  'S1.txt': [
    '---',
    'id: S1',
    'language: es',
    'group: media',
    '---',
    'Entrevistadora: ¿Cómo empezó la colaboración?',
    '',
    'Entrevistada: Ñandú 🦜 no teníamos financiamiento y la confianza tardó en llegar. Compartimos datos con otra redacción.',
  ].join('\n'),
  'E2.md': ['---', 'id: E2', 'group: media', '---', 'Respondent: Funding was scarce, trust was scarce, and we shared nothing at first.'].join('\n'),
};

describe('a corpus streamed through', () => {
  const cases: [string, () => Options][] = [
    ['the example corpus', () => ({ paths: [EXAMPLE] })],
    ['the example by sentence, with a minimum score, quotes attributed by group', () => ({ paths: [EXAMPLE], unit: 'sentence', minScore: 2, attributeQuotes: ['group'] })],
    ['the example by paragraph, its interviewers picked', () => ({ paths: [EXAMPLE], unit: 'paragraph', interviewers: ['auto'] })],
    ['transcripts with names, quotes redacted', () => ({ paths: [path.join(ROOT, 'fixtures/privacy')], redact: 'quotes' })],
    ['off-topic transcripts in two languages', () => ({ paths: [path.join(ROOT, 'fixtures/off-topic')] })],
    ['astral characters, CRLF and a front matter key named constructor', () => ({ paths: [scratch(MIXED)], by: ['group'] })],
    ['the example coded in three worker threads', () => ({ paths: [EXAMPLE], threads: 3 })],
  ];
  it.each(cases)('%s gives the same outputs as the corpus held whole', async (_, options) => {
    const given = options();
    const whole = await outputsOf({ ...given, stream: false });
    const stream = await outputsOf(given);
    expect(whole.streamed).toBe(false);
    expect(stream.streamed).toBe(true);
    expect([...stream.files.keys()]).toEqual([...whole.files.keys()]);
    for (const [name, content] of whole.files) expect(stream.files.get(name), name).toBe(content);
    expect(whole.files.get('quotes.csv')!.split('\n').length).toBeGreaterThan(2);
  });

  it('holds the corpus whole where an option needs it, with the same outputs', async () => {
    const { streamed: suggesting } = await outputsOf({ paths: [EXAMPLE], suggest: true });
    expect(suggesting).toBe(false);
  });

  it('keeps the turns of each code’s best codings; a choice of quotes that goes past them throws, for the caller to read the corpus whole', async () => {
    const analyse = async (kept: number) => {
      const corpus = await streamed.readAndCodeStreamed({ paths: [EXAMPLE], codebook: CODEBOOK }, ROOT, api.silentReporter, undefined, kept);
      const input = { transcripts: corpus.transcripts, auto: corpus.auto, autoCodingsMade: corpus.autoCodingsMade, candidates: corpus.candidates, texts: corpus.texts, writtenRows: corpus.codingRows };
      return core.analyzeCoded(input, corpus.codebook, { unit: 'turn' });
    };
    await expect(analyse(1)).rejects.toBeInstanceOf(texts.PassageNotKept);
    const enough = await analyse(streamed.KEPT_PER_CODE);
    const whole = await api.analyze({ paths: [EXAMPLE], codebook: CODEBOOK, stream: false, outputs: ['quotes', 'frequencies'] });
    expect(enough.ok && enough.value.quotes.map((q) => q.id)).toEqual(whole.analysis.quotes.map((q) => q.id));
  });

  it('reads the corpus again, whole, when the codings kept are not enough: the same outputs, and its warnings once', async () => {
    const corpus = path.join(scratchWithExample(), 'transcripts');
    writeFileSync(path.join(corpus, 'empty.txt'), '');
    const reporter = api.collectingReporter();
    const result = await api.analyze({ paths: [corpus], codebook: CODEBOOK, generator: 'collab-code test', stream: { keptPerCode: 1 } }, reporter);
    expect('held' in result.analysis.codingRows).toBe(true);
    expect(reporter.messages).toContain('Choosing quotes went past the passages kept while streaming: reading the corpus again, whole');
    expect(reporter.warnings.filter((w) => w.message.startsWith('transcript is empty'))).toHaveLength(1);
    const { files } = await outputsOf({ paths: [corpus], stream: false });
    for (const file of await result.render()) expect(typeof file.content === 'string' ? file.content : [...(file.content as Iterable<string>)].join(''), file.name).toBe(files.get(file.name));
  });

  it('leaves no temporary file, and reads back what it wrote, in any order, characters cut between chunks whole', () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('collab-code-') && f.endsWith('.spill'));
    const file = new spill.Spill();
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('collab-code-') && f.endsWith('.spill'))).toEqual(before);
    // A piece over the reading chunk (1 MB) of two- and four-byte characters, so chunks end inside characters.
    const long = 'ñ🦜a'.repeat(200_000);
    const a = file.append(['first,', 'row\r\n']);
    const b = file.append([long]);
    const c = file.append(['último\r\n']);
    expect([...file.read([c, b, a])].join('')).toBe(`último\r\n${long}first,row\r\n`);
    expect([...file.read([])].join('')).toBe('');
    file.close();
  });
});

describe('what a streamed corpus leaves in memory', () => {
  it('keeps none of a long transcript’s text once it is coded (the codings, the last parse and the last batch let go)', () => {
    const cwd = scratch({ 'transcripts/LONG.txt': longTranscript(12 * 1024 * 1024, 'id: LONG\n'), 'short/A01.txt': readFileSync(path.join(EXAMPLE, 'A01.txt'), 'utf8') });
    const script = `
      const { readAndCodeStreamed } = await import(${JSON.stringify(path.join(ROOT, 'dist/app/streamed-corpus.js'))});
      const quiet = { progress() {}, warn() {}, info() {} };
      // Collected once what is still to run (timers, the temporary file's closing) has run.
      const used = async () => { await new Promise((resolve) => setTimeout(resolve, 100)); gc(); gc(); return process.memoryUsage().heapUsed; };
      // A short corpus first, so that the modules, the codebook and the coder's code are loaded before the baseline.
      await readAndCodeStreamed({ paths: ['short'], codebook: ${JSON.stringify(CODEBOOK)} }, process.cwd(), quiet);
      const before = await used();
      const corpus = await readAndCodeStreamed({ paths: ['transcripts'], codebook: ${JSON.stringify(CODEBOOK)} }, process.cwd(), quiet);
      console.log(JSON.stringify({ kept: (await used()) - before, codings: corpus.auto.codings }));`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { kept, codings } = JSON.parse(run.stdout) as { kept: number; codings: number };
    expect(codings).toBeGreaterThan(1000);
    // The text alone is 12 MB; what stays (summary, counts, the kept codings' turns) is a fraction of it.
    expect(kept).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);
});
