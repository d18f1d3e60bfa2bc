// The whole command-line surface in one place. Handlers are imported only when their command runs,
// so --help and --version never load the coding engine or the stemmers.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { UNIT_KINDS } from '../core/coding/unit-kinds.js';
import { COMPARISON_UNITS, type ComparisonUnit } from '../core/reliability/comparison-units.js';
import { OUTPUT_NAMES, type OutputName } from '../outputs/names.js';
import type { ExitCode } from './errors.js';
import type { CliIo } from './io.js';
import { EVALUATION_UNITS } from '../core/reliability/comparison-units.js';
import { REPORT_FORMATS, type ReportFormat } from './options.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Builds the program; `done` receives the exit code of the command that ran. */
export function createProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('collab-code')
    .description('Qualitative coding of interview transcripts with a codebook of barriers and enablers.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of unexpected errors')
    .option('-q, --quiet', 'no warnings, information or progress on stderr (errors are always shown)')
    .option('--verbose', 'list every warning, rather than each kind once with a count')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run collab-code --help for usage)');
  // --quiet and --verbose are the program's, given before or after the command.
  const verbosity = () => {
    const { quiet, verbose } = program.opts<{ quiet?: boolean; verbose?: boolean }>();
    return { ...(quiet === true ? { quiet } : {}), ...(verbose === true ? { verbose } : {}) };
  };

  program
    .command('analyze')
    .description('code transcripts and write frequencies, codings, quotes, a report and a JSON summary')
    .argument('[paths...]', 'transcript files (.txt, .md), folders (searched recursively) or globs; default: "transcripts" in collab-code.yaml')
    .option('--codebook <file>', 'the codebook (YAML); default: the bundled Collaboration Code codebook')
    .option('--out <dir>', 'where to write the outputs (default: collab-code-report)')
    .option('--by <attribute>', 'break frequencies down by a front matter attribute; repeatable, or comma-separated (default: group)', collect)
    .addOption(new Option('--unit <unit>', 'the unit of coding (default: turn)').choices(UNIT_KINDS))
    .option('--interviewer <label>', 'a speaker label to treat as the interviewer, besides the defaults; repeatable', collect)
    .addOption(new Option('--print <output>', 'write one output to stdout instead of files').choices(OUTPUT_NAMES))
    .option('--check', 'write nothing; exit 1 if any output in --out is missing or out of date')
    .option('--codings <file>', 'human codings (CSV) to analyse instead of coding automatically; repeatable', collect)
    .option('--columns <mapping>', 'column names of the codings file, e.g. transcript=document,text=segment', collect)
    .option('--auto', 'with --codings: code automatically too, keeping both (a source column tells them apart)')
    .addHelpText(
      'after',
      '\nExamples:\n  collab-code analyze interviews/ --by group --by region\n  collab-code analyze "interviews/**/*.md" --print frequencies > frequencies.csv\n  collab-code analyze --check            # in CI, with settings in collab-code.yaml',
    )
    .action(async (paths: string[], options: { codebook?: string; out?: string; by?: string[]; unit?: (typeof UNIT_KINDS)[number]; interviewer?: string[]; print?: OutputName; check?: boolean; codings?: string[]; columns?: string[]; auto?: boolean }) => {
      const { runAnalyze } = await import('./commands/analyze.js');
      done(await runAnalyze({ ...options, ...verbosity(), paths, generator: `collab-code ${VERSION}` }, io));
    });

  program
    .command('agreement')
    .description("inter-coder agreement between human codings files: percent agreement, Cohen's κ, Fleiss' κ, Krippendorff's α")
    .argument('<codings...>', 'codings files (CSV), one per coder, or one with a coder column')
    .option('--transcripts <paths...>', 'the coded transcripts (files, folders or globs): they define the units; default: "transcripts" in collab-code.yaml')
    .addOption(new Option('--unit <unit>', 'the unit agreement is measured on (default: turn)').choices(COMPARISON_UNITS))
    .addOption(new Option('--format <format>', 'the table on stdout (default: md)').choices(REPORT_FORMATS))
    .option('--codebook <file>', 'resolve code names against this codebook; default: the codes the files name')
    .option('--columns <mapping>', 'column names of the codings files, e.g. transcript=document,text=segment', collect)
    .option('--interviewer <label>', 'a speaker label to treat as the interviewer, besides the defaults; repeatable', collect)
    .option('--disagreements <file>', 'also write the disagreements as CSV')
    .option('--unplaced <file>', 'also write the segments that could not be placed as CSV')
    .addHelpText('after', '\nExamples:\n  collab-code agreement alice.csv bob.csv --transcripts interviews/\n  collab-code agreement coders.csv --transcripts interviews/ --unit character --format json')
    .action(async (files: string[], options: { transcripts?: string[]; unit?: ComparisonUnit; format?: ReportFormat; codebook?: string; columns?: string[]; interviewer?: string[]; disagreements?: string; unplaced?: string }) => {
      const { runAgreement } = await import('./commands/agreement.js');
      done(await runAgreement({ ...options, ...verbosity(), files, generator: `collab-code ${VERSION}` }, io));
    });

  program
    .command('evaluate')
    .description('code transcripts automatically and score the result against gold human codings: precision, recall, F1, top-1 accuracy, κ')
    .argument('[paths...]', 'transcript files, folders or globs; default: "transcripts" in collab-code.yaml')
    .requiredOption('--gold <file>', 'the gold codings (CSV), coded by hand')
    .option('--codebook <file>', 'the codebook (YAML); default: the bundled Collaboration Code codebook')
    .addOption(new Option('--unit <unit>', 'the unit compared (default: turn)').choices(EVALUATION_UNITS))
    .addOption(new Option('--format <format>', 'the output on stdout (default: md)').choices(REPORT_FORMATS))
    .option('--columns <mapping>', 'column names of the gold file, e.g. transcript=document,text=segment', collect)
    .option('--interviewer <label>', 'a speaker label to treat as the interviewer, besides the defaults; repeatable', collect)
    .option('--unplaced <file>', 'also write the gold segments that could not be placed as CSV')
    .addHelpText('after', '\nExample:\n  collab-code evaluate fixtures/example --gold fixtures/codings/gold.csv --format csv')
    .action(async (paths: string[], options: { gold: string; codebook?: string; unit?: (typeof EVALUATION_UNITS)[number]; format?: ReportFormat; columns?: string[]; interviewer?: string[]; unplaced?: string }) => {
      const { runEvaluate } = await import('./commands/evaluate.js');
      done(await runEvaluate({ ...options, ...verbosity(), paths, generator: `collab-code ${VERSION}` }, io));
    });

  const codebook = program.command('codebook').description('work with codebooks');
  codebook
    .command('validate')
    .description('check a codebook: YAML syntax, unknown keys, duplicate ids, unknown categories and types, invalid terms')
    .argument('<file>', 'the codebook (YAML)')
    .action(async (file: string) => {
      const { runCodebookValidate } = await import('./commands/codebook-validate.js');
      done(await runCodebookValidate(file, verbosity(), io));
    });
  codebook
    .command('lint')
    .description('what a codebook does on a corpus: codes never raised, terms never matching, dominant and shared terms, co-occurring codes')
    .argument('<codebook>', 'the codebook (YAML)')
    .argument('<paths...>', 'transcript files, folders or globs')
    .addOption(new Option('--unit <unit>', 'the unit of coding (default: turn)').choices(UNIT_KINDS))
    .addOption(new Option('--format <format>', 'the findings on stdout (default: md)').choices(['md', 'json']))
    .option('--strict', 'exit 1 when there are findings')
    .option('--interviewer <label>', 'a speaker label to treat as the interviewer, besides the defaults; repeatable', collect)
    .action(async (file: string, paths: string[], options: { unit?: (typeof UNIT_KINDS)[number]; format?: 'md' | 'json'; strict?: boolean; interviewer?: string[] }) => {
      const { runCodebookLint } = await import('./commands/codebook-lint.js');
      done(await runCodebookLint({ ...options, ...verbosity(), codebook: file, paths }, io));
    });

  return program;
}
