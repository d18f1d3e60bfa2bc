// The package as npm delivers it: `npm pack`'s tarball installs globally, puts collab-code on the PATH and
// exposes the library API. A file missing from package.json "files" fails here, not on a user's machine.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers/cli.js';

const npm = (args: readonly string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the packed tarball', { timeout: 240_000 }, () => {
  const dir = scratch();
  const prefix = path.join(dir, 'global');
  let tarball = '';

  beforeAll(() => {
    // dist/ is already built by `npm test`; rebuilding here would race the other tests that run it.
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    tarball = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    const install = npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
    expect(install.status, install.stderr).toBe(0);
  }, 240_000);

  it('installs globally as a command that runs', () => {
    const bin = path.join(prefix, 'bin', 'collab-code');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stderr).toBe('');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // The bundled codebook and the init templates travel with it.
    const study = path.join(dir, 'study');
    expect(spawnSync(bin, ['init', study, '--quiet'], { encoding: 'utf8' }).status).toBe(0);
    const analyze = spawnSync(bin, ['analyze', '--quiet'], { cwd: study, encoding: 'utf8' });
    expect(analyze.stderr).toBe('');
    expect(analyze.status).toBe(0);
    expect(spawnSync(bin, ['codebook', 'validate', '--quiet', path.join(prefix, 'lib/node_modules/collab-code/codebooks/collaboration-code.yaml')]).status).toBe(0);
  });

  it('installs from the project folder too (`npm install -g .`, as the README says)', () => {
    const folderPrefix = path.join(dir, 'from-folder');
    const install = npm(['install', '--global', '--prefix', folderPrefix, '--no-audit', '--no-fund', '--prefer-offline', '.'], ROOT);
    expect(install.status, install.stderr).toBe(0);
    const version = spawnSync(path.join(folderPrefix, 'bin', 'collab-code'), ['--version'], { encoding: 'utf8' });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("exposes the library API to `import 'collab-code'`", () => {
    const script = "const api = await import('collab-code'); console.log(['analyze', 'agreement', 'evaluate', 'validateCodebook', 'lintCodebook'].map((n) => typeof api[n]).join(','));";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: path.join(prefix, 'lib'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function,function,function,function,function');
  });
});
