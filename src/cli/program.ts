// The whole command-line surface in one place. Handlers are imported only when their command runs,
// so --help and --version never load the coding engine or the stemmers.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { UNIT_KINDS } from '../core/coding/unit-kinds.js';
import { LANGUAGES, type Language } from '../core/text/language.js';
import { COMPARISON_UNITS, type ComparisonUnit } from '../core/reliability/comparison-units.js';
import { OUTPUT_NAMES, type OutputName } from '../outputs/names.js';
import type { ExitCode } from './errors.js';
import type { CliIo } from './io.js';
import { EVALUATION_UNITS } from '../core/reliability/comparison-units.js';
import { REPORT_FORMATS, type ReportFormat } from './options.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const INTERVIEWER_HELP = 'a speaker label to treat as the interviewer, besides the defaults; repeatable; "auto": where no label is known, the speaker whose turns are mostly questions';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The "Examples:" block that ends a command's --help: each a command and what it does. */
const examples = (...lines: readonly (readonly [string, string])[]): string => {
  const width = Math.max(...lines.map(([command]) => command.length));
  return `\nExamples:\n${lines.map(([command, what]) => `  ${command.padEnd(width)}  # ${what}`).join('\n')}\n`;
};

/** Where transcripts' attributes and turns come from besides the files: shared by the commands that read them. */
interface SourceFlags {
  participants?: string;
  participantsId?: string;
  turnColumns?: string[];
}

interface AnalyzeFlags {
  codebook?: string;
  out?: string;
  by?: string[];
  unit?: (typeof UNIT_KINDS)[number];
  interviewer?: string[];
  participants?: string;
  participantsId?: string;
  turnColumns?: string[];
  print?: OutputName;
  check?: boolean;
  codings?: string[];
  columns?: string[];
  auto?: boolean;
  excel?: boolean;
  qdpx?: boolean;
  sources?: string[];
  followSymlinks?: boolean;
  minScore?: string;
  gold?: string;
  charts?: boolean;
  suggest?: boolean;
  quoteLinks?: boolean;
  redact?: string | boolean;
  privateNames?: string;
  quoteReview?: string;
  attributeQuotes?: string[];
  shard?: string;
  threads?: string;
}

