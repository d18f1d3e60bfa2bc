// Names found without a language model: runs of capitalised words that do not open a sentence ("Radio Sur",
// "Fundación para la Libertad de Prensa", "Kofi"), acronyms ("CPL"), and words after a title ("Sra. Gómez").
// It is the leak check's only name finder for Spanish and a second one beside the NLP library for English. Documented
// in the README ("The leak check"); it errs towards finding too much, as a missed name costs more than a redacted word.
import type { Language } from '../text/language.js';
import { foldDiacritics, scanWords } from '../text/tokenize.js';
import type { Finding, FindingKind } from './findings.js';

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter((w) => w !== ''));

// Lower-case words allowed inside a name: "Committee to Protect Journalists", "Red de Periodistas del Sur". Not "and":
// "Peter and the Coalition" are two.
const CONNECTORS = words('de del la las los da do dos of the for to para por');
// "and" joins two names only when a capitalised word follows it: "Priya and Arjun", "Radio y Televisión".
const AND = words('and y e &');

// Capitalised words that are no name: function words that open sentences, the pronoun I, months and days, regions and
// continents at a level that identifies no one, languages, platforms, and the words of everyday capitalisation.
const NOT_NAMES = words(`
  i i'm i've i'd i'll me my we our you your he she they them their it its this that these those there here what when where
  who why how which if but and or so because as also then yes no not ok okay well oh ah hello hi thanks thank please
  a an the in on at of for from to with by about after before during since until while into over under between
  mr mrs ms dr prof sir madam sr sra srta lic ing
  general meeting annual assembly conference summit workshop webinar asamblea reunión reunion conferencia cumbre taller
  el la los las lo un una unos unas y o pero porque cuando donde como que quien qué cómo cuándo dónde quién si no sí
  yo tú usted nosotros nosotras ellos ellas él ella mi mis su sus nuestro nuestra nuestros nuestras este esta estos estas
  ese esa esos esas eso esto aquí allí ahí ya bueno pues mire mira claro entonces también además después antes luego ahora
  hoy ayer mañana siempre nunca todo todos todas cada otro otra otros otras muy más menos hay es son era fue fueron
  en de del al con sin por para sobre desde hasta hacia entre según durante
  january february march april may june july august september october november december
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
  monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles miercoles jueves viernes sábado sabado domingo
  africa asia europe america americas oceania caribbean pacific atlantic mena latam global north south east west central middle
  western eastern northern southern occidental oriental
  latin sub-saharan áfrica asia europa américa américas caribe latina latinoamérica latinoamerica norte sur este oeste centro medio oriente
  english spanish french portuguese arabic swahili inglés ingles español espanol francés frances portugués portugues árabe arabe
  internet web email e-mail covid covid-19 whatsapp facebook twitter signal telegram zoom google youtube instagram tiktok linkedin skype teams
  god dios christmas navidad ngo ngos ong ongs un
  person organisation organization place interviewer interview respondent transcript entrevista
`);

// Words that open a sentence before a name and are never part of one: trimmed from an organisation's name too ("At
// Horizon Fund we…" is Horizon Fund), where region words stay ("West Africa Media Foundation").
const FUNCTION_WORDS = words(`
  a an the in on at of for from to with by about after before during since until while into over under between and or but
  so because as also then when where if i we you he she they it this that these those our my your their his her its yes no
  well oh el la los las lo un una unos unas y o pero porque cuando donde como que si en de del al con sin por para sobre
  desde hasta hacia entre según segun durante mire bueno pues entonces también tambien además ademas después despues antes
  luego ahora
`);

// Acronyms too common to identify anyone.
const COMMON_ACRONYMS = words('ngo ngos ong ongs un eu us usa uk ok tv id ceo ai it hr pr pdf covid sms faq ceo cfo pc ict tic lgbt lgbti lgbtq lgbtiq ee uu eeuu onu ue rrss vpn ip gps dm am pm');

// Words that make a run of capitalised words an organisation.
const ORGANISATION_WORDS = words(`
  foundation association network centre center institute ministry university committee commission council union federation
  coalition alliance radio tv times news post herald tribune agency trust fund society group club party bank inc ltd llc corp
  media press watch forum project observatory collective cooperative movement syndicate newspaper magazine channel bureau
  office department secretariat court police army
  fundación fundacion asociación asociacion red centro instituto ministerio universidad comité comite comisión comision consejo
  unión union federación federacion coalición coalicion alianza radio canal agencia sociedad grupo partido banco medios prensa
  observatorio colectivo cooperativa movimiento sindicato periódico periodico diario revista semanario agencia oficina
  secretaría secretaria defensoría defensoria fiscalía fiscalia policía policia ejército ejercito tribunal corte mesa plataforma
  corporación corporacion consorcio frente escuela
`);

// Words after which a capitalised word is a place: "in Nairobi", "desde Tegucigalpa".
const PLACE_BEFORE = words('in from near to en desde hacia cerca');
// Titles and kinship words after which capitalised words name a person, even at the start of a sentence.
const PERSON_BEFORE = words('mr mrs ms dr prof sr sra srta don doña dona lic ing señor senor señora senora señorita compañero compañera colega');

/**
 * Whether a name found by the NLP library reads as one: capitalised words (and connectors), not only common words.
 * It tags "Organisation media" and "Latin America" too.
 */
