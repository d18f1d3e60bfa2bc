// Option values shared by the program and the commands, kept apart from both so --help loads no command module.
export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const UNPLACED_FILE = 'unplaced-codings.csv';
/** Units `evaluate` compares on: a coding unit, or each whole interview (coded turn by turn). */
export const EVALUATION_UNITS = ['document', 'turn', 'paragraph', 'sentence'] as const;
