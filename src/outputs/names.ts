// The outputs' names and files, apart from the formatters so the CLI can list them without loading them.
export const OUTPUT_FILES = {
  codings: 'codings.csv',
  frequencies: 'frequencies.csv',
  quotes: 'quotes.csv',
  cooccurrence: 'cooccurrence.csv',
  saturation: 'saturation.csv',
  report: 'report.md',
  html: 'report.html',
  summary: 'summary.json',
  suggestions: 'suggestions.csv',
} as const;

export type OutputName = keyof typeof OUTPUT_FILES;
/** Every output, as --print takes them. */
export const OUTPUT_NAMES = Object.keys(OUTPUT_FILES) as OutputName[];
/** Outputs written only when asked for: suggestions with --suggest. */
export const OPTIONAL_OUTPUTS: readonly OutputName[] = ['suggestions'];