export function isPlausibleName(text: string): boolean {
  let capitalisedAll = true;
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    capitalisedAll &&= /^[\p{Lu}\p{N}]/u.test(word) || CONNECTORS.has(fold(word)) || AND.has(fold(word));
  });
  return capitalisedAll && !isCommonWords(text);
}

/** Whether a text holds a capitalised word that is not a common one: only then can any finder find a name in it. */
export function mayHoldNames(text: string): boolean {
  let may = false;
  scanWords(text, (start, end) => {
    if (may || !/^\p{Lu}/u.test(text[start]!)) return;
    const word = text.slice(start, end);
    may = !NOT_NAMES.has(fold(word)) && !COMMON_ACRONYMS.has(fold(word));
  });
  return may;
}

/** Whether every word of a name found elsewhere is a common word ("Latin America", "General Meeting"). */
export function isCommonWords(text: string): boolean {
  let common = true;
  scanWords(text, (start, end) => {
    const word = fold(text.slice(start, end));
    common &&= NOT_NAMES.has(word) || COMMON_ACRONYMS.has(word) || CONNECTORS.has(word);
  });
  return common;
}

const fold = (word: string): string => foldDiacritics(word.toLowerCase().replace(/’/g, "'"));

interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly folded: string;
  readonly capitalised: boolean;
  readonly acronym: boolean;
  /** Opens a sentence (or the text, or follows a colon or a quote mark), where every word is capitalised. */
  readonly opensSentence: boolean;
  /** Only spaces (or a hyphen or apostrophe) separate it from the word before. */
  readonly joined: boolean;
}

function scan(text: string): Word[] {
  const out: Word[] = [];
  let previousEnd = 0;
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    const gap = text.slice(previousEnd, start);
    out.push({
      start,
      end,
      text: word,
      folded: fold(word),
      capitalised: /^\p{Lu}/u.test(word),
      acronym: /^\p{Lu}{2,6}\d{0,2}$/u.test(word),
      opensSentence: out.length === 0 || /[.!?¿¡:;…"“”«»—–(\[]|\n/u.test(gap),
      joined: out.length > 0 && /^[ \t\u00a0'’-]+$/u.test(gap),
    });
    previousEnd = end;
  });
  return out;
}

/** Names found by the heuristic in `text`; `language` chooses nothing yet but the word lists cover English and Spanish. */
export function findNamesByHeuristic(text: string, _language: Language): Finding[] {
  const ws = scan(text);
  const found: Finding[] = [];
  const emit = (first: number, last: number, kind: FindingKind): void => {
    const start = ws[first]!.start;
    const end = ws[last]!.end;
    found.push({ kind, start, end, text: text.slice(start, end), source: 'heuristic' });
  };
  // Capitalised words that may be part of a name but are none alone ("Sur" in "Radio Sur", "General").
  // Words with digits are codes ("E01", "P3"), not names.
  const common = (x: Word): boolean => NOT_NAMES.has(x.folded) || (x.acronym && COMMON_ACRONYMS.has(x.folded)) || (!x.acronym && /\d/.test(x.text));
  let i = 0;
  while (i < ws.length) {
    if (!ws[i]!.capitalised) {
      i++;
      continue;
    }
    // The run: capitalised words, and connectors between them, separated by spaces only.
    let end = i;
    for (let j = i + 1; j < ws.length && ws[j]!.joined; j++) {
      if (ws[j]!.capitalised) end = j;
      else if (AND.has(ws[j]!.folded) && ws[j + 1]?.capitalised === true && ws[j + 1]!.joined && !common(ws[j + 1]!)) continue;
      else if (!CONNECTORS.has(ws[j]!.folded)) break;
    }
    const next = end + 1;
    // Trim common words from both ends: "When Ana" is Ana, "West Africa" is nothing.
    let first = i;
    let last = end;
    // An organisation's name may hold common words ("West Africa Media Foundation", "Radio Sur"): it stays whole. Else
    // common words are trimmed from the front; from the end only when nothing else is left ("Voces del Sur" stays).
    const isOrganisation = ws.slice(first, last + 1).some((x) => ORGANISATION_WORDS.has(x.folded));
    while (first <= last && ((common(ws[first]!) && (!isOrganisation || FUNCTION_WORDS.has(ws[first]!.folded))) || !ws[first]!.capitalised)) first++;
    while (last >= first && !ws[last]!.capitalised) last--;
    if (first <= last && ws.slice(first, last + 1).every((x) => common(x) || !x.capitalised)) first = last + 1;
    if (first <= last) {
      const w = ws[first]!;
      const before = first > 0 ? ws[first - 1] : undefined;
      const afterTitle = before !== undefined && PERSON_BEFORE.has(before.folded.replace(/\.$/, ''));
      // A lone capitalised word opening a sentence is just capitalised, unless it is an acronym or follows a title.
      const lone = first === last && w.opensSentence && !w.acronym && !afterTitle;
      if (!lone) {
        const run = ws.slice(first, last + 1);
        let kind: FindingKind = 'name';
        if (run.some((x) => ORGANISATION_WORDS.has(x.folded)) || (first === last && w.acronym)) kind = 'organisation';
        else if (!afterTitle && before !== undefined && w.joined && PLACE_BEFORE.has(before.folded)) kind = 'place';
        emit(first, last, kind);
      }
    }
    i = next;
  }
  return found;
}
