// Names the project knows: front matter or participants-table values (name, organisation, aliases), a private names
// list, and speaker labels that are personal names. Found in a text by their words, accents and case ignored.
import { appendAll } from '../collections.js';
import { scanWords, foldDiacritics } from '../text/tokenize.js';
import { allAttributesOf, identifyingAttribute } from './attributes.js';
import type { TranscriptSummary } from '../transcripts/transcript.js';
import type { Finding } from './findings.js';

export type KnownNameKind = 'name' | 'organisation';

export interface KnownName {
  /** As the project gave it ("Ana María Pérez"). */
  readonly text: string;
  readonly kind: KnownNameKind;
  /** Where it was given ("M01.md: name", "speaker label", "private names"), for messages and the key. */
  readonly from: string;
  /** The label of an interviewer: pseudonymised as "Interviewer N", so the copy still tells the interviewer apart. */
  readonly interviewer?: boolean;
  /** For an alias, the person's name it stands for: both get the same pseudonym. */
  readonly aliasOf?: string;
}

// Words that join the parts of a name but are no name on their own.
export const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'bin', 'ibn', 'al', 'el', 'ben', 'st', 'mc', 'the', 'of', 'and']);

// Speaker labels that name a role or a code rather than a person ("Respondent 2", "P3", "Entrevistada", "Donor A").
const ROLES = new Set(
  (
    'respondent respondente interviewee participant speaker informant subject person member donor ally partner journalist activist editor reporter ' +
    'director coordinator manager officer staff representative expert guest answer voice unknown all group audience woman man female male young senior ' +
    'entrevistado entrevistada participante informante hablante persona miembro miembra donante aliado aliada socio socia periodista activista editora ' +
    'directora coordinadora coordinador representante invitado invitada experto experta respuesta voz desconocido desconocida todos grupo mujer hombre ' +
    'joven interviewer int q i moderator facilitator researcher entrevistador entrevistadora moderador moderadora facilitador facilitadora ' +
    'investigador investigadora'
  ).split(' '),
);

/** A speaker label that is a role or a code ("Respondent 3", "P3", "A", "Entrevistada"), not a personal name. */
export function isGenericSpeaker(label: string): boolean {
  const words = label.trim().split(/[\s_]+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  return words.every((w) => /^(?:\p{Lu}{1,3}\d*[a-z]?|\d+[a-z]?|#\d+|\(\d+\))$/u.test(w) || ROLES.has(foldDiacritics(w.toLowerCase().replace(/[.:()]/g, ''))));
}

/** The known names given by one transcript's attributes: person and organisation values, "; " or "|" separated; aliases also ",". */
export function namesFromAttributes(attributes: Readonly<Record<string, string>>, where: string): KnownName[] {
  const names: KnownName[] = [];
  const isAlias = (key: string): boolean => /alias|apodo|nickname/i.test(key);
  // Names before aliases, so that an alias can point to the name it stands for.
  const entries = Object.entries(attributes).sort(([a], [b]) => Number(isAlias(a)) - Number(isAlias(b)));
  for (const [key, value] of entries) {
    const what = identifyingAttribute(key);
    if (what === undefined || what === 'contact') continue;
    const person = names.find((n) => n.kind === 'name');
    for (const part of value.split(isAlias(key) ? /[;|,]/ : /[;|]/)) {
      const text = part.trim();
      if (text === '') continue;
      const kind = what === 'person' ? 'name' : 'organisation';
      names.push({ text, kind, from: `${where}: ${key}`, ...(isAlias(key) && person !== undefined ? { aliasOf: person.text } : {}) });
    }
  }
  return names;
}

/** Names from a private names list: one per line; blank lines and lines starting with # are skipped. */
export function namesFromList(text: string, where: string): KnownName[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => ({ text: line, kind: 'name' as const, from: where }));
}

interface Pattern {
  readonly name: KnownName;
  /** Folded words of the name or of one of its parts. */
  readonly words: readonly string[];
  /** A single word matches only where written with a capital: "Rose" the person, not "rose" the verb. */
  readonly capitalised: boolean;
}

const foldWord = (word: string): string => foldDiacritics(word.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''));

function wordsOf(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(foldWord(text.slice(start, end))));
  return words;
}

/** Finds known names in texts: each whole name, an acronym given in brackets, and each part of a personal name. */
export class KnownNameMatcher {
  private readonly byFirstWord = new Map<string, Pattern[]>();
  readonly names: readonly KnownName[];

