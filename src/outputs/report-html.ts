// report.html: the same report as report.md (report/build-report.ts), as one self-contained page with its charts inline.
import type { Analysis } from '../core/analysis/analyze.js';
import type { OutputContext } from './output.js';
import { buildReport } from './report/build-report.js';
import { writeHtml } from './report/write-html.js';

export const formatReportHtml = (analysis: Analysis, context: OutputContext): string =>
  writeHtml(buildReport(analysis, context), { charts: context.charts ?? [], transcriptFiles: context.transcriptFiles ?? new Map() });
