// Hostile and broken input (issue 13): each case a probe once found hanging, crashing, leaking or half-writing
// collab-code, run through the real CLI on fixtures made here. Sizes that need hundreds of MB are parameters: the
// mechanism is tested at a size CI can afford (HOSTILE_MB raises it, e.g. HOSTILE_MB=250 for the full case).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BIN, CODEBOOK, runCli, scratch, scratchWithExample } from '../helpers/cli.js';

const MB = Number(process.env['HOSTILE_MB'] ?? 3);

/** A codebook of one code whose terms are `terms` (YAML flow items). */
const codebookWith = (terms: string) =>
  `title: Test\nlanguage: en\ncategories:\n  - {id: people, label: People}\ntypes:\n  - {id: barrier, label: Barriers}\ncodes:\n  - id: burnout\n    label: Burnout\n    type: barrier\n    category: people\n    definition: Exhaustion from the work.\n    terms:\n      en: [exhausted, ${terms}]\n`;

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
const leftovers = (dir: string) => readdirSync(dir).filter((e) => e.includes('collab-code-') || e.endsWith('.tmp'));

describe('a regular expression term that backtracks catastrophically', () => {
  // The probe's term: on "an ordinary sentence ending in a bang!" it tries every split of the words before failing.
  const dir = scratch({ 'codebook.yaml': codebookWith(String.raw`'/(\w+\s?)+$/'`), 't/T1.txt': 'Respondent: We kept going, even when we were exhausted!\n' });

  it('is refused by codebook validate with its line, before anything runs', () => {
    const run = runCli(['codebook', 'validate', 'codebook.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/codebook\.yaml:14:\d+: error: terms\.en: the regular expression \/\(\\w\+\\s\?\)\+\$\/ can take exponential time/);
  });

  it('stops analyze and lint with the same error, exit 2, instead of hanging', () => {
    for (const args of [['analyze', 't', '--codebook', 'codebook.yaml', '--out', 'out'], ['codebook', 'lint', 'codebook.yaml', 't']]) {
      const run = runCli(args, { cwd: dir });
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr).toContain('can take exponential time');
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    }
  });

  it('does not hold back ordinary regex terms', () => {
    const ok = scratch({ 'codebook.yaml': codebookWith(String.raw`'/\b(?:burn(?:ed|t)? out|worn out)\b/', '/(?<!un)paid\b/'`) });
    expect(runCli(['codebook', 'validate', 'codebook.yaml'], { cwd: ok }).status).toBe(0);
  });
});

describe('signals while coding runs', () => {
  // (a|a)*b is exponential on a run of a's, yet passes the static check (the analyser finds only polynomial
  // backtracking in it): the case the time budget and breakOnSigint are for.
  const slow = (runOf: number, transcripts: number) =>
    scratch({
      'codebook.yaml': codebookWith(`'/(a|a)*b/'`),
      ...Object.fromEntries(Array.from({ length: transcripts }, (_, i) => [`t/T${i}.txt`, `Respondent: ${'a'.repeat(runOf)}!\n`])),
    });

  const stop = (dir: string, signal: NodeJS.Signals, afterMs: number) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'analyze', 't', '--codebook', 'codebook.yaml', '--out', 'out'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      setTimeout(() => child.kill(signal), afterMs);
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('Ctrl-C (SIGINT) stops a regex that would run for hours, exit 130, nothing written', async () => {
    const dir = slow(40, 1);
    const run = await stop(dir, 'SIGINT', 2000);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('collab-code: stopped by SIGINT');
    noStackTrace(run.stderr);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal, Ctrl-C is a signal the spinner does not swallow, and the cursor comes back', () => {
    const dir = slow(40, 1);
    const typescript = path.join(dir, 'typescript');
    // script(1) gives the CLI a pseudo-terminal; the byte \x03 typed into it is Ctrl-C.
    const command = `stty cols 80; "${process.execPath}" "${BIN}" analyze t --codebook codebook.yaml --out out`;
    const run = spawnSync('sh', ['-c', `(sleep 3; printf '\\003'; sleep 2) | script -qfec '${command}' "${typescript}" > /dev/null`], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', TERM: 'xterm' } });
    expect(run.status).toBe(130);
    const screen = readFileSync(typescript, 'utf8');
    expect(screen).toContain('collab-code: stopped by SIGINT');
    // The spinner hides the cursor while it spins; whatever stops the run shows it again.
    if (screen.includes('\u001b[?25l')) expect(screen.lastIndexOf('\u001b[?25h')).toBeGreaterThan(screen.lastIndexOf('\u001b[?25l'));
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('SIGTERM stops a long coding run between transcripts, exit 143', async () => {
    // A hundred transcripts of ~0.1 s each: without yielding, SIGTERM would wait for all of them.
    const dir = slow(23, 100);
    const run = await stop(dir, 'SIGTERM', 2000);
    expect(run.code).toBe(143);
    expect(run.stderr).toContain('collab-code: stopped by SIGTERM');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('a glob with several * against a long file name', () => {
  it('is matched in linear time, and right', () => {
    const long = 'a'.repeat(240);
    const dir = scratch({ [`t/${long}.txt`]: 'Respondent: We were exhausted.\n', [`t/${long}b.txt`]: 'Respondent: We were exhausted.\n' });
    // Compiled to a regex, this pattern backtracks n^8 on the first name: hours.
    const run = runCli(['analyze', 't/*a*a*a*a*a*a*a*a*b.txt', '--print', 'summary'], { cwd: dir });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { interviews: { id: string }[] }).interviews.map((i) => i.id)).toEqual([`${long}b`]);
  });
});

describe('front matter keys named like Object properties', () => {
  it('are attributes like any other, in one transcript and not another', () => {
    const dir = scratch({
      't/T1.txt': '---\nconstructor: a\ntoString: b\nvalueOf: c\n__proto__: d\nhasOwnProperty: e\n---\nRespondent: We were exhausted.\n',
      't/T2.txt': '---\ngroup: members\n---\nRespondent: We were exhausted too.\n',
    });
    const run = runCli(['analyze', 't', '--by', 'constructor,__proto__,toString', '--print', 'summary'], { cwd: dir });
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as { interviews: { id: string; attributes: Record<string, string> }[]; codes: { breakdown: { attribute: string; value: string }[] }[] };
    // (JSON, not an object literal: in a literal, __proto__ would set the prototype.)
    expect(summary.interviews[0]!.attributes).toEqual(JSON.parse('{"__proto__":"d","constructor":"a","hasOwnProperty":"e","toString":"b","valueOf":"c"}'));
    expect(summary.interviews[1]!.attributes).toEqual({ group: 'members' });
    expect(summary.codes[0]!.breakdown.map((b) => `${b.attribute}=${b.value}`)).toEqual([
      'constructor=a',
      'constructor=(not given)',
      '__proto__=d',
      '__proto__=(not given)',
      'toString=b',
      'toString=(not given)',
    ]);
  });
});

describe('attributes named like Object properties in other formats and in a participants table', () => {
  it('are data too: a subtitle file without front matter, and a table column named constructor', () => {
    const dir = scratch({
      't/T1.txt': '---\nconstructor: a\n---\nRespondent: We were exhausted.\n',
      't/T2.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>We were exhausted too.\n',
      'people.csv': 'id,toString,__proto__\nT1,x,y\nT2,z,w\n',
    });
    const run = runCli(['analyze', 't', '--participants', 'people.csv', '--by', 'constructor,toString,__proto__', '--print', 'frequencies'], { cwd: dir });
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toContain('interviews[constructor=a],interviews[constructor=(not given)],interviews[toString=x],interviews[toString=z],interviews[__proto__=w],interviews[__proto__=y]');
  });
});

describe('symbolic links in a transcript folder', () => {
  const layout = () => {
    const dir = scratch({ 'secret/passwd.txt': 'Respondent: root:x:0:0 a secret outside the corpus\n', 'corpus/T1.txt': 'Respondent: We were exhausted.\n', 'corpus/sub/T2.txt': 'Respondent: Exhausted again.\n' });
    symlinkSync(path.join(dir, 'secret/passwd.txt'), path.join(dir, 'corpus/leak.txt'));
    symlinkSync(path.join(dir, 'secret'), path.join(dir, 'corpus/elsewhere'));
    symlinkSync('..', path.join(dir, 'corpus/sub/loop'));
    symlinkSync('../T1.txt', path.join(dir, 'corpus/sub/again.txt'));
    return dir;
  };

  it('are not followed out of the folder: what was skipped is listed, and nothing outside is quoted', () => {
    const dir = layout();
    const run = runCli(['analyze', 'corpus', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning: symbolic links out of corpus skipped: 2 times, at corpus/elsewhere, corpus/leak.txt');
    expect(run.stderr).toContain('--follow-symlinks');
    const summary = JSON.parse(readFileSync(path.join(dir, 'out/summary.json'), 'utf8')) as { interviews: { id: string }[] };
    // The loop and the link to T1 inside the folder read each file once: no "duplicate id".
    expect(summary.interviews.map((i) => i.id)).toEqual(['T1', 'T2']);
    for (const file of readdirSync(path.join(dir, 'out'), { recursive: true, encoding: 'utf8' })) {
      if (statSync(path.join(dir, 'out', file)).isFile()) expect(readFileSync(path.join(dir, 'out', file), 'utf8')).not.toContain('root:x');
    }
  });

  it('are followed when asked, each real file once', () => {
    const run = runCli(['analyze', 'corpus', '--follow-symlinks', '--print', 'summary'], { cwd: layout() });
    expect(run.status).toBe(0);
    // The file outside is reached twice (leak.txt, elsewhere/passwd.txt) and read once.
    const ids = (JSON.parse(run.stdout) as { interviews: { id: string }[] }).interviews.map((i) => i.id);
    expect(ids).toHaveLength(3);
    expect(ids.slice(0, 2)).toEqual(['T1', 'T2']);
  });
});

describe('standard output that cannot take the data', () => {
  it('a full disk (/dev/full) is an error naming it, exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    const run = spawnSync(process.execPath, [BIN, 'analyze', 'fixtures/example', '--codebook', CODEBOOK, '--print', 'codings'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('standard output (/dev/full): error: cannot write the output: no space left on the device');
    noStackTrace(run.stderr);
  });

  it('a reader that stops early (| head) is not an error', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" analyze fixtures/example --codebook "${CODEBOOK}" --print codings | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('0');
    expect(run.stderr).toBe('');
  });
});

describe('the output folder', () => {
  const analyze = (cwd: string, ...more: string[]) => runCli(['analyze', 'transcripts', '--codebook', CODEBOOK, '--out', 'report', ...more], { cwd });

  it('is replaced whole: files of an earlier run that this run does not write go, and --check reports them first', () => {
    const dir = scratchWithExample();
    expect(analyze(dir).status).toBe(0);
    writeFileSync(path.join(dir, 'report/unplaced-codings.csv'), 'transcript,code\r\nM01,burnout\r\n');
    const check = analyze(dir, '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('report/unplaced-codings.csv: stale: an earlier run wrote it and this one does not');
    expect(analyze(dir).status).toBe(0);
    expect(readdirSync(path.join(dir, 'report')).sort()).toEqual(['charts', 'codings.csv', 'cooccurrence.csv', 'frequencies.csv', 'quotes.csv', 'report.html', 'report.md', 'saturation.csv', 'summary.json']);
    expect(analyze(dir, '--check').status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it('is not replaced when it holds files collab-code does not write: they would be lost', () => {
    const dir = scratchWithExample();
    mkdirSync(path.join(dir, 'report'));
    writeFileSync(path.join(dir, 'report/notes.txt'), 'mine');
    const run = analyze(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('report: error: the folder holds files collab-code does not write (notes.txt)');
    expect(readdirSync(path.join(dir, 'report'))).toEqual(['notes.txt']);
  });

  it('is cleaned of what killed runs left: temporary folders and files beside it and in it', () => {
    const dir = scratchWithExample();
    expect(analyze(dir).status).toBe(0);
    // PID 2^22+1 is above Linux's pid_max: no process has it.
    const dead = 4194305;
    mkdirSync(path.join(dir, `.report.collab-code-${dead}-1.tmp`));
    writeFileSync(path.join(dir, `.report.collab-code-${dead}-1.tmp/codings.csv`), 'half a file');
    writeFileSync(path.join(dir, `report/.codings.csv.${dead}.tmp`), 'what versions before 0.2 left');
    expect(analyze(dir).status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(path.join(dir, 'report')).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('keeps the previous outputs when a run is stopped while writing, and leaves no temporary files', async () => {
    const dir = scratch({ 'report/codings.csv': 'the previous run\r\n' });
    // A write of many chunks that sends itself SIGTERM halfway, handled as the CLI's bin handles it.
    const script = `
      import { writeOutputs } from ${JSON.stringify(path.resolve('dist/io/write-outputs.js'))};
      import { interrupted, STOP_SIGNALS } from ${JSON.stringify(path.resolve('dist/cli/main.js'))};
      for (const s of STOP_SIGNALS) process.on(s, () => process.exit(interrupted(s)));
      function* chunks() { for (let i = 0; i < 1000; i++) { if (i === 3) process.kill(process.pid, 'SIGTERM'); yield 'x'.repeat(1 << 20); } }
      await writeOutputs('report', [{ name: 'codings.csv', content: chunks() }], ${JSON.stringify(dir)});
      console.log('finished');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(143);
    expect(run.stdout).not.toContain('finished');
    expect(readFileSync(path.join(dir, 'report/codings.csv'), 'utf8')).toBe('the previous run\r\n');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('large inputs', () => {
  it(`a codings.csv of ${MB} MB and more is written in chunks, whole and parseable`, () => {
    // Each turn codes once; the CSV is about the corpus's size. (At 200 MB and more it used to be one string, past V8's limit.)
    const turn = 'We were exhausted by the work and the travel and the meetings, every week of the year. ';
    const files = Math.max(1, Math.round(MB * 8));
    const text = `Respondent: ${turn.repeat(Math.ceil((MB * 1048576) / files / turn.length / 40))}\n\n`.repeat(40);
    const dir = scratch({ 'codebook.yaml': codebookWith('travel') });
    for (let i = 0; i < files; i++) writeFileSync(path.join(dir, `T${i}.txt`), text);
    const run = runCli(['analyze', '.', '--codebook', 'codebook.yaml', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(0);
    const csv = readFileSync(path.join(dir, 'out/codings.csv'), 'utf8');
    expect(csv.length).toBeGreaterThan(MB * 1048576 * 0.9);
    const rows = parse(csv, { columns: true }) as { transcript: string; text: string }[];
    expect(rows).toHaveLength(files * 40);
    expect(rows.every((r) => r.text === text.split('\n\n')[0]!.slice('Respondent: '.length).trim())).toBe(true);
  });

  it(`a single line of ${MB} MB is coded and quoted without aborting`, () => {
    const words = ['we', 'were', 'exhausted', 'by', 'the', 'travel', 'funding', 'partners', 'network', 'again'];
    let line = 'Respondent:';
    const parts: string[] = [line];
    let size = line.length;
    for (let i = 0; size < MB * 1048576; i++) {
      const word = words[(i * 7) % words.length]!;
      parts.push(word);
      size += word.length + 1;
    }
    line = parts.join(' ');
    const dir = scratch({ 'codebook.yaml': codebookWith('travel'), 'one-line.txt': line });
    const run = runCli(['analyze', 'one-line.txt', '--codebook', 'codebook.yaml', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(0);
    const rows = parse(readFileSync(path.join(dir, 'out/codings.csv')), { columns: true }) as { text: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toBe(line.slice('Respondent: '.length));
    // Quotes are cut around a term, not the whole line: outputs that quote it stay small.
    for (const file of ['quotes.csv', 'report.md', 'summary.json']) expect(statSync(path.join(dir, 'out', file)).size, file).toBeLessThan(100_000);
  });

  it('a codings file of more rows than one call can take as arguments is read (agreement at 200 MB overflowed the stack)', () => {
    // Beyond about 120,000 items, list.push(...items) overflows the call stack.
    const rows = 130_000;
    const dir = scratch({ 'corpus/T1.txt': 'Respondent: We were exhausted.\n\nRespondent: We had no money.\n' });
    const coder = (code: string) => `transcript,turn,code\n${`T1,1,${code}\n`.repeat(rows)}`;
    writeFileSync(path.join(dir, 'a.csv'), coder('burnout'));
    writeFileSync(path.join(dir, 'b.csv'), coder('funding'));
    const run = runCli(['agreement', 'a.csv', 'b.csv', '--transcripts', 'corpus', '--format', 'json', '--quiet'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toBeTypeOf('object');
  });

  it('a corpus larger than the heap is streamed through analyze; where it must be held whole, analyze and lint stop with a message saying how much memory it needs, not a V8 abort', () => {
    // 60 MB of transcripts against a 64 MB heap: without the watch, V8 aborts with "JavaScript heap out of memory", a
    // native stack trace and exit 134.
    const turn = 'We were exhausted by the work and the travel, and nobody paid for the hours we spent on it. ';
    const dir = scratch({ 'codebook.yaml': codebookWith('travel') });
    const text = `Respondent: ${turn.repeat(1048576 / turn.length / 20)}\n\n`.repeat(20);
    mkdirSync(path.join(dir, 't'));
    for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, `t/T${i}.txt`), `---\nid: T${i}\n---\n${text}`);
    // Streamed, the corpus never needs the heap it would fill held whole.
    const streamed = runCli(['analyze', 't', '--codebook', 'codebook.yaml', '--out', 'streamed'], { cwd: dir, nodeArgs: ['--max-old-space-size=64'] });
    expect(streamed.stderr).not.toMatch(/FATAL|error/);
    expect(streamed.status).toBe(0);
    expect(readFileSync(path.join(dir, 'streamed/codings.csv'), 'utf8').split('\r\n').length - 2).toBe(60 * 20);
    // --suggest reads every uncoded unit after coding: the corpus is held whole.
    for (const args of [['analyze', 't', '--codebook', 'codebook.yaml', '--suggest', '--out', 'out'], ['codebook', 'lint', 'codebook.yaml', 't']]) {
      const run = runCli(args, { cwd: dir, nodeArgs: ['--max-old-space-size=64'] });
      expect(run.stderr, args[0]).not.toContain('FATAL ERROR');
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr).toMatch(/^collab-code: error: the transcripts do not fit in memory: reading transcripts \(\d+ of 60\), the JavaScript heap holds \d+ MB of the 64 MB it may use/m);
      // What the whole corpus would need at the rate the files read so far filled the heap.
      const needed = Number(/--max-old-space-size=(\d+) collab-code/.exec(run.stderr)?.[1]);
      expect(needed).toBeGreaterThanOrEqual(128);
      expect(needed % 256).toBe(0);
      noStackTrace(run.stderr);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('thousands of empty files give one warning line and a summary that names each once', () => {
    const empties = Number(process.env['HOSTILE_EMPTY_FILES'] ?? 2000);
    const dir = scratch({ 'corpus/real.txt': 'Respondent: We were exhausted.\n' });
    for (let i = 0; i < empties; i++) writeFileSync(path.join(dir, `corpus/E${i}.txt`), '');
    const run = runCli(['analyze', 'corpus', '--codebook', CODEBOOK, '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l.includes('warning'))).toHaveLength(1);
    expect(run.stderr).toContain(`transcript is empty: no respondent text to code: ${empties} times`);
    const summary = readFileSync(path.join(dir, 'out/summary.json'), 'utf8');
    expect((JSON.parse(summary) as { totals: { empty_transcripts: string[] } }).totals.empty_transcripts).toHaveLength(empties);
    expect(summary.split('"E1"').length - 1).toBe(1);
    const report = readFileSync(path.join(dir, 'out/report.md'), 'utf8');
    expect(report).toContain(`and ${empties - 20} more (summary.json lists them all)`);
    expect(report.split('\n').filter((l) => l.includes('| empty |'))).toHaveLength(20);
  });
});

describe('a transcript saved as UTF-16 LE without a byte-order mark', () => {
  it('is read and coded like its UTF-8 twin, not counted as an empty interview', () => {
    const text = 'Interviewer: How was the year?\r\n\r\nRespondent: Honestly, we were exhausted.\r\n';
    const dir = scratch({ 'codebook.yaml': codebookWith('tired'), 't/utf8.txt': text, 't/utf16.txt': Buffer.from(text, 'utf16le') });
    const run = runCli(['analyze', 't', '--codebook', 'codebook.yaml', '--print', 'summary'], { cwd: dir });
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as { totals: { empty_transcripts: string[] }; interviews: { id: string; codings: number }[] };
    expect(summary.totals.empty_transcripts).toEqual([]);
    expect(summary.interviews.map((i) => [i.id, i.codings])).toEqual([['utf8', 1], ['utf16', 1]]);
  });
});

describe('codebooks', () => {
  it(`of ${(MB / 12).toFixed(2)} MB (tens of thousands of terms) load and code`, () => {
    // A dictionary-sized codebook. Its memory while the YAML is parsed (about 100 times its size, in the yaml
    // library's syntax tree) is measured by hand, not here: see the README's Development section.
    const codes = Array.from({ length: 60 }, (_, c) => {
      const terms = Array.from({ length: Math.round((MB * 1048576) / 12 / 60 / 12) }, (_, t) => `w${c}x${t}q`);
      if (c === 59) terms.push('exhausted');
      return `  - id: c${c}\n    label: Code ${c}\n    type: barrier\n    category: people\n    definition: d\n    terms:\n      en: [${terms.join(', ')}]\n`;
    });
    const dir = scratch({ 'codebook.yaml': `${codebookWith('tired').split('codes:\n')[0]}codes:\n${codes.join('')}`, 'T1.txt': 'Respondent: We were exhausted, w3x7q.\n' });
    const run = runCli(['analyze', 'T1.txt', '--codebook', 'codebook.yaml', '--print', 'codings'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(',c3,');
    expect(run.stdout).toContain(',c59,');
  });

  it('resolve YAML aliases, so a list can be written once and named again', () => {
    const yaml = codebookWith('tired').replace('en: [exhausted, tired]', 'en: &tired [exhausted, tired]') + '  - id: fatigue\n    label: Fatigue\n    type: barrier\n    category: people\n    definition: Tiredness.\n    terms:\n      en: *tired\n';
    const dir = scratch({ 'codebook.yaml': yaml, 'T1.txt': 'Respondent: We were tired.\n' });
    const run = runCli(['analyze', 'T1.txt', '--codebook', 'codebook.yaml', '--print', 'frequencies'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\r\nburnout,.*,1,100,1\r\nfatigue,.*,1,100,1\r\n/);
  });

  it('refuse aliases that multiply past a cap (a "billion laughs"), naming the line', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)];
    const dir = scratch({ 'codebook.yaml': `${lines.join('\n')}\n${codebookWith('tired')}` });
    const run = runCli(['codebook', 'validate', 'codebook.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/codebook\.yaml:\d+:\d+: error: YAML aliases here expand to more than 100000 values/);
  });
});
