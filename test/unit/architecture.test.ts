// The layering the README describes, enforced: the core, the output formats and the exchange formats are pure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));

describe.each(['src/core', 'src/outputs', 'src/formats', 'src/interop'])('%s', (dir) => {
  const files = sources(dir);

  it('touches no file system, process, terminal or CLI library', () => {
    expect(files.length).toBeGreaterThan(3);
    for (const { file, text } of files) {
      expect(text, file).not.toMatch(/from ['"](?:node:)?(?:fs|fs\/promises|process|child_process|os|path)['"]/);
      expect(text, file).not.toMatch(/from ['"](?:chalk|ora|commander)['"]/);
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\./);
    }
  });

  it('imports nothing from the I/O, application or CLI layers', () => {
    for (const { file, text } of files) expect(text, file).not.toMatch(/from ['"][./]*\/(?:io|app|cli)\//);
  });

  it('imports natural only by path, never its slow, noisy root', () => {
    for (const { file, text } of files) expect(text, file).not.toMatch(/from ['"]natural['"]/);
  });
});

describe('src/formats', () => {
  it('loads each reader, and so its heavy library, only when a file of its format is read', () => {
    const registry = readFileSync('src/formats/index.ts', 'utf8');
    expect(registry).not.toMatch(/^import (?!type)/m);
    for (const { file, text } of sources('src/formats')) {
      expect(text, file).not.toMatch(/^import [^;]*from ['"](?:mammoth|exceljs)['"]/m);
    }
  });
});

describe('src/app', () => {
  const files = sources('src/app');

  it('prints nothing, exits never and knows no terminal or CLI: it is the library a script calls', () => {
    expect(files.length).toBeGreaterThan(3);
    for (const { file, text } of files) {
      expect(text, file).not.toMatch(/from ['"](?:chalk|ora|commander)['"]/);
      expect(text, file).not.toMatch(/\bconsole\.|process\.(?:exit|stdout|stderr)/);
      expect(text, file).not.toMatch(/from ['"][./]*\/cli\//);
    }
  });
});
