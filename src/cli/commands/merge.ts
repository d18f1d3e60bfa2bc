// `collab-code merge`: the parts of a sharded analyze joined into the outputs one run writes; printed, checked or written.
import { merge } from '../../app/shards.js';
import { readConfig } from '../../io/read-config.js';
import type { OutputName } from '../../outputs/names.js';
import { InputError, usageError } from '../../app/errors.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';
import { DEFAULT_OUT } from './analyze.js';
import { emitOutputs } from './emit-outputs.js';

export interface MergeCommandOptions extends Verbosity {
  readonly parts: readonly string[];
  readonly out?: string;
  readonly print?: OutputName;
  readonly check?: boolean;
  readonly generator: string;
}

export async function runMerge(options: MergeCommandOptions, io: CliIo): Promise<ExitCode> {
  // The settings are the parts'; collab-code.yaml gives only where the outputs go, as it does for analyze.
  const config = await readConfig(io.cwd);
  if (!config.ok) throw new InputError(config.problems);
  if (options.print !== undefined && options.check === true) throw usageError('--print and --check cannot be used together');
  const out = options.out ?? config.value.out ?? DEFAULT_OUT;
  return withReporter(io, { ...options, quiet: options.quiet === true || config.value.quiet === true }, async (reporter) => {
    const result = await merge(
      {
        parts: options.parts,
        cwd: io.cwd,
        out,
        generator: options.generator,
        // As with analyze: printing the suggestions asks for them.
        ...(options.print === undefined ? {} : { outputs: [options.print], suggest: options.print === 'suggestions' }),
      },
      reporter,
    );
    return emitOutputs(result, { out, ...(options.print === undefined ? {} : { print: options.print }), check: options.check === true, rerun: 'collab-code merge' }, io, reporter);
  });
}
