// `collab-code init [DIR]`: writes a starter study and says what to run next.
import { init, type StarterCodebook } from '../../app/init.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import type { Verbosity } from '../ui/reporter.js';

export interface InitCommandOptions extends Verbosity {
  readonly dir: string;
  readonly from?: StarterCodebook;
  readonly force?: boolean;
}

export async function runInit(options: InitCommandOptions, io: CliIo): Promise<ExitCode> {
  const { written } = await init({ dir: options.dir, cwd: io.cwd, ...(options.from === undefined ? {} : { from: options.from }), ...(options.force === undefined ? {} : { force: options.force }) });
  if (options.quiet === true) return ExitCode.Ok;
  const cd = options.dir === '.' ? [] : [`  cd ${/\s/.test(options.dir) ? JSON.stringify(options.dir) : options.dir}`];
  io.stderr(
    [
      `Wrote ${written.map((f) => `${options.dir === '.' ? '' : `${options.dir}/`}${f}`).join(', ')}.`,
      '',
      'Next:',
      ...cd,
      '  collab-code analyze                                   # codes interviews/ with codebook.yaml; writes collab-code-report/',
      '  collab-code codebook lint codebook.yaml interviews    # which terms fire, and which never do',
      '  collab-code analyze --check                           # in CI: exit 1 when the committed report is stale',
      '',
    ].join('\n'),
  );
  return ExitCode.Ok;
}
