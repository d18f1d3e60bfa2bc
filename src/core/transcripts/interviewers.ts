// Who the interviewer is: by label, or by --interviewer auto from the share of questions; never silently nobody.
import { warning, type Problem } from '../problem.js';
import type { InterviewerRecognition, SpeakerTally, TranscriptDraft } from './transcript.js';

export interface InterviewerOptions {
  readonly isInterviewer: (speaker: string) => boolean;
  /** --interviewer auto: where no label is recognised, pick the speaker whose turns are clearly mostly questions. */
  readonly auto?: boolean;
}

/** The setting that turns on automatic recognition: `--interviewer auto`, `interviewers: auto`. */
export const AUTO_INTERVIEWER = 'auto';

// A speaker is picked when at least half their turns are questions and every other speaker asks at most half as often.
const MOSTLY = 0.5;
const CLEARLY = 2;

/** A turn is a question when it ends with a question mark (closing quotes and brackets aside). */
export const isQuestion = (said: string): boolean => /[?？][\s"'”’»)\]]*$/u.test(said);

/** Speakers in order of their first turn, with their turn and question counts. */
export function tallySpeakers(draft: TranscriptDraft): SpeakerTally[] {
  const tallies = new Map<string, { turns: number; questions: number }>();
  for (const turn of draft.turns) {
    if (turn.speaker === '') continue;
    const tally = tallies.get(turn.speaker) ?? { turns: 0, questions: 0 };
    tally.turns++;
    if (isQuestion(draft.text.slice(turn.start, turn.end))) tally.questions++;
    tallies.set(turn.speaker, tally);
  }
  return [...tallies].map(([speaker, t]) => ({ speaker, ...t }));
}

const share = (t: SpeakerTally): number => (t.turns === 0 ? 0 : t.questions / t.turns);

/** The speaker whose turns are clearly mostly questions, if one stands out. */
export function pickInterviewer(tallies: readonly SpeakerTally[]): string | undefined {
  const ranked = [...tallies].sort((a, b) => share(b) - share(a));
  const [first, second] = ranked;
  if (first === undefined || share(first) < MOSTLY) return undefined;
  if (second !== undefined && share(second) * CLEARLY > share(first)) return undefined;
  return first.speaker;
}

/** How the draft's interviewer is recognised, and the warning a person must see when it is not (or was guessed). */
export function recogniseInterviewer(draft: TranscriptDraft, options: InterviewerOptions): { recognition: InterviewerRecognition; warnings: Problem[] } {
  const labelled = [...new Set(draft.turns.map((t) => t.speaker))].filter((s) => s !== '' && options.isInterviewer(s));
  if (labelled.length > 0) return { recognition: { status: 'labelled', speakers: labelled }, warnings: [] };
  const tallies = tallySpeakers(draft);
  if (tallies.length < 2) return { recognition: { status: 'single speaker' }, warnings: [] };

  const picked = options.auto === true ? pickInterviewer(tallies) : undefined;
  if (picked !== undefined) {
    const others = tallies.filter((t) => t.speaker !== picked).map(describeTally).join(', ');
    const mine = describeTally(tallies.find((t) => t.speaker === picked)!);
    return {
      recognition: { status: 'picked', speakers: [picked], tallies },
      warnings: [
        {
          ...warning({ file: draft.file }, `interviewer picked by --interviewer auto: ${mine}; not ${others}`, `if that is wrong, name the interviewer with --interviewer LABEL`),
          kind: 'interviewer picked by --interviewer auto',
        },
      ],
    };
  }
  const likely = [...tallies].sort((a, b) => share(b) - share(a))[0]!.speaker;
  const auto = options.auto === true ? '; --interviewer auto found no speaker whose turns are clearly mostly questions' : '';
  return {
    recognition: { status: 'unrecognised', tallies },
    warnings: [
      {
        ...warning(
          { file: draft.file },
          `no interviewer recognised among ${tallies.length} speakers: ${tallies.map(describeTally).join(', ')}; every turn is coded as a respondent's${auto}`,
          `if ${likely} is the interviewer, add --interviewer "${likely}" (or "interviewers: [${likely}]" in collab-code.yaml)${options.auto === true ? '' : ', or try --interviewer auto'}`,
        ),
        kind: 'no interviewer recognised',
      },
    ],
  };
}

/** "Dan (12 turns, 83% questions)" */
function describeTally(t: SpeakerTally): string {
  return `${t.speaker} (${t.turns} ${t.turns === 1 ? 'turn' : 'turns'}, ${Math.round(share(t) * 100)}% questions)`;
}
