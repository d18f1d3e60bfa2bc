// Transcript attributes that identify someone (name, organisation, contact details) or hold their consent: read by the
// leak check and the consent rules, never shown in the outputs' sample tables, breakdowns or list of interviews.
import { attributeRecord, type Transcript } from '../transcripts/transcript.js';

const PERSON = ['name', 'names', 'full_name', 'fullname', 'interviewee', 'respondent', 'participant', 'person', 'alias', 'aliases', 'nickname', 'nombre', 'nombres', 'alias_es', 'apodo'];
const ORGANISATION = ['organisation', 'organization', 'organisations', 'organizations', 'org', 'affiliation', 'employer', 'outlet', 'organización', 'organizacion', 'medio'];
const CONTACT = ['email', 'e-mail', 'mail', 'phone', 'telephone', 'mobile', 'contact', 'address', 'handle', 'twitter', 'website', 'url', 'correo', 'teléfono', 'telefono', 'celular', 'dirección', 'direccion'];

/** The attribute holding an interviewee's consent to be quoted. */
export const CONSENT_ATTRIBUTE = 'quote_consent';

export type IdentifyingAttribute = 'person' | 'organisation' | 'contact';

/** An attribute's name as compared: case ignored, spaces and dashes as "_" ("Quote consent" is quote_consent). */
export const attributeKey = (key: string): string => key.trim().toLowerCase().replace(/[ -]+/g, '_');

/** What an attribute identifies, if it does. */
export function identifyingAttribute(key: string): IdentifyingAttribute | undefined {
  const k = attributeKey(key);
  if (PERSON.includes(k)) return 'person';
  if (ORGANISATION.includes(k)) return 'organisation';
  if (CONTACT.includes(k) || CONTACT.includes(k.replace(/_/g, '-'))) return 'contact';
  return undefined;
}

/** Attributes the outputs never show: the identifying ones and the consent. */
export const isPrivateAttribute = (key: string): boolean => identifyingAttribute(key) !== undefined || attributeKey(key) === CONSENT_ATTRIBUTE;

/**
 * Everything known about the interviewee: the participants table's whole row (names, contacts and consent are kept
 * there, never published), then the transcript's own attributes, which win where both give a value.
 */
export const allAttributesOf = (transcript: Pick<Transcript, 'attributes' | 'participant'>): Readonly<Record<string, string>> => attributeRecord({ ...transcript.participant?.values, ...transcript.attributes });

/** The attributes an output may show (a record without prototype: a key named "constructor" is data). */
export function publicAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> {
  return attributeRecord(Object.fromEntries(Object.entries(attributes).filter(([key]) => !isPrivateAttribute(key))));
}
