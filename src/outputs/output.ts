// The outputs of `analyze`: each a pure function from the analysis to the text of one file.
import type { Analysis } from '../core/analysis/analyze.js';
import type { ChartRef } from './charts/chart.js';

export interface OutputContext {
  /** "collab-code X.Y.Z", so a reader knows what produced a file. */
  readonly generator: string;
  /** The charts written beside the report, which it embeds (report.html inlines those rendered); none with --no-charts. */
  readonly charts?: readonly ChartRef[];
  /** Each transcript's file relative to the output folder (forward slashes), for report.html's links to quotes. */
  readonly transcriptFiles?: ReadonlyMap<string, string>;
}

/**
 * A file's content: text (written as UTF-8), bytes (a .qdpx archive), or text in chunks — a large CSV is never built
 * as one string (V8 caps strings near 512 MB).
 */
export type OutputContent = string | Uint8Array | Iterable<string>;

/** The chunks of a content. */
export const chunksOf = (content: OutputContent): Iterable<string | Uint8Array> => (typeof content === 'string' || content instanceof Uint8Array ? [content] : content);

export type FormatOutput = (analysis: Analysis, context: OutputContext) => OutputContent;
