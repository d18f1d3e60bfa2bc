// Sharded runs: analyze --shard K/N in parallel (xargs -P), then merge, give the bytes one analyze run gives; and
// what merge refuses.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/core/shards/shard.js';
import { BIN, digest, EXAMPLE, ROOT, runCli, scratch, scratchWithExample } from '../helpers/cli.js';

/** Runs the N shards as a user would on one machine: xargs -P N, each a process of its own. */
function runShards(cwd: string, count: number, args: readonly string[]): void {
  const quoted = [process.execPath, BIN, 'analyze', ...args, '--shard', `{}/${count}`, '--out', 'parts', '-q'].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const ks = Array.from({ length: count }, (_, i) => i + 1).join('\n');
  const run = spawnSync('sh', ['-c', `printf '${ks}\\n' | xargs -P ${count} -I{} ${quoted}`], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

const partsIn = (cwd: string): string[] =>
  readdirSync(path.join(cwd, 'parts'))
    .sort()
    .map((f) => `parts/${f}`);

/** Every file of every output folder, charts/ included, by path and SHA-256. */
function expectSameOutputs(cwd: string, single: string, merged: string): void {
  const a = digest(path.join(cwd, single));
  expect(a.split('\n').length).toBeGreaterThanOrEqual(10);
  expect(a).toContain('charts/');
  expect(digest(path.join(cwd, merged))).toBe(a);
}

const PRIVACY = path.join(ROOT, 'fixtures/privacy');

describe.each([
  ['the example corpus and default settings', EXAMPLE, []],
  [
    'the example corpus, breakdowns, redaction, suggestions, attributed quotes, a minimum score, gold codings and a QDA project',
    EXAMPLE,
    ['--by', 'group', '--redact', '--suggest', '--attribute-quotes', 'group', '--min-score', '2', '--gold', 'gold.csv', '--qdpx'],
  ],
  // Names to find, quotes withheld (consent no) and awaiting review: the leak check and consent act in merge too.
  ['the privacy corpus, private names and redaction', PRIVACY, ['--private-names', 'private-names.txt', '--redact', 'all']],
])('three shards merged: %s', (_, corpus, settings) => {
  let cwd: string;
  beforeAll(() => {
    cwd = scratch();
    cpSync(corpus, path.join(cwd, 'transcripts'), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures/codings/gold.csv'), path.join(cwd, 'gold.csv'));
    cpSync(path.join(ROOT, 'fixtures/privacy-key/private-names.txt'), path.join(cwd, 'private-names.txt'));
    expect(runCli(['analyze', 'transcripts', ...settings, '--out', 'single', '-q'], { cwd }).status).toBe(0);
    runShards(cwd, 3, ['transcripts', ...settings]);
  });

  it('writes three parts, each transcript in one, with no absolute path and the same bytes on a second run', () => {
    const parts = partsIn(cwd);
    expect(parts).toEqual(['parts/part-1-of-3.collab-code.jsonl', 'parts/part-2-of-3.collab-code.jsonl', 'parts/part-3-of-3.collab-code.jsonl']);
    const ids = parts.flatMap((p) => readFileSync(path.join(cwd, p), 'utf8').trimEnd().split('\n').slice(1).map((line) => (JSON.parse(line) as { transcript: { id: string } }).transcript.id));
    expect(ids.sort()).toEqual(readdirSync(corpus).filter((f) => f !== 'README.md').map((f) => f.replace(/\.\w+$/, '')).sort());
    for (const p of parts) expect(readFileSync(path.join(cwd, p), 'utf8')).not.toContain(cwd);
    const before = digest(path.join(cwd, 'parts'));
    runShards(cwd, 3, ['transcripts', ...settings]);
    expect(digest(path.join(cwd, 'parts'))).toBe(before);
  });

  it('merge writes the bytes of the single run, every file', () => {
    const run = runCli(['merge', ...partsIn(cwd), '--out', 'merged'], { cwd });
    expect(run.status).toBe(0);
    expectSameOutputs(cwd, 'single', 'merged');
    // The parts hold the text as said; merge runs the leak check and redacts.
    if (settings.includes('--redact')) expect(run.stderr).toMatch(/Leak check: redacted \d+ names?/);
  });

  it('merge --check finds the single run up to date, and --print gives its output', () => {
    expect(runCli(['merge', ...partsIn(cwd), '--check', '--out', 'single'], { cwd }).status).toBe(0);
    const printed = runCli(['merge', ...partsIn(cwd), '--out', 'single', '--print', 'quotes'], { cwd });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(readFileSync(path.join(cwd, 'single', 'quotes.csv'), 'utf8'));
  });
});

describe('a folder of mixed formats with a participants table, in two shards', () => {
  it('merges into the bytes of the single run', () => {
    const cwd = scratch({
      'interviews/M01.txt': '---\ngroup: members\n---\nInterviewer: What held the work back?\nRespondent: Funding, always funding, and the reporting on it.\n',
      'interviews/M02.md': '---\nid: M02\ngroup: members\n---\n**Interviewer:** And trust?\n\n**Respondent:** Trust grew once we met in person.\n',
      'interviews/E01.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Entrevistadora>¿Qué les ayudó?</v>\n\n00:00:04.500 --> 00:00:09.000\n<v Inés>La confianza entre organizaciones y la financiación flexible.</v>\n',
      'interviews/D01.srt': '1\n00:00:00,000 --> 00:00:02,500\nInterviewer: Any obstacle?\n\n2\n00:00:03,000 --> 00:00:07,000\nRespondent: Competition for the same grants, and burnout.\n',
      'interviews/A01.csv': 'speaker,text,time\nInterviewer,What changed for you?,00:00:05\nRespondent,We shared resources and the burnout eased.,00:00:11\n',
      'participants.csv': 'id,group,language\nE01,allies,es\nD01,donors,en\nA01,allies,en\n',
    });
    const settings = ['interviews', '--participants', 'participants.csv', '--participants-id', 'id', '--by', 'group'];
    expect(runCli(['analyze', ...settings, '--out', 'single', '-q'], { cwd }).status).toBe(0);
    runShards(cwd, 2, settings);
    const run = runCli(['merge', ...partsIn(cwd), '--out', 'merged'], { cwd });
    expect(run.status).toBe(0);
    expectSameOutputs(cwd, 'single', 'merged');
  });
});

describe('a REFI-QDA project as the corpus, in three shards', () => {
  it('splits its sources among the shards and merges into the bytes of the single run', () => {
    const cwd = scratchWithExample();
    expect(runCli(['analyze', 'transcripts', '--qdpx', '--out', 'exported', '-q'], { cwd }).status).toBe(0);
    cpSync(path.join(cwd, 'exported', 'collab-code.qdpx'), path.join(cwd, 'project.qdpx'));
    expect(runCli(['analyze', 'project.qdpx', '--out', 'single', '-q'], { cwd }).status).toBe(0);
    runShards(cwd, 3, ['project.qdpx']);
    const sizes = partsIn(cwd).map((p) => readFileSync(path.join(cwd, p), 'utf8').trimEnd().split('\n').length - 1);
    expect(sizes.reduce((n, k) => n + k, 0)).toBe(14);
    expect(Math.max(...sizes)).toBeLessThan(14);
    expect(runCli(['merge', ...partsIn(cwd), '--out', 'merged'], { cwd }).status).toBe(0);
    expectSameOutputs(cwd, 'single', 'merged');
  });
});

describe('merge refuses, exit 2, naming the file', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = scratchWithExample();
    runShards(cwd, 3, ['transcripts']);
  });
  const refused = (args: readonly string[], ...expected: string[]) => {
    const run = runCli(['merge', ...args, '--out', 'merged'], { cwd });
    expect(run.status).toBe(2);
    for (const e of expected) expect(run.stderr).toContain(e);
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).not.toContain('merged');
  };

  it('a missing part, with the command that makes it', () => refused(['parts/part-1-of-3.collab-code.jsonl', 'parts/part-3-of-3.collab-code.jsonl'], 'part 2 of 3 missing', '--shard 2/3'));

  it('a part given twice', () => refused([...partsIn(cwd), 'parts/part-2-of-3.collab-code.jsonl'], 'parts/part-2-of-3.collab-code.jsonl:1: error: part 2 of 3 again'));

  /** merge, after one part is made again in a copy of the folder, `change` done there first. */
  const afterRemaking = (shard: string, args: readonly string[], change: (dir: string) => void = () => undefined) => {
    const other = scratch();
    cpSync(cwd, other, { recursive: true });
    change(other);
    expect(runCli(['analyze', 'transcripts', '--shard', shard, ...args, '--out', 'parts', '-q'], { cwd: other }).status).toBe(0);
    const run = runCli(['merge', ...partsIn(other), '--out', 'merged'], { cwd: other });
    expect(run.status).toBe(2);
    return run.stderr;
  };

  it('a part made with other settings', () => {
    expect(afterRemaking('2/3', ['--min-score', '2'])).toContain('parts/part-2-of-3.collab-code.jsonl:1: error: made with other settings, another codebook or another version of collab-code than parts/part-1-of-3.collab-code.jsonl');
  });

  it('a part made with another codebook', () => {
    const yaml = 'title: Mine\nlanguage: en\ncategories:\n  - {id: money, label: Money}\ntypes:\n  - {id: barrier, label: Barriers}\ncodes:\n  - {id: funding, label: Funding, type: barrier, category: money, terms: {en: [funding]}}\n';
    const stderr = afterRemaking('3/3', ['--codebook', 'mine.yaml'], (dir) => writeFileSync(path.join(dir, 'mine.yaml'), yaml));
    expect(stderr).toContain('parts/part-3-of-3.collab-code.jsonl:1: error: made with other settings, another codebook');
  });

  it('parts cut from other transcripts', () => {
    const stderr = afterRemaking('1/3', [], (dir) => cpSync(path.join(dir, 'transcripts', 'M01.txt'), path.join(dir, 'transcripts', 'M99.txt')));
    expect(stderr).toMatch(/error: cut from other transcripts \(1[45] files\) than/);
  });

  it('a transcript in two parts: two files giving one id, in different shards', () => {
    // Two files named alike in two folders: one run refuses the duplicate id; two shards each take one.
    const name = ['X1', 'X2', 'X3', 'X4', 'X5', 'X6'].find((n) => shardOf(`a/${n}.txt`, 2) !== shardOf(`b/${n}.txt`, 2))!;
    const text = '---\ngroup: members\n---\nInterviewer: Anything else?\nRespondent: Funding.\n';
    const dir = scratch({ [`a/${name}.txt`]: text, [`b/${name}.txt`]: text });
    expect(runCli(['analyze', 'a', 'b', '-q'], { cwd: dir }).status).toBe(2);
    runShards(dir, 2, ['a', 'b']);
    const run = runCli(['merge', ...partsIn(dir), '--out', 'merged'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: transcript "${name}"`);
    expect(run.stderr).toMatch(/is in parts\/part-[12]-of-2\.collab-code\.jsonl too/);
  });

  it('parts another version of collab-code wrote', () => {
    const other = scratch();
    cpSync(cwd, other, { recursive: true });
    for (const part of partsIn(other)) {
      const file = path.join(other, part);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"generator":"collab-code ', '"generator":"collab-code 0.0.1-old'));
    }
    const run = runCli(['merge', ...partsIn(other), '--out', 'merged'], { cwd: other });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parts\/part-1-of-3\.collab-code\.jsonl:1: error: written by collab-code 0\.0\.1-old\S+, and this is collab-code \d/m);
  });

  it('a file that is not a part', () => refused(['transcripts/M01.txt'], 'transcripts/M01.txt:1: error: not JSON'));

  it('a part that does not exist', () => refused(['parts/part-9-of-3.collab-code.jsonl'], 'parts/part-9-of-3.collab-code.jsonl: error: no such part'));
});

describe('analyze --shard refuses, exit 2', () => {
  it.each([
    [['transcripts', '--shard', '4/3'], '--shard takes K/N'],
    [['transcripts', '--shard', '1/3', '--codings', 'x.csv'], 'human codings'],
    [['transcripts', '--shard', '1/3', '--print', 'codings'], 'cannot be used with --print or --check'],
  ])('%j', (args, message) => {
    const cwd = scratchWithExample();
    const run = runCli(['analyze', ...args], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readdirSync(cwd)).toEqual(['transcripts']);
  });
});
