// Runs the built CLI as a subprocess, as a user or CI would, and makes scratch folders.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/collab-code.js');
export const EXAMPLE = path.join(ROOT, 'fixtures/example');
export const CODEBOOK = path.join(ROOT, 'codebooks/collaboration-code.yaml');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    // No terminal, no colour: what CI sees.
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder with the given files (paths relative to it; string or bytes). */
export function scratch(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'collab-code-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A scratch folder holding a copy of the example corpus under transcripts/. */
export function scratchWithExample(): string {
  const dir = scratch();
  cpSync(EXAMPLE, path.join(dir, 'transcripts'), { recursive: true });
  return dir;
}

/** Every file below `dir` with its SHA-256, to show that a run left a folder (its inputs, say) as it was. */
export const digest = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((f) => `${path.relative(dir, f)} ${createHash('sha256').update(readFileSync(f)).digest('hex')}`)
    .join('\n');

/**
 * One long transcript of at least `chars` characters, as a merged export would be: the example's interviews one after
 * another, again and again, each round's interviews passed through `round` (to tell them apart, say).
 */
export function longTranscript(chars: number, frontMatter: string, round: (body: string, n: number) => string = (body) => body): string {
  const bodies = readdirSync(EXAMPLE)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(EXAMPLE, f), 'utf8').split('---\n')[2]!);
  let text = `---\n${frontMatter}---\n`;
  for (let n = 0; text.length < chars; n++) text += bodies.map((body) => round(body, n)).join('\n');
  return text;
}
