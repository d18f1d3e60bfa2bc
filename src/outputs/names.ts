// The outputs' names and files, apart from the formatters so the CLI can list them without loading them.
export const OUTPUT_FILES = {
  codings: 'codings.csv',
  frequencies: 'frequencies.csv',
  quotes: 'quotes.csv',
  report: 'report.md',
  summary: 'summary.json',
} as const;

export type OutputName = keyof typeof OUTPUT_FILES;
export const OUTPUT_NAMES = Object.keys(OUTPUT_FILES) as OutputName[];
