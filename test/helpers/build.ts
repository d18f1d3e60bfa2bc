// Builders for unit tests: a codebook from YAML text and transcripts from text, failing loudly on problems.
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import type { Analysis } from '../../src/core/analysis/analyze.js';
import type { Codebook } from '../../src/core/codebook/codebook.js';
import type { Coding } from '../../src/core/coding/coding.js';
import { DEFAULT_INTERVIEWER_LABELS, interviewerMatcher } from '../../src/core/transcripts/speakers.js';
import { parseTranscript } from '../../src/core/transcripts/parse-transcript.js';
import type { Transcript } from '../../src/core/transcripts/transcript.js';

export function codebookFrom(codes: string, language = 'en'): Codebook {
  const text = `title: Test\nlanguage: ${language}\ncategories:\n  - {id: people, label: People}\n  - {id: money, label: Money}\ntypes:\n  - {id: barrier, label: Barriers}\n  - {id: enabler, label: Enablers}\ncodes:\n${codes}`;
  const result = parseCodebook(text, 'test.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

export function transcriptFrom(text: string, id = 'T1'): Transcript {
  const result = parseTranscript(text, `${id}.txt`, { defaultId: id, defaultLanguage: 'en', isInterviewer: interviewerMatcher(DEFAULT_INTERVIEWER_LABELS) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

/** Every coding of an analysis of a corpus held whole (what codings.csv shows), failing loudly on a streamed one. */
export function heldCodings(analysis: Analysis): readonly Coding[] {
  if (!('held' in analysis.codingRows)) throw new Error('the analysis streamed its codings');
  return analysis.codingRows.held;
}
