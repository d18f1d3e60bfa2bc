// agreement, evaluate, codebook lint and analyze --codings end to end: the built CLI on fixtures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CODEBOOK, ROOT, runCli, scratch } from '../helpers/cli.js';

const CODINGS = path.join(ROOT, 'fixtures/codings');
const coderFiles = [path.join(CODINGS, 'coder-a.csv'), path.join(CODINGS, 'coder-b.csv')];
// coder-a has a segment that cannot be placed: its list goes to a scratch folder, never into the repository.
const agreementArgs = ['agreement', ...coderFiles, '--transcripts', 'fixtures/example', '--codebook', CODEBOOK, '--columns', 'transcript=document,text=segment', '--unplaced', path.join(scratch(), 'unplaced.csv')];

interface FigureJson {
  value: number | null;
  undefined?: string;
}
interface AgreementJson {
  unit: string;
  coders: string[];
  units: number;
  codes: { id: string; units: number; coded_by: Record<string, number>; percent_agreement: FigureJson; cohen_kappa?: FigureJson; fleiss_kappa?: FigureJson; krippendorff_alpha: FigureJson }[];
  overall: { units: number; cohen_kappa: FigureJson };
  one_code_per_unit: { not_applicable?: string; krippendorff_alpha?: FigureJson; fleiss_kappa?: FigureJson };
  pairs: { coders: string[]; cohen_kappa: FigureJson }[];
  disagreements: { transcript: string; turn: number; code: string; coded_by: string[]; not_coded_by: string[] }[];
}