/** The options of commands that read transcripts to know the names in them: a participants table, turn tables. */
const withSources = (command: Command): Command =>
  command
    .option('--participants <file>', "a participants table (.csv or .xlsx): its names, organisations and contacts are known names too")
    .option('--participants-id <column>', 'the column of --participants naming the transcripts (default: the one whose values do)')
    .option('--turn-columns <mapping>', 'column names of turn tables (.csv/.tsv transcripts), e.g. speaker=Narrator,text=Words,time=TC', collect);

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
    .showHelpAfterError('(run collab-code --help for usage)')
    .addHelpText(
      'after',
      examples(
        ['collab-code init my-study', 'start a study: settings, a starter codebook, a sample transcript'],
        ['collab-code analyze interviews/ --by group', 'code a folder of transcripts; writes collab-code-report/'],
        ['collab-code analyze --check', 'in CI: exit 1 when the committed report is stale'],
        ['collab-code analyze --help', "a command's options and examples"],
      ),
    );
  // --quiet and --verbose are the program's, given before or after the command.
  const verbosity = () => {
    const { quiet, verbose } = program.opts<{ quiet?: boolean; verbose?: boolean }>();
    return { ...(quiet === true ? { quiet } : {}), ...(verbose === true ? { verbose } : {}) };
  };

  program
    .command('analyze')
    .description('code transcripts and write frequencies, codings, quotes, co-occurrence, saturation, a report (Markdown and HTML, with charts) and a JSON summary')
    .argument('[paths...]', 'transcript files (.txt, .md, .docx, .vtt, .srt, .csv, .tsv), folders (searched recursively) or globs, or a REFI-QDA project (.qdpx); default: "transcripts" in collab-code.yaml')
    .option('--codebook <file>', 'the codebook (YAML; a .qdc or .qdpx codebook does for human codings); default: the bundled Collaboration Code codebook')
    .option('--out <dir>', 'where to write the outputs (default: collab-code-report)')
    .option('--by <attribute>', 'break frequencies down by a front matter attribute; repeatable, or comma-separated (default: group)', collect)
    .addOption(new Option('--unit <unit>', 'the unit of coding (default: turn)').choices(UNIT_KINDS))
    .option('--interviewer <label>', INTERVIEWER_HELP, collect)
    .option('--participants <file>', "a table of participants' attributes (.csv or .xlsx), one row per transcript, usable with --by")
    .option('--participants-id <column>', 'the column of --participants naming the transcripts (default: the one whose values do)')
    .option('--turn-columns <mapping>', 'column names of turn tables (.csv/.tsv transcripts), e.g. speaker=Narrator,text=Words,time=TC', collect)
    .addOption(new Option('--print <output>', 'write one output to stdout instead of files').choices(OUTPUT_NAMES))
    .option('--check', 'write nothing; exit 1 if any output in --out is missing or out of date')
    .option('--codings <file>', 'human codings (CSV, or a REFI-QDA project .qdpx) to analyse instead of coding automatically; repeatable', collect)
    .option('--columns <mapping>', 'column names of the codings file, e.g. transcript=document,text=segment', collect)
    .option('--auto', 'with --codings: code automatically too, keeping both (a source column tells them apart)')
    .option('--follow-symlinks', 'read what symbolic links in the folders given lead to outside them (default: skip and list them)')
    .option('--excel', 'write the CSVs with a UTF-8 byte-order mark, so Excel opens accented words right on double-click')
    .option('--qdpx', 'also write collab-code.qdpx: the coded project, to review in NVivo, ATLAS.ti, MAXQDA or QualCoder')
    .option('--sources <dir>', 'a folder holding the sources a .qdpx project keeps outside its archive; repeatable', collect)
    .option('--min-score <n>', 'leave out automatic codings scoring less than n (1: one single-word term; 2: a phrase, a regex or two words)')
    .option('--gold <file>', 'human codings (CSV) to score the automatic coding against; the report states precision, recall and κ')
    .option('--no-charts', 'write no SVG charts, and none in the report')
    .option('--suggest', 'also write suggestions.csv: for each uncoded unit, up to 3 codes whose text is like it (never counted as codings)')
    .option('--redact [scope]', 'replace names and contact details the leak check finds with their kind ([name], [email]…): in quotes, or "all" for codings.csv too')
    .option('--private-names <file>', 'names the leak check must find besides those the transcripts give, one per line')
    .option('--quote-review <file>', "apply the interviewees' decisions on their quotes (a file written by collab-code quotes review)")
    .option('--attribute-quotes <attributes>', 'attribute quotes in the report by these attributes, e.g. group,region (default: none); coarsened below three interviewees', collect)
    .option('--no-quote-links', 'report.html without links from quotes to their transcript and turn, for a report to publish')
    .option('--threads <n>', 'code in n worker threads; 1 codes in the main thread (default from 64 MB of text: one per core, up to 4, or, as the corpus streams through, one per core but one, at least one; else 1); the outputs are the same either way')
    .option('--shard <K/N>', 'code only the K-th of N parts of the transcripts (by a hash of each path) and write that part into --out (default: collab-code-parts); join the parts with collab-code merge')
    .addHelpText(
      'after',
      examples(
        ['collab-code analyze interviews/ --by group --by region --redact', 'counts by two attributes; quotes with [name], [email]… in place of what could identify someone'],
        ['collab-code analyze interviews/ --qdpx', 'also collab-code.qdpx, to review the codings in NVivo, ATLAS.ti, MAXQDA or QualCoder'],
        ['collab-code analyze interviews/ --codings reviewed.qdpx --auto', 'a report from human codings (a .qdpx or a CSV), automatic counts beside'],
        ['collab-code analyze --check', 'in CI, with settings in collab-code.yaml: exit 1 if the report is stale'],
      ),
    )
    .action(async (paths: string[], options: AnalyzeFlags, command: Command) => {
      const { runAnalyze } = await import('./commands/analyze.js');
      // --no-charts and --no-quote-links default to true; only a flag actually given may override collab-code.yaml.
      const { charts, quoteLinks, ...rest } = options;
      const flags = {
        ...rest,
        ...(command.getOptionValueSource('charts') === 'cli' ? { charts } : {}),
        ...(command.getOptionValueSource('quoteLinks') === 'cli' ? { quoteLinks } : {}),
      };
      done(await runAnalyze({ ...flags, ...verbosity(), paths, generator: `collab-code ${VERSION}` }, io));
    });

  program
    .command('merge')
    .description('join the parts written by analyze --shard K/N (every K of one N) into the outputs one analyze run over the whole corpus writes, byte for byte')
    .argument('<parts...>', 'the part files (part-K-of-N.collab-code.jsonl)')
    .option('--out <dir>', 'where to write the outputs (default: collab-code-report)')
    .addOption(new Option('--print <output>', 'write one output to stdout instead of files').choices(OUTPUT_NAMES))
    .option('--check', 'write nothing; exit 1 if any output in --out is missing or out of date')
    .addHelpText(
      'after',
      examples(
        ['collab-code merge collab-code-parts/*.jsonl', 'after analyze interviews/ --shard K/3 for K = 1, 2, 3: one run\'s outputs, in collab-code-report/'],
        ['collab-code merge parts/*.jsonl --out report/ --print frequencies', 'one output of the whole corpus to stdout'],
        ['collab-code merge parts/*.jsonl --check --out report/', 'in CI, after a matrix of shards: exit 1 if the committed report is stale'],
      ),
    )
    .action(async (parts: string[], options: { out?: string; print?: OutputName; check?: boolean }) => {
      const { runMerge } = await import('./commands/merge.js');
      done(await runMerge({ ...options, ...verbosity(), parts, generator: `collab-code ${VERSION}` }, io));
    });

  program
    .command('agreement')
    .description("inter-coder agreement between human codings files: percent agreement, Cohen's κ, Fleiss' κ, Krippendorff's α")
    .argument('<codings...>', 'codings files (CSV, or REFI-QDA projects .qdpx), one per coder, or one with a coder column')
    .option('--transcripts <paths...>', 'the coded transcripts (files, folders or globs): they define the units; default: "transcripts" in collab-code.yaml')
    .addOption(new Option('--unit <unit>', 'the unit agreement is measured on (default: turn)').choices(COMPARISON_UNITS))
    .addOption(new Option('--format <format>', 'the table on stdout (default: md)').choices(REPORT_FORMATS))
    .option('--codebook <file>', 'resolve code names against this codebook (YAML, .qdc or .qdpx); default: the codes the files name')
    .option('--columns <mapping>', 'column names of the codings files, e.g. transcript=document,text=segment', collect)
    .option('--interviewer <label>', INTERVIEWER_HELP, collect)
    .option('--sources <dir>', 'a folder holding the sources a .qdpx project keeps outside its archive; repeatable', collect)
    .option('--disagreements <file>', 'also write the disagreements as CSV')
    .option('--unplaced <file>', 'also write the segments that could not be placed as CSV')
    .option('--follow-symlinks', 'read what symbolic links in the folders given lead to outside them (default: skip and list them)')
    .addHelpText(
      'after',
      examples(
        ['collab-code agreement alice.csv bob.csv --transcripts interviews/', "Cohen's κ and Krippendorff's α per code and overall"],
        ['collab-code agreement team.csv --transcripts interviews/ --unit character --format json', 'one file with a coder column; per character'],
        ['collab-code agreement a.csv b.csv --transcripts interviews/ --disagreements d.csv', 'the units to reconcile, as CSV'],
        ['collab-code agreement ana.qdpx ben.qdpx --transcripts interviews/', 'two coders\' projects from QDA tools'],
      ),
    )
    .action(async (files: string[], options: { transcripts?: string[]; unit?: ComparisonUnit; format?: ReportFormat; codebook?: string; columns?: string[]; interviewer?: string[]; sources?: string[]; disagreements?: string; unplaced?: string; followSymlinks?: boolean }) => {
      const { runAgreement } = await import('./commands/agreement.js');
      done(await runAgreement({ ...options, ...verbosity(), files, generator: `collab-code ${VERSION}` }, io));
    });

  program
    .command('evaluate')
    .description('code transcripts automatically and score the result against gold human codings: precision, recall, F1, top-1 accuracy, κ')
    .argument('[paths...]', 'transcript files, folders or globs; default: "transcripts" in collab-code.yaml')
    .requiredOption('--gold <file>', 'the gold codings (CSV, or a REFI-QDA project .qdpx), coded by hand')
    .option('--codebook <file>', 'the codebook (YAML); default: the bundled Collaboration Code codebook')
    .addOption(new Option('--unit <unit>', 'the unit compared (default: turn)').choices(EVALUATION_UNITS))
    .addOption(new Option('--format <format>', 'the output on stdout (default: md)').choices(REPORT_FORMATS))
    .option('--columns <mapping>', 'column names of the gold file, e.g. transcript=document,text=segment', collect)
    .option('--interviewer <label>', INTERVIEWER_HELP, collect)
    .option('--sources <dir>', 'a folder holding the sources a .qdpx project keeps outside its archive; repeatable', collect)
    .option('--unplaced <file>', 'also write the gold segments that could not be placed as CSV')
    .option('--follow-symlinks', 'read what symbolic links in the folders given lead to outside them (default: skip and list them)')
    .addHelpText(
      'after',
      examples(
        ['collab-code evaluate interviews/ --gold gold.csv', 'precision, recall, F1 and κ of the automatic coding per code'],
        ['collab-code evaluate interviews/ --gold gold.csv --unit document --format csv', 'per interview, as CSV'],
        ['collab-code evaluate interviews/ --gold gold.csv --codebook mine.yaml', 'measure a revised codebook'],
        ['collab-code evaluate interviews/ --gold reviewed.qdpx', 'against codings reviewed in a QDA tool'],
      ),
    )
    .action(async (paths: string[], options: { gold: string; codebook?: string; unit?: (typeof EVALUATION_UNITS)[number]; format?: ReportFormat; columns?: string[]; interviewer?: string[]; sources?: string[]; unplaced?: string; followSymlinks?: boolean }) => {
      const { runEvaluate } = await import('./commands/evaluate.js');
      done(await runEvaluate({ ...options, ...verbosity(), paths, generator: `collab-code ${VERSION}` }, io));
    });

  const quotes = program.command('quotes').description("the interviewees' review of the quotes a report uses");
  withSources(quotes.command('review'))
    .description('write one letter per interviewee quoted (each quote, the code it illustrates, the sentences around it) and quote-review.csv to record their answers')
    .argument('<outdir>', 'the folder collab-code analyze wrote')
    .requiredOption('--out <dir>', 'where to write the letters and quote-review.csv (a review file already there keeps its decisions)')
    .option('--transcripts <paths...>', 'the transcripts analysed, for the sentences around each quote; default: "transcripts" in collab-code.yaml')
    .option('--interviewer <label>', 'a speaker label to treat as the interviewer, besides the defaults; repeatable', collect)
    .option('--private-names <file>', 'names to redact from the sentences around redacted quotes, one per line')
    .addHelpText(
      'after',
      examples(
        ['collab-code quotes review collab-code-report --out review/', 'letters and review/quote-review.csv'],
        ['collab-code analyze --quote-review review/quote-review.csv', 'then, with the answers recorded: the report honours them'],
      ),
    )
    .action(async (analysisDir: string, options: { out: string; transcripts?: string[]; interviewer?: string[]; privateNames?: string } & SourceFlags) => {
      const { runQuotesReview } = await import('./commands/quotes-review.js');
      done(await runQuotesReview({ ...options, ...verbosity(), analysisDir }, io));
    });

  withSources(program.command('anonymise'))
    .alias('anonymize')
    .description('write copies of transcripts with names replaced by consistent pseudonyms and contact details masked, plus the key (pseudonyms.csv)')
    .argument('[paths...]', 'transcript files, folders or globs; default: "transcripts" in collab-code.yaml')
    .requiredOption('--out <dir>', 'where to write the copies and pseudonyms.csv')
    .option('--dry-run', 'write nothing; list on stdout what would be replaced')
    .option('--private-names <file>', 'further names to replace, one per line')
    .option('--interviewer <label>', 'a speaker label to treat as the interviewer, besides the defaults; repeatable', collect)
    .addHelpText(
      'after',
      examples(
        ['collab-code anonymise interviews/ --out anonymised/ --private-names names.txt', 'copies and the key, anonymised/pseudonyms.csv: store it apart'],
        ['collab-code anonymise interviews/ --out anonymised/ --dry-run > changes.csv', 'what would be replaced, written nowhere'],
      ),
    )
    .action(async (paths: string[], options: { out: string; dryRun?: boolean; privateNames?: string; interviewer?: string[] } & SourceFlags) => {
      const { runAnonymise } = await import('./commands/anonymise.js');
      done(await runAnonymise({ ...options, ...verbosity(), paths }, io));
    });

  const codebook = program
    .command('codebook')
    .description('work with codebooks')
    .addHelpText(
      'after',
      examples(
        ['collab-code codebook validate codebook.yaml', 'check a codebook: syntax, ids, references, terms'],
        ['collab-code codebook lint codebook.yaml interviews/', 'what its terms do on a corpus'],
        ['collab-code codebook import team.qdc --out codebook.yaml', "a QDA tool's codebook, or a quanteda or LIWC dictionary, as YAML"],
      ),
    );
  codebook
    .command('validate')
    .description('check a codebook: YAML syntax, unknown keys, duplicate ids, unknown categories and types, invalid terms')
    .argument('<file>', 'the codebook (YAML)')
    .addHelpText(
      'after',
      examples(
        ['collab-code codebook validate codebook.yaml', 'errors and warnings with line and column; exit 1 on errors'],
        ['collab-code codebook validate codebook.yaml --quiet', 'errors only'],
      ),
    )
    .action(async (file: string) => {
      const { runCodebookValidate } = await import('./commands/codebook-validate.js');
      done(await runCodebookValidate(file, verbosity(), io));
    });
  codebook
    .command('lint')
    .description('what a codebook does on a corpus: codes never raised, terms never matching, dominant and shared terms, co-occurring codes, forms terms miss')
    .argument('<codebook>', 'the codebook (YAML)')
    .argument('<paths...>', 'transcript files, folders or globs')
    .addOption(new Option('--unit <unit>', 'the unit of coding (default: turn)').choices(UNIT_KINDS))
    .addOption(new Option('--format <format>', 'the findings on stdout (default: md)').choices(['md', 'json']))
    .option('--strict', 'exit 1 when there are findings')
    .option('--follow-symlinks', 'read what symbolic links in the folders given lead to outside them (default: skip and list them)')
    .addHelpText(
      'after',
      examples(
        ['collab-code codebook lint codebook.yaml interviews/', 'codes never raised, silent, dominant and shared terms'],
        ['collab-code codebook lint codebook.yaml interviews/ --format json --strict', 'for CI: exit 1 on any finding'],
      ),
    )
    .option('--interviewer <label>', INTERVIEWER_HELP, collect)
    .option('--off-topic <paths...>', 'transcripts on other subjects: the share of their units coded and each term\'s firing rate there')
    .action(async (file: string, paths: string[], options: { unit?: (typeof UNIT_KINDS)[number]; format?: 'md' | 'json'; strict?: boolean; interviewer?: string[]; followSymlinks?: boolean; offTopic?: string[] }) => {
      const { runCodebookLint } = await import('./commands/codebook-lint.js');
      done(await runCodebookLint({ ...options, ...verbosity(), codebook: file, paths }, io));
    });

  codebook
    .command('export')
    .description('write a codebook as a REFI-QDA codebook (.qdc), for NVivo, ATLAS.ti, MAXQDA or QualCoder')
    .argument('<codebook>', 'the codebook (YAML)')
    .option('--out <file>', 'the .qdc file to write; default: stdout')
    .addHelpText(
      'after',
      examples(
        ['collab-code codebook export codebook.yaml --out codebook.qdc', 'its codes under their types and categories; terms stay behind'],
        ['collab-code codebook export codebook.yaml > codebook.qdc', 'the same, through stdout'],
      ),
    )
    .action(async (file: string, options: { out?: string }) => {
      const { runCodebookExport } = await import('./commands/codebook-exchange.js');
      done(await runCodebookExport({ ...options, ...verbosity(), codebook: file, generator: `collab-code ${VERSION}` }, io));
    });
  codebook
    .command('import')
    .description("turn another tool's codebook into a YAML codebook, ready for terms: a REFI-QDA codebook (.qdc) or project (.qdpx), a quanteda dictionary (.yml, .yaml) or a LIWC dictionary (.dic)")
    .argument('<file>', 'the codebook or dictionary to import')
    .option('--out <file>', 'the YAML codebook to write; default: stdout')
    .addOption(new Option('--language <language>', 'the language of its terms and of the codebook (default: en)').choices(LANGUAGES))
    .addHelpText(
      'after',
      examples(
        ['collab-code codebook import team.qdc --out codebook.yaml', 'codes, hierarchy and definitions from a QDA tool; add terms'],
        ['collab-code codebook import policy.yml --language es --out codebook.yaml', 'a quanteda dictionary, its patterns as terms'],
        ['collab-code codebook import emotions.dic --out codebook.yaml', 'a LIWC dictionary'],
      ),
    )
    .action(async (file: string, options: { out?: string; language?: Language }) => {
      const { runCodebookImport } = await import('./commands/codebook-exchange.js');
      done(await runCodebookImport({ ...options, ...verbosity(), file, generator: `collab-code ${VERSION}` }, io));
    });
  codebook
    .command('suggest-terms')
    .description("terms learned from human codings: per code, words and short phrases over-represented in its coded units (log-odds, informative Dirichlet prior) that its terms lack")
    .argument('<codebook>', 'the codebook (YAML)')
    .argument('<paths...>', 'transcript files, folders or globs')
    .requiredOption('--codings <file>', 'human codings (CSV); repeatable', collect)
    .option('--columns <mapping>', 'column names of the codings files, e.g. transcript=document,text=segment', collect)
    .addOption(new Option('--unit <unit>', 'the unit compared (default: turn)').choices(UNIT_KINDS))
    .addOption(new Option('--format <format>', 'the candidates on stdout: a table, JSON, or a YAML snippet to paste (default: md)').choices(['md', 'json', 'yaml']))
    .option('--top <n>', 'candidates per code and language (default: 10)', positiveInteger)
    .option('--interviewer <label>', INTERVIEWER_HELP, collect)
    .addHelpText(
      'after',
      examples(
        ['collab-code codebook suggest-terms my-codebook.yaml interviews/ --codings team.csv', 'a table of candidates per code'],
        ['collab-code codebook suggest-terms my-codebook.yaml interviews/ --codings team.csv --format yaml', 'a snippet to paste under codes'],
      ),
    )
    .action(async (file: string, paths: string[], options: { codings: string[]; columns?: string[]; unit?: (typeof UNIT_KINDS)[number]; format?: 'md' | 'json' | 'yaml'; top?: number; interviewer?: string[] }) => {
      const { runCodebookSuggestTerms } = await import('./commands/codebook-suggest-terms.js');
      done(await runCodebookSuggestTerms({ ...options, ...verbosity(), codebook: file, paths }, io));
    });

  program
    .command('init')
    .description('start a study: collab-code.yaml, a starter codebook and a sample transcript, so analyze runs with no options')
    .argument('[dir]', 'the study folder (created if needed)', '.')
    .addOption(new Option('--from <codebook>', 'the starter codebook: a small commented template, or the study\'s full codebook').choices(['template', 'study']).default('template'))
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      examples(
        ['collab-code init my-study', 'a commented template codebook with one code of each type'],
        ['collab-code init my-study --from study', "the Collaboration Code study's 42 codes"],
        ['collab-code init . --force', 'rewrite the starter files in this folder'],
      ),
    )
    .action(async (dir: string, options: { from?: 'template' | 'study'; force?: boolean }) => {
      const { runInit } = await import('./commands/init.js');
      done(await runInit({ ...options, ...verbosity(), dir }, io));
    });

  // A usage error points to the help of the command that was mistyped, where its options and examples are.
  const pointToHelp = (command: Command, name: string): void => {
    for (const sub of command.commands) {
      sub.showHelpAfterError(`(run ${name} ${sub.name()} --help for usage)`);
      pointToHelp(sub, `${name} ${sub.name()}`);
    }
  };
  pointToHelp(program, 'collab-code');
  return program;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
}
