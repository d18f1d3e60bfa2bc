// An interviewee's consent to be quoted, from the transcript's quote_consent attribute (front matter or participants table).
import { error, ok, fail, type Result } from '../problem.js';
import type { Transcript } from '../transcripts/transcript.js';
import { allAttributesOf, attributeKey, CONSENT_ATTRIBUTE } from './attributes.js';

/** yes: quoted (the default); no: counted, never quoted; review: quoted only once a review file approves the quote. */
export const CONSENT_VALUES = ['yes', 'no', 'review'] as const;
export type Consent = (typeof CONSENT_VALUES)[number];

/** The transcript's consent; a value other than yes, no or review is an error naming the transcript. */
export function consentOf(transcript: Pick<Transcript, 'id' | 'file' | 'attributes' | 'participant'>): Result<Consent> {
  const entry = Object.entries(allAttributesOf(transcript)).find(([key]) => attributeKey(key) === CONSENT_ATTRIBUTE);
  if (entry === undefined || entry[1].trim() === '') return ok('yes');
  const value = entry[1].trim().toLowerCase();
  if ((CONSENT_VALUES as readonly string[]).includes(value)) return ok(value as Consent);
  return fail([
    error(
      transcript.participant !== undefined && transcript.attributes[entry[0]] === undefined ? transcript.participant.source : { file: transcript.file },
      `${transcript.id}: ${CONSENT_ATTRIBUTE} "${entry[1]}" is not one of ${CONSENT_VALUES.join(', ')}`,
      'yes: may be quoted; no: counted but never quoted; review: quoted once the interviewee approves the quote (collab-code quotes review)',
    ),
  ]);
}

export interface ConsentCounts {
  /** Interviewees in the sample with each consent. */
  readonly yes: number;
  readonly no: number;
  readonly review: number;
}
