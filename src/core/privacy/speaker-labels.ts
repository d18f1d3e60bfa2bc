// Speaker labels as the published outputs (report, summary.json) show them: a role or a code as written, a personal
// name withheld. An interviewer's label such as "Interviewer (Dan Brown)" names a person who never consented to be
// in the report, and says nothing the method needs.
import type { InterviewerRecognition, SpeakerTally } from '../transcripts/transcript.js';
import { isGenericSpeaker } from './known-names.js';

const WITHHELD = '[name]';

/** "Interviewer 2" as written; "Interviewer (Dan Brown)" and "Interviewer – Dan" → "Interviewer ([name])"; "Dan" → "[name]". */
export function publicSpeakerLabel(label: string): string {
  if (isGenericSpeaker(label)) return label;
  const role = /^(.+?)\s*(?:\(.*\)|[–—-]\s.*)$/u.exec(label)?.[1];
  return role !== undefined && isGenericSpeaker(role) ? `${role} (${WITHHELD})` : WITHHELD;
}

/** The recognition with every speaker it names as publicSpeakerLabel shows it. */
export function publicRecognition(recognition: InterviewerRecognition): InterviewerRecognition {
  switch (recognition.status) {
    case 'labelled':
      return { status: 'labelled', speakers: [...new Set(recognition.speakers.map(publicSpeakerLabel))] };
    case 'picked':
      return { status: 'picked', speakers: [publicSpeakerLabel(recognition.speakers[0])], tallies: publicTallies(recognition.tallies) };
    case 'unrecognised':
      return { status: 'unrecognised', tallies: publicTallies(recognition.tallies) };
    case 'single speaker':
      return recognition;
  }
}

const publicTallies = (tallies: readonly SpeakerTally[]): SpeakerTally[] => tallies.map((t) => ({ ...t, speaker: publicSpeakerLabel(t.speaker) }));
