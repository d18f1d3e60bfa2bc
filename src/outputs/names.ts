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
} as const;

export type OutputName = keyof typeof OUTPUT_FILES;
export const OUTPUT_NAMES = Object.keys(OUTPUT_FILES) as OutputName[];
