// From a format reader's draft to a Transcript: roles decided in one place for every format, with its warnings.
import { warning, type Problem } from '../problem.js';
import { recogniseInterviewer, type InterviewerOptions } from './interviewers.js';
import { isEmptyTranscript, type Transcript, type TranscriptDraft, type Turn } from './transcript.js';

export function buildTranscript(draft: TranscriptDraft, options: InterviewerOptions): { transcript: Transcript; warnings: Problem[] } {
  const { recognition, warnings } = recogniseInterviewer(draft, options);
  const interviewers = new Set(recognition.status === 'labelled' || recognition.status === 'picked' ? recognition.speakers : []);
  const turns = draft.turns.map(
    (turn, i): Turn => ({ index: i + 1, speaker: turn.speaker, role: interviewers.has(turn.speaker) ? 'interviewer' : 'respondent', start: turn.start, end: turn.end, ...(turn.time === undefined ? {} : { time: turn.time }) }),
  );
  const { languageGiven: _, ...rest } = draft;
  const transcript: Transcript = { ...rest, turns, interviewer: recognition };
  if (isEmptyTranscript(transcript)) {
    warnings.push(warning({ file: draft.file }, 'transcript is empty: no respondent text to code', 'it is listed in the report as empty and left out of the sample'));
  }
  return { transcript, warnings };
}
