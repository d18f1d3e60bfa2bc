// Contact details found by their shape: e-mail addresses (also written "at … dot"), URLs and bare domains, social-media
// handles, phone numbers in international and local forms, and street addresses and post boxes (English, Spanish).
import type { Finding, FindingKind } from './findings.js';

// Letters and digits of any script: contact details in transcripts are not always ASCII.
const W = '[\\p{L}\\p{N}]';

const EMAIL = new RegExp(`${W}[\\p{L}\\p{N}._%+-]*@${W}[\\p{L}\\p{N}-]*(?:\\.${W}[\\p{L}\\p{N}-]*)+`, 'gu');
// "ana at medios dot org", "ana [at] medios [dot] org", "ana arroba medios punto org": addresses spelled out so that
// they survive a transcription, or an interviewee dictating them.
const AT = '(?:\\s*[\\[({]\\s*(?:at|arroba)\\s*[\\])}]\\s*|\\s+(?:at|arroba)\\s+)';
const DOT = '(?:\\s*[\\[({]\\s*(?:dot|punto)\\s*[\\])}]\\s*|\\s+(?:dot|punto)\\s+|\\.)';
const SPELLED_EMAIL = new RegExp(`${W}[\\p{L}\\p{N}._+-]*${AT}${W}[\\p{L}\\p{N}-]*(?:${DOT}${W}[\\p{L}\\p{N}-]*)*(?:\\s*[\\[({]\\s*(?:dot|punto)\\s*[\\])}]\\s*|\\s+(?:dot|punto)\\s+)${W}[\\p{L}\\p{N}-]*`, 'giu');

const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
// Bare domains ("medioslibres.org", "radio-sur.com.co/equipo"): a generic top-level domain of this list in any case,
// or any two-letter country domain in lower case ("ejemplo.co", "radio.pe"), after a label of two or more characters.
const GENERIC_TLDS = 'com|org|net|info|biz|io|gov|edu|int|ngo|ong|media|news|press|online|site|app|live|blog|tv|fm|radio|africa|lat|global|world|network|foundation';
const LABELS = '(?<![\\p{L}\\p{N}@._/-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)*[\\p{L}\\p{N}][\\p{L}\\p{N}-]*[\\p{L}\\p{N}]\\.';
const PATH = '(?:\\.[a-z]{2}(?![\\p{L}\\p{N}]))?(?:/[^\\s<>"\'`]*)?';
const GENERIC_DOMAIN = new RegExp(`${LABELS}(?:${GENERIC_TLDS})(?![\\p{L}\\p{N}])${PATH}`, 'giu');
const COUNTRY_DOMAIN = new RegExp(`${LABELS}[a-z]{2}(?![\\p{L}\\p{N}])${PATH}`, 'gu');

// "@ana_perez", "@RadioSur": an at sign not inside an e-mail address, then a handle's characters.
const HANDLE = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?/gu;

// Phone numbers: an optional + or 00 and country code, then digit groups separated by spaces, dots, dashes, slashes or
// parentheses; 7 to 15 digits in all. Shapes that are dates, year ranges or amounts are left alone (see isPhone).
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|\b00)?\(?\d[\d \u00a0().\/-]{5,22}\d\b(?!\.\d)/gu;

const STREET_EN = '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Close|Crescent|Place|Square|Terrace|Highway|Hwy)';
// "12 Harbour Road", "221B Baker Street", "45 Independence Ave."
const ADDRESS_EN = new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[\\p{Lu}][\\p{L}'’-]*\\s+){1,4}${STREET_EN}\\b\\.?|\\b\\d{1,3}(?:st|nd|rd|th)\\s+${STREET_EN}\\b\\.?`, 'gu');
// "Calle 45 #12-30", "Avenida Reforma 123, piso 4", "Jr. Lampa 456", "Carrera 7 No. 12-45", "C/ Mayor, 3"
const STREET_ES = '(?:Calle|C/|Avenida|Avda\\.?|Av\\.|Carrera|Cra\\.?|Kra\\.?|Jirón|Jr\\.|Pasaje|Psje\\.?|Paseo|Plaza|Diagonal|Transversal|Calzada|Camino|Carretera|Callejón|Boulevard|Bulevar)';
const ADDRESS_ES = new RegExp(
  `(?<![\\p{L}])(?:\\d{1,3}(?:a|o|ra|da|ta|va|na|º|ª|°)?\\.?\\s+)?${STREET_ES}\\s*(?:[\\p{L}\\p{N}'’.-]+\\s+){0,5}?(?:#|No\\.?|Nº|N°|n\\.?º|número)?\\s*\\d+[A-Za-z]?(?:\\s*[-#]\\s*\\d+[A-Za-z]?)*(?:,?\\s*(?:piso|depto\\.?|departamento|oficina|of\\.|apto\\.?|apartamento|interior|int\\.)\\s*\\d+[A-Za-z]?)?`,
  'gu',
);
const POST_BOX = /\b(?:P\.?\s?O\.?\s?Box|Post Office Box|Apartado(?: Postal| Aéreo)?|Apdo\.?|Casilla(?: de [Cc]orreo)?)\s*(?:No\.?\s*)?\d+/gu;
// British postcodes ("SW1A 1AA"), which name a street.
const POSTCODE_UK = /\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/gu;

const TRAILING = /[.,;:!?)\]}»”’'"]+$/u;

