// Transcript attributes that identify someone (name, organisation, contact details) or hold their consent: read by the
// leak check and the consent rules, never shown in the outputs' sample tables, breakdowns or list of interviews.

const PERSON = ['name', 'names', 'full_name', 'fullname', 'interviewee', 'respondent', 'participant', 'person', 'alias', 'aliases', 'nickname', 'nombre', 'nombres', 'alias_es', 'apodo'];
const ORGANISATION = ['organisation', 'organization', 'organisations', 'organizations', 'org', 'affiliation', 'employer', 'outlet', 'organización', 'organizacion', 'medio'];
const CONTACT = ['email', 'e-mail', 'mail', 'phone', 'telephone', 'mobile', 'contact', 'address', 'handle', 'twitter', 'website', 'url', 'correo', 'teléfono', 'telefono', 'celular', 'dirección', 'direccion'];

/** The attribute holding an interviewee's consent to be quoted. */
export const CONSENT_ATTRIBUTE = 'quote_consent';

export type IdentifyingAttribute = 'person' | 'organisation' | 'contact';

/** What an attribute identifies, if it does (keys compared case-insensitively, "-" and " " as "_"). */
export function identifyingAttribute(key: string): IdentifyingAttribute | undefined {
  const k = key.trim().toLowerCase().replace(/[ -]+/g, '_');
  if (PERSON.includes(k)) return 'person';
  if (ORGANISATION.includes(k)) return 'organisation';
  if (CONTACT.includes(k) || CONTACT.includes(k.replace(/_/g, '-'))) return 'contact';
  return undefined;
}

/** Attributes the outputs never show: the identifying ones and the consent. */
export const isPrivateAttribute = (key: string): boolean => identifyingAttribute(key) !== undefined || key.trim().toLowerCase() === CONSENT_ATTRIBUTE;

/** The attributes an output may show. */
export function publicAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => !isPrivateAttribute(key)));
}
