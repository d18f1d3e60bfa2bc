// Option values shared by the program and the commands, kept apart from both so --help loads no command module.
export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