/** Every contact detail in `text`, possibly overlapping (mergeFindings resolves that). */
export function findContactDetails(text: string): Finding[] {
  const found: Finding[] = [];
  const add = (kind: FindingKind, start: number, raw: string): void => {
    const trimmed = kind === 'url' || kind === 'email' || kind === 'address' ? raw.replace(TRAILING, '') : raw;
    if (trimmed.length > 0) found.push({ kind, start, end: start + trimmed.length, text: trimmed, source: 'pattern' });
  };
  const each = (re: RegExp, kind: FindingKind, keep: (match: string, at: number) => boolean = () => true): void => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (keep(m[0], m.index)) add(kind, m.index, m[0]);
  };
  each(EMAIL, 'email');
  each(SPELLED_EMAIL, 'email');
  each(URL_WITH_SCHEME, 'url');
  each(GENERIC_DOMAIN, 'url');
  each(COUNTRY_DOMAIN, 'url', (m) => !/^[\d.]+$/.test(m));
  each(HANDLE, 'handle', (m) => m.length > 2);
  each(PHONE, 'phone', (m, at) => isPhone(m) && !isAmount(text, at, at + m.length));
  each(ADDRESS_EN, 'address');
  each(ADDRESS_ES, 'address');
  each(POST_BOX, 'address');
  each(POSTCODE_UK, 'address');
  return found;
}

/** A run of digits shaped like a phone number, not like a date, a span of years, an amount or a decimal. */
export function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (/^\+|^00/.test(candidate)) return true;
  const bare = candidate.trim();
  // 2019-2023, 1998 - 2004
  if (/^(?:1[89]|20)\d\d\s*[-–\/]\s*(?:(?:1[89]|20)\d\d|\d\d)$/.test(bare)) return false;
  // 14/05/2023, 2023-05-14, 14.05.2023
  if (/^\d{1,2}[\/.-]\d{1,2}[\/.-]\d{2,4}$|^\d{4}[\/.-]\d{1,2}[\/.-]\d{1,2}$/.test(bare)) return false;
  return true;
}

// A currency before a number, or a currency or "million" after it: "$1.500.000", "2 500 000 pesos".
const CURRENCY_BEFORE = /(?:[$€£¥₦₹]|\b(?:US\$|USD|EUR|GBP|MXN|COP|KES|NGN)\s?)$/u;
const CURRENCY_AFTER = /^\s*(?:dollars?|dólares|euros?|pesos|soles|bolívares|quetzales|lempiras|colones|reais|francs?|shillings?|chelines|naira|rand|rupees?|USD|EUR|GBP|MXN|COP|KES|NGN|millions?|millones|mil|thousand|billion)\b/iu;

/** Whether text[start, end) reads as an amount of money (thousands written with dots or spaces look like phones). */
export function isAmount(text: string, start: number, end: number): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || CURRENCY_AFTER.test(text.slice(end, end + 14));
}