  constructor(names: readonly KnownName[]) {
    // Each name once (the first given wins), and none without a word.
    const seen = new Set<string>();
    this.names = names.filter((n) => {
      const words = wordsOf(n.text).join(' ');
      const key = `${n.kind}\u0000${words}`;
      if (words === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    for (const name of this.names) {
      // "Centro de Periodismo Libre (CPL)": the name without its acronym, and the acronym on its own.
      const acronym = /\(([^)]+)\)\s*$/.exec(name.text);
      const whole = acronym === null ? name.text : name.text.slice(0, acronym.index);
      this.add(name, wordsOf(whole));
      if (acronym !== null) this.add(name, wordsOf(acronym[1]!));
      if (name.kind === 'name') for (const part of wordsOf(whole)) if (part.length >= 2 && !PARTICLES.has(part)) this.add(name, [part]);
    }
    for (const patterns of this.byFirstWord.values()) patterns.sort((a, b) => b.words.length - a.words.length);
  }

  private add(name: KnownName, words: readonly string[]): void {
    if (words.length === 0) return;
    const list = this.byFirstWord.get(words[0]!) ?? [];
    if (list.some((p) => p.words.join(' ') === words.join(' '))) return;
    list.push({ name, words, capitalised: words.length === 1 });
    this.byFirstWord.set(words[0]!, list);
  }

  get isEmpty(): boolean {
    return this.byFirstWord.size === 0;
  }

  find(text: string): Finding[] {
    if (this.isEmpty) return [];
    const starts: number[] = [];
    const ends: number[] = [];
    const folded: string[] = [];
    scanWords(text, (start, end) => {
      starts.push(start);
      ends.push(end);
      folded.push(foldWord(text.slice(start, end)));
    });
    const found: Finding[] = [];
    for (let i = 0; i < folded.length; i++) {
      const candidates = this.byFirstWord.get(folded[i]!);
      if (candidates === undefined) continue;
      for (const p of candidates) {
        if (p.capitalised && !/^\p{Lu}/u.test(text[starts[i]!]!)) continue;
        const last = i + p.words.length - 1;
        if (last >= folded.length) continue;
        let matches = true;
        for (let k = 1; k < p.words.length && matches; k++) {
          // Words of a name are separated by spaces, hyphens, dots or apostrophes only ("J. Smith", "Jean-Pierre").
          matches = folded[i + k] === p.words[k] && /^[\s\-.'’]{1,3}$/u.test(text.slice(ends[i + k - 1]!, starts[i + k]!));
        }
        if (!matches) continue;
        found.push({ kind: p.name.kind, start: starts[i]!, end: ends[last]!, text: text.slice(starts[i]!, ends[last]!), source: 'known' });
        i = last;
        break;
      }
    }
    return found;
  }

  /** The known name a found stretch belongs to (the whole name for one of its parts), for consistent pseudonyms. */
  nameOf(stretch: string): KnownName | undefined {
    const words = wordsOf(stretch);
    for (const p of this.byFirstWord.get(words[0] ?? '') ?? []) if (p.words.join(' ') === words.join(' ')) return p.name;
    return undefined;
  }
}

/** Every name the transcripts give: person and organisation attributes, and speaker labels that are personal names. */
/** What the names of a transcript are read from: its attributes, participants-table row and speaker labels. */
export type NamedTranscript = Pick<TranscriptSummary, 'id' | 'attributes' | 'participant' | 'speakers'>;

export function namesOfTranscripts(transcripts: readonly NamedTranscript[]): KnownName[] {
  const names: KnownName[] = [];
  for (const t of transcripts) {
    appendAll(names, namesFromAttributes(allAttributesOf(t), t.id));
    const own = names.filter((n) => n.kind === 'name' && n.from.startsWith(`${t.id}: `) && n.aliasOf === undefined);
    for (const { speaker, role } of t.speakers) {
      if (isGenericSpeaker(speaker)) continue;
      // A respondent labelled by part of their name ("María Fernanda" for María Fernanda Rojas) is that person.
      const words = wordsOf(speaker);
      const person = role === 'interviewer' ? undefined : own.find((n) => words.every((w) => wordsOf(n.text).includes(w)));
      names.push({ text: speaker, kind: 'name', from: `${t.id}: speaker label`, ...(role === 'interviewer' ? { interviewer: true } : {}), ...(person === undefined ? {} : { aliasOf: person.text }) });
    }
  }
  return names;
}

/** Names of the project a file name or transcript id holds ("Grace_Mwangi", "entrevista-ana-perez"). */
export function namesInIdentifier(matcher: KnownNameMatcher, identifier: string): string[] {
  // Separators in file names stand for spaces; each word is capitalised so single-word names count.
  const spaced = identifier.replace(/[_\-.]+/g, ' ').replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1));
  return matcher.find(spaced).map((f) => f.text);
}
