// The registry of analyze's outputs: each name (what --print takes) has its file and its formatter.
import { formatCodingsCsv } from './codings-csv.js';
import { formatCooccurrenceCsv } from './cooccurrence-csv.js';
import { formatFrequenciesCsv } from './frequencies-csv.js';
import type { OutputName } from './names.js';
import type { FormatOutput } from './output.js';
import { formatQuotesCsv } from './quotes-csv.js';
import { formatReportHtml } from './report-html.js';
import { formatReportMarkdown } from './report-md.js';
import { formatSaturationCsv } from './saturation-csv.js';
import { formatSummaryJson } from './summary-json.js';

export const FORMATTERS: Record<OutputName, FormatOutput> = {
  codings: formatCodingsCsv,
  frequencies: formatFrequenciesCsv,
  quotes: formatQuotesCsv,
  cooccurrence: formatCooccurrenceCsv,
  saturation: formatSaturationCsv,
  report: formatReportMarkdown,
  html: formatReportHtml,
  summary: formatSummaryJson,
};

export { OUTPUT_FILES, OUTPUT_NAMES, type OutputName } from './names.js';
export type { OutputContext } from './output.js';
