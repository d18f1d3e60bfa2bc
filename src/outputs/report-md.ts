// report.md: the study-shaped report (see report/build-report.ts) written as Markdown, charts embedded as images.
import type { Analysis } from '../core/analysis/analyze.js';
import type { OutputContext } from './output.js';
import { buildReport } from './report/build-report.js';
import { writeMarkdown } from './report/write-markdown.js';

export const formatReportMarkdown = (analysis: Analysis, context: OutputContext): string => writeMarkdown(buildReport(analysis, context));
