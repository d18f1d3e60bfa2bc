// `collab-code codebook suggest-terms CODEBOOK PATHS… --codings human.csv`: candidate terms learned from human codings.
import { suggestTerms } from '../../app/codebook.js';
import type { UnitKind } from '../../core/coding/unit-kinds.js';
import { formatSuggestedTermsJson } from '../../outputs/suggested-terms-json.js';
import { formatSuggestedTermsMarkdown } from '../../outputs/suggested-terms-md.js';
import { formatSuggestedTermsYaml } from '../../outputs/suggested-terms-yaml.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { withReporter, type Verbosity } from '../ui/reporter.js';

export interface SuggestTermsCommandOptions extends Verbosity {
  readonly codebook: string;
  readonly paths: readonly string[];
  readonly codings: readonly string[];
  readonly columns?: readonly string[];
  readonly unit?: UnitKind;
  readonly format?: 'md' | 'json' | 'yaml';
  readonly top?: number;
  readonly interviewer?: readonly string[];
}

export async function runCodebookSuggestTerms(options: SuggestTermsCommandOptions, io: CliIo): Promise<ExitCode> {
  return withReporter(io, options, async (reporter) => {
    const { codebook, suggested } = await suggestTerms(
      {
        codebook: options.codebook,
        paths: options.paths,
        codings: options.codings,
        columns: options.columns ?? [],
        cwd: io.cwd,
        unit: options.unit ?? 'turn',
        interviewers: options.interviewer ?? [],
        ...(options.top === undefined ? {} : { top: options.top }),
      },
      reporter,
    );
    const format = options.format ?? 'md';
    io.stdout(format === 'json' ? formatSuggestedTermsJson(suggested) : format === 'yaml' ? formatSuggestedTermsYaml(suggested) : formatSuggestedTermsMarkdown(suggested, codebook.title));
    reporter.stop();
    reporter.flush();
    const count = suggested.codes.reduce((n, c) => n + c.terms.length, 0);
    reporter.info(`${options.codebook}: ${count} candidate ${count === 1 ? 'term' : 'terms'} for ${suggested.codes.filter((c) => c.terms.length > 0).length} of the ${new Set(suggested.codes.map((c) => c.code.id)).size} codes people applied`);
    return ExitCode.Ok;
  });
}