describe('agreement', () => {
  const out = scratch();
  const unplaced = path.join(out, 'unplaced.csv');
  const run = runCli([...agreementArgs.slice(0, -2), '--format', 'json', '--unplaced', unplaced]);
  const json = JSON.parse(run.stdout) as AgreementJson;

  it('measures per code on presence or absence over every unit of the transcripts', () => {
    expect(run.status).toBe(0);
    expect(json.coders).toEqual(['coder-a', 'coder-b']);
    expect(json.units).toBe(45);
    // Long-term: coder-a coded M01 turns 6 and 8, coder-b turn 8 only; 43 units neither coded.
    // pₒ = 44/45; pₑ = (2·1 + 43·44)/45²; κ = (1980 − 1894)/(2025 − 1894) = 86/131.
    const longTerm = json.codes.find((c) => c.id === 'long-term')!;
    expect(longTerm.coded_by).toEqual({ 'coder-a': 2, 'coder-b': 1 });
    expect(longTerm.cohen_kappa!.value).toBeCloseTo(86 / 131, 4);
    expect(longTerm.percent_agreement.value).toBeCloseTo((44 / 45) * 100, 2);
    expect(longTerm).not.toHaveProperty('fleiss_kappa');
  });

  it('lists the disagreements with who coded what', () => {
    expect(json.disagreements.map((d) => [d.transcript, d.turn, d.code, d.coded_by.join(), d.not_coded_by.join()])).toEqual([
      ['A01', 6, 'standardised-management', 'coder-b', 'coder-a'],
      ['M01', 6, 'long-term', 'coder-a', 'coder-b'],
      ['M01', 8, 'meeting-in-person', 'coder-b', 'coder-a'],
      ['M05', 4, 'agenda-by-donors', 'coder-b', 'coder-a'],
      ['M05', 4, 'free-labour', 'coder-a', 'coder-b'],
    ]);
    expect(json.one_code_per_unit.not_applicable).toBe('some coder gave a unit more than one code');
  });

  it('places segments despite line breaks, typographic quotes, ellipses and a typo, and lists the one it cannot', () => {
    expect(run.stderr).toContain('25 of 26 segments placed (13 by turn, 8 exactly, 3 ignoring spacing, quotes, dashes or hyphenation, 1 approximately), 1 unplaced');
    expect(run.stderr).toContain(`1 unplaced segment listed in ${unplaced}`);
    expect(run.stderr).toMatch(/coder-a\.csv:9: warning: segment coded "Barriers > People > Exhaustion and burnout" in M01 not placed: not found/);
    const rows = parse(readFileSync(unplaced, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['line'], r['transcript'], r['text']])).toEqual([['9', 'M01', 'We never had any problem with donors at all.']]);
  });

  it('prints a Markdown table that states the unit and the formulas, and a CSV table', () => {
    const md = runCli(agreementArgs);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('Unit: respondent turn; 45 units.');
    expect(md.stdout).toContain('including units that no coder gave the code');
    expect(md.stdout).toMatch(/\| Long-term thinking and relationships \| 2 \/ 1 \| 97\.8% \| 0\.656 \| 0\.\d{3} \|/);
    expect(md.stdout).toContain("Krippendorff's α (nominal");
    const csv = runCli([...agreementArgs, '--format', 'csv']);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['code_id', 'code_label', 'unit', 'units', 'coded_by[coder-a]', 'coded_by[coder-b]', 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'notes']);
    expect(rows.at(-1)!['code_id']).toBe('(all codes)');
    expect(new Set(rows.map((r) => r['unit']))).toEqual(new Set(['turn']));
    expect(Number(rows.find((r) => r['code_id'] === 'long-term')!['cohen_kappa'])).toBeCloseTo(86 / 131, 4);
  });

  it("gives Fleiss' κ for three coders, one code per unit, and says when a figure is undefined", () => {
    const dir = scratch({
      'a.csv': 'transcript,turn,code\nM01,2,same-people\nM01,4,burnout\n',
      'b.csv': 'transcript,turn,code\nM01,2,same-people\nM01,4,burnout\n',
      'c.csv': 'transcript,turn,code\nM01,2,same-people\nM01,6,burnout\n',
    });
    const three = runCli(['agreement', 'a.csv', 'b.csv', 'c.csv', '--transcripts', path.join(ROOT, 'fixtures/example/M01.txt'), '--format', 'json'], { cwd: dir });
    expect(three.status).toBe(0);
    const j = JSON.parse(three.stdout) as AgreementJson;
    const samePeople = j.codes.find((c) => c.id === 'same-people')!;
    // Everyone coded turn 2 and nothing else: perfect agreement, with variation.
    expect(samePeople.fleiss_kappa!.value).toBe(1);
    expect(samePeople).not.toHaveProperty('cohen_kappa');
    // Pairs: a and b coded alike; c differs from both on turns 4 and 6.
    expect(j.pairs.map((p) => [p.coders.join(), p.cohen_kappa.value])).toEqual([
      ['a,b', 1],
      ['a,c', expect.any(Number)],
      ['b,c', expect.any(Number)],
    ]);
    expect(j.pairs[1]!.cohen_kappa.value).toBeLessThan(1);
    // One code per unit: 4 units; turn 2 all "same-people", turn 4 two "burnout" and a missing value, turn 6 one.
    expect(j.one_code_per_unit.krippendorff_alpha!.value).not.toBeNull();
    const everywhere = scratch({ 'a.csv': 'transcript,turn,code\nM01,2,x\nM01,4,x\nM01,6,x\nM01,8,x\n', 'b.csv': 'transcript,turn,code\nM01,2,x\nM01,4,x\nM01,6,x\nM01,8,x\n' });
    const flat = JSON.parse(runCli(['agreement', 'a.csv', 'b.csv', '--transcripts', path.join(ROOT, 'fixtures/example/M01.txt'), '--format', 'json'], { cwd: everywhere }).stdout) as AgreementJson;
    expect(flat.codes[0]!.cohen_kappa).toEqual({ value: null, undefined: 'both coders gave every unit the same one value, so chance agreement is 1 and κ is 0/0' });
    expect(flat.codes[0]!.percent_agreement.value).toBe(100);
  });

  it('warns when, without a codebook, the coders share no code name', () => {
    const dir = scratch({ 'a.csv': 'transcript,turn,code\nM01,2,same-people\n', 'b.csv': 'transcript,turn,code\nM01,2,Tendency to engage with the same people and organisations\n' });
    const run = runCli(['agreement', 'a.csv', 'b.csv', '--transcripts', path.join(ROOT, 'fixtures/example/M01.txt')], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('a.csv, b.csv: warning: the coders share no code name, so they can only disagree');
    const resolved = runCli(['agreement', 'a.csv', 'b.csv', '--transcripts', path.join(ROOT, 'fixtures/example/M01.txt'), '--codebook', CODEBOOK], { cwd: dir });
    expect(resolved.stderr).not.toContain('share no code');
    expect(resolved.stdout).toContain('## Disagreements (0)');
  });

  it('measures on characters and whole documents too', () => {
    const chars = JSON.parse(runCli([...agreementArgs, '--unit', 'character', '--format', 'json']).stdout) as AgreementJson;
    expect(chars.unit).toBe('character');
    // Characters of respondent text: far more units than turns; turn-coded segments cover whole turns.
    expect(chars.units).toBeGreaterThan(10_000);
    const samePeople = chars.codes.find((c) => c.id === 'same-people')!;
    expect(samePeople.coded_by['coder-a']).toBe('we see the same faces at every meeting'.length);
    const docs = JSON.parse(runCli([...agreementArgs, '--unit', 'document', '--format', 'json']).stdout) as AgreementJson;
    expect(docs.units).toBe(14);
    expect(docs.disagreements.map((d) => d.code)).toEqual(['standardised-management', 'meeting-in-person', 'agenda-by-donors', 'free-labour']);
  });
});

