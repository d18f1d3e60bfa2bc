// collab-code as a library: the built package's entry point runs the same use cases as the CLI, printing nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CODEBOOK, ROOT, scratch } from '../helpers/cli.js';

// The package's "exports" entry, as `import … from 'collab-code'` resolves it.
const entry = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } }).exports['.'].default;
const api = (await import(path.join(ROOT, entry))) as typeof import('../../src/app/index.js');

describe('the library API', () => {
  afterEach(() => vi.restoreAllMocks());

  it('analyzes a corpus and renders the same outputs as the CLI, without printing', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const reporter = api.collectingReporter();
    const result = await api.analyze({ paths: ['fixtures/example'], cwd: ROOT, codebook: CODEBOOK, generator: 'collab-code 0.1.0' }, reporter);
    expect(result.analysis.sampleSize).toBe(14);
    const frequencies = (await result.render(['frequencies']))[0]!;
    expect(frequencies.name).toBe('frequencies.csv');
    expect(frequencies.content).toBe(readFileSync(path.join(ROOT, 'test/golden/example/frequencies.csv'), 'utf8'));
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('throws bad input as an InputError holding the problems, never exiting', async () => {
    const error = await api.analyze({ paths: ['no-such-folder'], cwd: scratch() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.InputError);
    expect((error as InstanceType<typeof api.InputError>).problems[0]).toMatchObject({ file: 'no-such-folder', severity: 'error' });
  });

  it('gives warnings to the reporter', async () => {
    const dir = scratch({ 'T1.txt': '' });
    const reporter = api.collectingReporter();
    await api.analyze({ paths: [dir], cwd: dir, codebook: CODEBOOK }, reporter);
    expect(reporter.warnings.map((w) => w.message)).toContain('transcript is empty: no respondent text to code');
  });

  it('validates codebooks and measures agreement', async () => {
    const validation = await api.validateCodebook(CODEBOOK);
    expect(validation.valid).toBe(true);
    const coders = ['coder-a.csv', 'coder-b.csv'].map((f) => path.join(ROOT, 'fixtures/codings', f));
    const result = await api.agreement({ files: coders, transcripts: ['fixtures/example'], cwd: ROOT, codebook: CODEBOOK, columns: ['transcript=document,text=segment'] });
    expect(result.agreement.coders).toEqual(['coder-a', 'coder-b']);
  });

  it('exports the coded project as bytes, and codebooks to and from REFI-QDA', async () => {
    const result = await api.analyze({ paths: ['fixtures/example'], cwd: ROOT, qdpx: true, generator: 'collab-code 0.1.0' });
    const project = (await result.render()).find((f) => f.name === api.PROJECT_FILE);
    expect(project?.content).toBeInstanceOf(Uint8Array);
    const cwd = scratch();
    const qdc = await api.exportCodebook(CODEBOOK, { cwd });
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(cwd, 'cc.qdc'), qdc);
    const imported = await api.importCodebook('cc.qdc', { cwd });
    expect(imported.codebook.codes).toHaveLength(42);
  });
});

describe('charts through the library', () => {
  it('are the same bytes rendered in the worker thread as in the calling thread, and as the golden files', async () => {
    const result = await api.analyze({ paths: ['fixtures/example'], cwd: ROOT, codebook: CODEBOOK, by: ['group'] });
    const files = await result.render();
    const svgs = files.filter((f) => f.name.endsWith('.svg'));
    expect(svgs.map((f) => f.name)).toEqual(['charts/codes.svg', 'charts/by-group.svg', 'charts/saturation.svg']);
    const { planCharts } = (await import(path.join(ROOT, 'dist/outputs/charts/plan.js'))) as typeof import('../../src/outputs/charts/plan.js');
    const { renderCharts } = (await import(path.join(ROOT, 'dist/outputs/charts/render.js'))) as typeof import('../../src/outputs/charts/render.js');
    const here = await renderCharts(planCharts(result.analysis));
    expect(here.map((c) => c.svg)).toEqual(svgs.map((f) => f.content));
    for (const f of svgs) expect(f.content, f.name).toBe(readFileSync(path.join(ROOT, 'test/golden/example', f.name), 'utf8'));
  });
});

describe('the leak check through the library', () => {
  it('finds in worker threads what the NLP library finds in the calling thread', async () => {
    const result = await api.analyze({ paths: ['fixtures/privacy'], cwd: ROOT, codebook: CODEBOOK, redact: 'quotes' });
    const { default: nlp } = await import('compromise');
    const { compromiseNameFinder } = (await import(path.join(ROOT, 'dist/core/privacy/nlp-names.js'))) as typeof import('../../src/core/privacy/nlp-names.js');
    const { createLeakCheck } = (await import(path.join(ROOT, 'dist/core/privacy/leak-check.js'))) as typeof import('../../src/core/privacy/leak-check.js');
    const { KnownNameMatcher } = (await import(path.join(ROOT, 'dist/core/privacy/known-names.js'))) as typeof import('../../src/core/privacy/known-names.js');
    const { protectAnalysis } = (await import(path.join(ROOT, 'dist/core/privacy/protect.js'))) as typeof import('../../src/core/privacy/protect.js');
    const unprotected = await api.analyze({ paths: ['fixtures/privacy'], cwd: ROOT, codebook: CODEBOOK, outputs: ['frequencies'] });
    // Only the NLP finder: what it finds alone must be redacted in the worker-checked quotes too.
    const check = createLeakCheck({ known: new KnownNameMatcher([]), nlp: { en: compromiseNameFinder(nlp as never) } });
    // The fixture's English interviews are E01 and E02.
    const languageOf = (id: string) => (id.startsWith('E') ? 'en' : 'es') as 'en' | 'es';
    const here = protectAnalysis(unprotected.analysis, check, { redact: 'quotes', languageOf, knownNames: 0, nlpLanguages: ['en'] });
    const nlpRedacted = here.quotes.filter((q, i) => q.words !== unprotected.analysis.quotes[i]!.words);
    expect(nlpRedacted.length).toBeGreaterThan(0);
    for (const quote of nlpRedacted) {
      const checked = result.analysis.quotes.find((q) => q.transcript === quote.transcript && q.turn === quote.turn && q.code.id === quote.code.id)!;
      for (const kind of quote.words.match(/\[(name|organisation|place)\]/g) ?? []) expect(checked.words).toContain(kind);
    }
    expect(result.analysis.privacy?.checked.nlpLanguages).toEqual(['en']);
  });
});

describe('the name finder threads', () => {
  it('find in two threads, for thousands of sentences, what the library finds in the calling thread', async () => {
    const { startNameFinderThread } = (await import(path.join(ROOT, 'dist/app/name-finder-thread.js'))) as typeof import('../../src/app/name-finder-thread.js');
    const { compromiseNameFinder } = (await import(path.join(ROOT, 'dist/core/privacy/nlp-names.js'))) as typeof import('../../src/core/privacy/nlp-names.js');
    const { default: nlp } = await import('compromise');
    const said = ['Kofi Mensah met us in Accra on Monday.', 'The Global Fund for Women wrote back.', 'Nobody came to the meeting.', 'We flew to Lima with Ana.'];
    // Enough sentences for a second thread (2,000 and more), each distinct.
    const sentences = Array.from({ length: 2_100 }, (_, i) => `${said[i % said.length]!} Round ${i}.`);
    const thread = startNameFinderThread();
    try {
      const find = await thread.readAll(sentences);
      const here = compromiseNameFinder(nlp as never);
      const differing = sentences.filter((s) => JSON.stringify(find(s)) !== JSON.stringify(here(s)));
      expect(differing).toEqual([]);
      expect(sentences.filter((s) => find(s).length > 0).length).toBeGreaterThan(1_000);
      expect(() => find('A sentence never given.')).toThrow(/not given/);
    } finally {
      await thread.close();
    }
  }, 60_000);
});
