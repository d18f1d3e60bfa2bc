// The outputs of `analyze`: each a pure function from the analysis to the text of one file.
import type { Analysis } from '../core/analysis/analyze.js';

export interface OutputContext {
  /** "collab-code X.Y.Z", so a reader knows what produced a file. */
  readonly generator: string;
}

export type FormatOutput = (analysis: Analysis, context: OutputContext) => string;