describe('agreement refuses bad input with one clear message and exit 2', () => {
  const transcripts = ['--transcripts', path.join(ROOT, 'fixtures/example')];
  const cases: [string, Record<string, string>, string[], RegExp][] = [
    ['an unknown transcript', { 'a.csv': 'transcript,turn,code\nM99,2,x\n', 'b.csv': 'transcript,turn,code\nM01,2,x\n' }, ['a.csv', 'b.csv'], /^a\.csv:2: error: unknown transcript "M99"/m],
    ['an unknown code', { 'a.csv': 'transcript,turn,code\nM01,2,burnot\n', 'b.csv': 'transcript,turn,code\nM01,2,burnout\n' }, ['a.csv', 'b.csv', '--codebook', CODEBOOK], /^a\.csv:2: error: unknown code "burnot" \(did you mean "burnout"\?\)/m],
    ['a file with no usable rows', { 'a.csv': 'transcript,turn,code\n', 'b.csv': 'transcript,turn,code\nM01,2,x\n' }, ['a.csv', 'b.csv'], /^a\.csv:1: error: no codings: the file has a header but no rows/m],
    ['the same coder in two files', { 'a.csv': 'transcript,turn,code,coder\nM01,2,x,ann\n', 'b.csv': 'transcript,turn,code,coder\nM01,4,x,ann\n' }, ['a.csv', 'b.csv'], /mismatched coder files: a\.csv and b\.csv both hold codings by "ann"/],
    ['one coder only', { 'a.csv': 'transcript,turn,code\nM01,2,x\n' }, ['a.csv'], /agreement needs two or more coders; a\.csv holds codings by "a" only/],
    ['a missing column', { 'a.csv': 'document,turn,code\nM01,2,x\n', 'b.csv': 'transcript,turn,code\nM01,2,x\n' }, ['a.csv', 'b.csv'], /^a\.csv:1: error: no "transcript" column\n {2}its columns: document, turn, code; name yours with --columns transcript=NAME/m],
  ];
  it.each(cases)('%s', (_, files, args, message) => {
    const run = runCli(['agreement', ...args, ...transcripts], { cwd: scratch(files) });
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});

describe('evaluate', () => {
  const dir = scratch({
    'T1.txt': 'Interviewer: How is it?\n\nRespondent: We face burnout every week.\n\nInterviewer: And money?\n\nRespondent: Funding is short, and we are tired.\n',
    'codebook.yaml':
      'title: Mini\nlanguage: en\ncategories:\n  - {id: people, label: People}\n  - {id: money, label: Money}\ntypes:\n  - {id: barrier, label: Barriers}\ncodes:\n' +
      '  - {id: burnout, label: Burnout, type: barrier, category: people, definition: Worn out., terms: {en: [burnout]}}\n' +
      '  - {id: funding, label: Funding, type: barrier, category: money, definition: Money., terms: {en: [funding]}}\n',
    'gold.csv': 'transcript,turn,code\nT1,2,burnout\nT1,4,burnout\n',
  });
  const run = runCli(['evaluate', 'T1.txt', '--gold', 'gold.csv', '--codebook', 'codebook.yaml', '--format', 'json'], { cwd: dir });
  const json = JSON.parse(run.stdout) as {
    codes: { id: string; support: number; true_positives: number; false_positives: number; false_negatives: number; precision: FigureJson; recall: FigureJson }[];
    micro: { precision: FigureJson; recall: FigureJson; f1: FigureJson };
    macro: { codes: number; precision: FigureJson };
    top1: { units: number; code: FigureJson; category_and_type: FigureJson };
    false_positives: { turn: number; code: string; fired: { code: string; terms: string[] }[] }[];
    false_negatives: { turn: number; code: string; fired: { code: string; terms: string[] }[] }[];
  };

  it('scores each code and the averages against the gold', () => {
    expect(run.status).toBe(0);
    expect(json.codes.map((c) => [c.id, c.support, c.true_positives, c.false_positives, c.false_negatives])).toEqual([
      ['burnout', 2, 1, 0, 1],
      ['funding', 0, 0, 1, 0],
    ]);
    expect(json.codes[0]!.recall.value).toBe(0.5);
    expect(json.codes[1]!.recall).toEqual({ value: null, undefined: 'the gold never applied it' });
    expect([json.micro.precision.value, json.micro.recall.value, json.micro.f1.value]).toEqual([0.5, 0.5, 0.5]);
    // Macro over the codes the gold applied: burnout only.
    expect(json.macro).toMatchObject({ codes: 1, precision: { value: 1 } });
  });

  it('gives top-1 accuracy at code and at category + type level', () => {
    // Turn 2: top code burnout, right. Turn 4: top code funding, wrong code; a barrier too, but of another category.
    expect(json.top1).toEqual({ units: 2, uncoded: 0, code: { value: 0.5 }, category_and_type: { value: 0.5 } });
  });

  it('lists false positives with the terms that fired, false negatives with what auto coded instead', () => {
    expect(json.false_positives.map((m) => [m.turn, m.code, m.fired])).toEqual([[4, 'funding', [{ code: 'funding', terms: ['funding'] }]]]);
    expect(json.false_negatives.map((m) => [m.turn, m.code, m.fired])).toEqual([[4, 'burnout', [{ code: 'funding', terms: ['funding'] }]]]);
  });

  it('writes the same scores as CSV, with the averages as the last rows', () => {
    const csv = runCli(['evaluate', 'T1.txt', '--gold', 'gold.csv', '--codebook', 'codebook.yaml', '--format', 'csv'], { cwd: dir });
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['code_id'], r['unit'], r['precision'], r['recall'], r['f1']])).toEqual([
      ['burnout', 'turn', '1', '0.5', '0.6667'],
      ['funding', 'turn', '0', 'undefined', 'undefined'],
      ['(micro average)', 'turn', '0.5', '0.5', '0.5'],
      ['(macro average)', 'turn', '1', '0.5', '0.6667'],
    ]);
  });

  it('reports on the example corpus against the hand-coded gold, in Markdown', () => {
    const md = runCli(['evaluate', 'fixtures/example', '--gold', 'fixtures/codings/gold.csv']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/\| \*\*Micro average\*\* \(all unit × code decisions\) \| {2}\| {2}\| \d+ \| \d+ \| \d+ \| 0\.\d{3} \| [01]\.\d{3} \| 0\.\d{3} \|/);
    expect(md.stdout).toContain('## False positives');
    expect(md.stderr).toContain('69 of 69 segments placed');
  });
});

describe('codebook lint', () => {
  const dir = scratch({
    'T1.txt': 'Respondent: We face burnout and more burnout. Funding is short.\n',
    'T2.txt': 'Respondent: Burnout again.\n',
    'codebook.yaml':
      'title: Mini\nlanguage: en\ncategories:\n  - {id: people, label: People}\ntypes:\n  - {id: barrier, label: Barriers}\ncodes:\n' +
      '  - {id: burnout, label: Burnout, type: barrier, category: people, definition: Worn out., terms: {en: [burnout, exhausted]}}\n' +
      '  - {id: funding, label: Funding, type: barrier, category: people, definition: Money., terms: {en: [funding, burnouts]}}\n' +
      '  - {id: safety, label: Safety, type: barrier, category: people, definition: Risk., terms: {en: [arrested]}}\n',
  });

  it('prints its findings and exits 0, or 1 with --strict', () => {
    const run = runCli(['codebook', 'lint', 'codebook.yaml', '.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    const findings = (JSON.parse(run.stdout) as { findings: Record<string, unknown>[] }).findings;
    expect(findings).toEqual([
      { kind: 'never-raised', code: 'safety' },
      { kind: 'never-matches', code: 'burnout', language: 'en', terms: ['exhausted'], exclusions: [] },
      { kind: 'never-matches', code: 'safety', language: 'en', terms: ['arrested'], exclusions: [] },
      { kind: 'shared-term', language: 'en', matches: 'burnout', uses: [{ code: 'burnout', term: 'burnout' }, { code: 'funding', term: 'burnouts' }] },
    ]);
    expect(runCli(['codebook', 'lint', 'codebook.yaml', '.', '--strict'], { cwd: dir }).status).toBe(1);
    const md = runCli(['codebook', 'lint', 'codebook.yaml', '.'], { cwd: dir });
    expect(md.stdout).toContain('## Terms shared by several codes (1)');
    expect(md.stderr).toContain('codebook.yaml: 4 findings on 2 transcripts');
  });
});

describe('analyze --codings', () => {
  it('analyses human codings without a codebook: the codes are the file’s, hierarchy kept', () => {
    // From a folder without collab-code.yaml, whose codebook setting would apply otherwise.
    const out = scratch();
    const run = runCli(['analyze', path.join(ROOT, 'fixtures/example'), '--codings', path.join(CODINGS, 'coder-a.csv'), '--columns', 'transcript=document,text=segment', '--out', out], { cwd: out });
    expect(run.status).toBe(0);
    const frequencies = parse(readFileSync(path.join(out, 'frequencies.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const burnout = frequencies.find((f) => f['label'] === 'Exhaustion and burnout')!;
    expect(burnout).toMatchObject({ code_id: 'Barriers > People > Exhaustion and burnout', category: 'Barriers > People', interviews: '1', mentions: '1' });
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('The codings were made by hand (coder: coder-a)');
    expect(existsSync(path.join(out, 'unplaced-codings.csv'))).toBe(true);
    expect(run.stderr).toContain(`listed in ${out}/unplaced-codings.csv`);
  });

  it('keeps human and automatic codings apart with --auto, and --check covers both', () => {
    const out = scratch();
    const args = ['analyze', 'fixtures/example', '--codings', 'fixtures/codings/gold.csv', '--auto', '--out', out];
    expect(runCli(args).status).toBe(0);
    const codings = parse(readFileSync(path.join(out, 'codings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(new Set(codings.map((c) => c['source']))).toEqual(new Set(['human', 'auto']));
    expect(codings.filter((c) => c['source'] === 'human')).toHaveLength(69);
    expect(codings.find((c) => c['source'] === 'human')).toMatchObject({ coder: 'gold', score: '', matched_terms: '' });
    const frequencies = readFileSync(path.join(out, 'frequencies.csv'), 'utf8');
    expect(frequencies.split('\r\n')[0]).toMatch(/,auto_interviews,auto_interviews_pct,auto_mentions$/);
    const check = runCli([...args, '--check']);
    expect(check.stderr).toContain('all 12 outputs are up to date');
    expect(check.status).toBe(0);
  });
});

describe('codings files as spreadsheets export them', () => {
  const transcripts = ['--transcripts', path.join(ROOT, 'fixtures/example/M01.txt'), '--format', 'json'];

  it('reads semicolon-separated files and multi-line quoted segments', () => {
    const dir = scratch({
      'a.csv': 'transcript;code;text\nM01;burnout;"My team is\nexhausted."\nM01;rivalry;That rivalry gets into the culture\n',
      'b.csv': 'transcript,code,turn\nM01,burnout,4\n',
    });
    const run = runCli(['agreement', 'a.csv', 'b.csv', ...transcripts], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('3 of 3 segments placed (1 by turn, 1 exactly, 1 ignoring spacing, quotes, dashes or hyphenation)');
  });

  it('names the line of invalid CSV', () => {
    const dir = scratch({ 'a.csv': 'transcript,code,turn\nM01,burnout,4\nM01,"burnout,6\n', 'b.csv': 'transcript,code,turn\nM01,burnout,4\n' });
    const run = runCli(['agreement', 'a.csv', 'b.csv', ...transcripts], { cwd: dir });
    expect(run.stderr).toMatch(/^a\.csv:3: error: not valid CSV: /m);
    expect(run.status).toBe(2);
  });
});
