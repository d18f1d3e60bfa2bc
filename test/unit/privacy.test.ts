// The leak check's finders, redaction, known names and pseudonyms: what each finds and, as much, what it leaves alone.
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { findContactDetails, isPhone } from '../../src/core/privacy/contact-patterns.js';
import { mergeFindings, type Finding } from '../../src/core/privacy/findings.js';
import { isGenericSpeaker, KnownNameMatcher, namesFromAttributes, namesFromList, namesInIdentifier, namesOfTranscripts } from '../../src/core/privacy/known-names.js';
import { createLeakCheck, redact } from '../../src/core/privacy/leak-check.js';
import { findNamesByHeuristic } from '../../src/core/privacy/name-heuristic.js';
import { compromiseNameFinder, type Compromise } from '../../src/core/privacy/nlp-names.js';
import { Pseudonyms } from '../../src/core/privacy/pseudonyms.js';
import { anonymiseTranscript } from '../../src/core/privacy/anonymise.js';
import { publicRecognition, publicSpeakerLabel } from '../../src/core/privacy/speaker-labels.js';
import { summaryOf, type InterviewerRecognition } from '../../src/core/transcripts/transcript.js';
import { transcriptFrom } from '../helpers/build.js';

const texts = (found: readonly Finding[]) => found.map((f) => `${f.kind}:${f.text}`);
const contacts = (text: string) => texts(mergeFindings(text, findContactDetails(text)));
const noKnownNames = new KnownNameMatcher([]);
const check = createLeakCheck({ known: noKnownNames });

describe('contact details', () => {
  it.each([
    ['write to ana.perez@medios-libres.org.', ['email:ana.perez@medios-libres.org']],
    ['escriba a luis arroba radiosur punto pe, por favor', ['email:luis arroba radiosur punto pe']],
    ['ana [at] example [dot] org', ['email:ana [at] example [dot] org']],
    ['see https://freevoices.org/team, or www.kmw.or.ke.', ['url:https://freevoices.org/team', 'url:www.kmw.or.ke']],
    ['todo está en vocesdelsur.org.co y en radio.pe/equipo', ['url:vocesdelsur.org.co', 'url:radio.pe/equipo']],
    ['follow @kmw_watch or @LanternLegal!', ['handle:@kmw_watch', 'handle:@LanternLegal']],
    ['call +254 722 123 456 or 0722 987 654', ['phone:+254 722 123 456', 'phone:0722 987 654']],
    ['el (01) 426 7890 o el 55 1234 5678, desde fuera +52 55 8765 4321', ['phone:(01) 426 7890', 'phone:55 1234 5678', 'phone:+52 55 8765 4321']],
    ['reach her on 555-0134 at night', ['phone:555-0134']],
    ['our office at 14 Riverside Drive, Nairobi', ['address:14 Riverside Drive']],
    ['la oficina queda en la Calle 45 #12-30, Medellín', ['address:Calle 45 #12-30']],
    ['en la 4a Avenida 12-59, zona 1', ['address:4a Avenida 12-59']],
    ['Avenida Reforma 123, piso 4, hacemos', ['address:Avenida Reforma 123, piso 4']],
    ['write to P.O. Box 4471', ['address:P.O. Box 4471']],
  ])('finds them in %j', (text, expected) => {
    expect(contacts(text)).toEqual(expected);
  });

  it.each([
    'From 2020-2022 we never met anyone in person.',
    'The interview was on 14/05/2023 at ten.',
    'We received $1.500.000 over three years.',
    'recibimos 1.500.000 pesos de un fondo flexible',
    'grants of 20,000 euros, e.g. for rent, i.e. the office',
    'Section 19 of the law, and 2 500 000 dollars.',
    'people at the meeting were tired',
  ])('leaves %j alone', (text) => {
    expect(contacts(text)).toEqual([]);
  });

  it('tells a phone number from a date, a span of years and a short number', () => {
    expect(isPhone('2345-6789')).toBe(true);
    expect(isPhone('1998 - 2004')).toBe(false);
    expect(isPhone('2023-05-14')).toBe(false);
    expect(isPhone('12 34')).toBe(false);
  });

  it('does not take the handle out of an e-mail address', () => {
    expect(contacts('grace.mwangi@kmw.or.ke')).toEqual(['email:grace.mwangi@kmw.or.ke']);
  });
});

describe('names by heuristic', () => {
  const names = (text: string) => texts(findNamesByHeuristic(text, 'en'));

  it('finds capitalised words that do not open a sentence, with the connectors of a name', () => {
    expect(names('We met Peter Otieno and the Coalition to Defend Reporters in Mombasa.')).toEqual(['name:Peter Otieno', 'organisation:Coalition to Defend Reporters', 'place:Mombasa']);
    expect(names('Trabajamos con la Red de Periodistas de Antioquia y con Julián Herrera.')).toEqual(['organisation:Red de Periodistas de Antioquia', 'name:Julián Herrera']);
  });

  it('trims common words, so "When Ana" is Ana and "West Africa" nothing, but keeps an organisation whole', () => {
    expect(names('When Ana called, we were in West Africa, in May, on WhatsApp.')).toEqual(['name:Ana']);
    expect(names('We work with Radio Sur and with Voces del Sur.')).toEqual(['organisation:Radio Sur', 'name:Voces del Sur']);
  });

  it('skips a lone capitalised word opening a sentence, but not an acronym or a name after a title', () => {
    expect(names('Money is short. Trust too.')).toEqual([]);
    expect(names('KMW lost the grant.')).toEqual(['organisation:KMW']);
    expect(names('La Sra. Gómez nos acompañó.')).toEqual(['name:Gómez']);
  });

  it('does not join the pronoun I to a name, nor a sentence\'s first word to an organisation', () => {
    expect(names('My colleague Peter Otieno and I were the only ones there.')).toEqual(['name:Peter Otieno']);
    expect(names('At Horizon Fund we decided the priorities. The Ford Foundation agreed.')).toEqual(['organisation:Horizon Fund', 'organisation:Ford Foundation']);
    expect(names('Then West Africa Media Foundation paid. With Priya and I it worked.')).toEqual(['organisation:West Africa Media Foundation', 'name:Priya']);
  });

  it('leaves common acronyms, codes and pseudonyms alone', () => {
    expect(names('The NGO and the UN, like the EU, met P3 and Person 4 of Organisation 2 in the Interview E01.')).toEqual([]);
  });
});

describe('names by the NLP library', () => {
  const withNlp = createLeakCheck({ known: noKnownNames, nlp: { en: compromiseNameFinder(nlp as unknown as Compromise) } });

  it('finds a name opening a sentence, which the heuristic cannot tell from a capitalised word', () => {
    expect(texts(check('Peter said the coalition was too slow.', 'en'))).toEqual([]);
    expect(texts(withNlp('Peter said the coalition was too slow.', 'en'))).toEqual(['name:Peter']);
  });

  it('drops its lower-case "names" and regions that identify no one', () => {
    expect(texts(withNlp('We talked about the grant yesterday. We work across Latin America.', 'en'))).toEqual([]);
  });

  it('reads each sentence once, so a quote checked after its turn costs no second pass, and finds the same', () => {
    const read: string[] = [];
    const finder = compromiseNameFinder(nlp as unknown as Compromise);
    const counting = createLeakCheck({ known: noKnownNames, nlp: { en: (sentence) => (read.push(sentence), finder(sentence)) } });
    const turn = 'Peter said the coalition was too slow. Then Amina Yusuf called from Lagos.';
    const quote = 'Then Amina Yusuf called from Lagos.';
    expect(texts(counting(turn, 'en'))).toEqual(texts(withNlp(turn, 'en')));
    expect(texts(counting(quote, 'en'))).toEqual(texts(withNlp(quote, 'en')));
    expect(read).toEqual(['Peter said the coalition was too slow.', 'Then Amina Yusuf called from Lagos.']);
  });
});

describe('known names', () => {
  const known = new KnownNameMatcher([
    ...namesFromAttributes({ name: 'Ana María Pérez', organisation: 'Centro de Periodismo Libre (CPL)', aliases: 'Anita, La Flaca', group: 'members' }, 'M01'),
    ...namesFromList('# private\nRose Otieno\n\n', 'names.txt'),
  ]);

  it('finds a name, its parts, its acronym and its aliases, ignoring accents and case in whole names', () => {
    expect(texts(known.find('Ana maria perez told Perez and Anita about the CPL and the centro de periodismo libre.'))).toEqual([
      'name:Ana maria perez',
      'name:Perez',
      'name:Anita',
      'organisation:CPL',
      'organisation:centro de periodismo libre',
    ]);
  });

  it('finds names in file names and ids, whatever their separators and case', () => {
    expect(namesInIdentifier(known, 'entrevista_ana-perez')).toEqual(['Ana', 'Perez']);
    expect(namesInIdentifier(known, 'M05')).toEqual([]);
  });

  it('takes a single word for a name only where it is capitalised', () => {
    expect(texts(known.find('Rose said the rents rose again.'))).toEqual(['name:Rose']);
  });

  it('reads speaker labels: personal names are known names, roles and codes are not', () => {
    for (const label of ['Respondent', 'Respondent 2', 'P3', 'A', 'Entrevistada', 'Participante 1', 'Interviewer', 'Donor A']) expect(isGenericSpeaker(label), label).toBe(true);
    for (const label of ['Grace', 'María Fernanda', 'Kofi Mensah']) expect(isGenericSpeaker(label), label).toBe(false);
    const t = transcriptFrom('---\nname: María Fernanda Rojas\n---\nEntrevistadora: ¿Y?\n\nMaría Fernanda: Sí.\n');
    const names = namesOfTranscripts([t].map(summaryOf));
    expect(names.map((n) => [n.text, n.aliasOf])).toEqual([
      ['María Fernanda Rojas', undefined],
      ['María Fernanda', 'María Fernanda Rojas'],
    ]);
  });
});

describe('redaction', () => {
  it('replaces each finding with its bracketed kind, overlaps merged so no half name is left', () => {
    const text = 'Lena Fischer from the Free Voices Foundation wrote to lena@freevoices.org.';
    expect(redact(text, check(text, 'en'))).toBe('[name] from the [organisation] wrote to [email].');
    const overlapping: Finding[] = [
      { kind: 'name', start: 0, end: 9, text: 'Ana María', source: 'heuristic' },
      { kind: 'name', start: 4, end: 15, text: 'María Pérez', source: 'known' },
    ];
    expect(redact('Ana María Pérez dijo', mergeFindings('Ana María Pérez dijo', overlapping))).toBe('[name] dijo');
  });
});

describe('pseudonyms', () => {
  it('gives the same name the same pseudonym in every transcript, parts and aliases included; contact details by kind', () => {
    const a = transcriptFrom('---\nname: Julián Herrera\naliases: Juli\n---\nInterviewer: ?\n\nJulián: I work with Radio Sur. Write to julian@radiosur.org.\n', 'A');
    const b = transcriptFrom('---\nname: Rosa Mamani\n---\nInterviewer: ?\n\nRespondent: Julián Herrera and Juli, that is, Herrera, called Radio Sur from +51 1 426 7890.\n', 'B');
    const known = new KnownNameMatcher(namesOfTranscripts([a, b].map(summaryOf)));
    const pseudonyms = new Pseudonyms(known);
    const leakCheck = createLeakCheck({ known });
    const copyA = anonymiseTranscript(a, leakCheck, known, pseudonyms).text;
    const copyB = anonymiseTranscript(b, leakCheck, known, pseudonyms).text;
    expect(copyA).toBe('---\nname: "Person 1"\naliases: "Person 1"\n---\nInterviewer: ?\n\nPerson 1: I work with Organisation 1. Write to [email].\n');
    expect(copyB).toBe('---\nname: "Person 2"\n---\nInterviewer: ?\n\nRespondent: Person 1 and Person 1, that is, Person 1, called Organisation 1 from [phone].\n');
    expect(pseudonyms.list().map((e) => [e.pseudonym, e.name, [...e.transcripts].join(' ')])).toEqual([
      ['Person 1', 'Julián Herrera', 'A B'],
      ['Organisation 1', 'Radio Sur', 'A B'],
      ['Person 2', 'Rosa Mamani', 'B'],
    ]);
  });

  it('keeps an interviewer who is named an interviewer', () => {
    const t = transcriptFrom('Ana: What happened?\n\nRespondent: Ana knows.\n', 'C');
    const isAnaInterviewer = { ...t, turns: t.turns.map((turn) => (turn.speaker === 'Ana' ? { ...turn, role: 'interviewer' as const } : turn)) };
    const known = new KnownNameMatcher(namesOfTranscripts([isAnaInterviewer].map(summaryOf)));
    expect(anonymiseTranscript(isAnaInterviewer, createLeakCheck({ known }), known, new Pseudonyms(known)).text).toBe('Interviewer 1: What happened?\n\nRespondent: Interviewer 1 knows.\n');
  });
});

describe('speaker labels in the published outputs', () => {
  it('keep roles and codes, and withhold a name, the role before it kept', () => {
    const cases: [string, string][] = [
      ['Interviewer', 'Interviewer'],
      ['Interviewer 2', 'Interviewer 2'],
      ['Int.', 'Int.'],
      ['P3', 'P3'],
      ['Interviewer (Dan Brown)', 'Interviewer ([name])'],
      ['Interviewer – Dan', 'Interviewer ([name])'],
      ['Entrevistadora (Lucía)', 'Entrevistadora ([name])'],
      ['Dan', '[name]'],
      ['Lucía Gómez', '[name]'],
      ['Dan (host)', '[name]'],
    ];
    expect(cases.map(([label]) => [label, publicSpeakerLabel(label)])).toEqual(cases);
  });

  it('reach the analysis for every recognition, so no output can show the name', () => {
    const withName = transcriptFrom('Interviewer (Dan Brown): What gets in the way?\nRespondent: We compete for the same donors.\n');
    expect(JSON.stringify(withName.interviewer)).toContain('Dan Brown');
    const picked: InterviewerRecognition = { status: 'picked', speakers: ['Dan'], tallies: [{ speaker: 'Dan', turns: 3, questions: 3 }, { speaker: 'R', turns: 3, questions: 0 }] };
    expect(publicRecognition(picked)).toEqual({ status: 'picked', speakers: ['[name]'], tallies: [{ speaker: '[name]', turns: 3, questions: 3 }, { speaker: 'R', turns: 3, questions: 0 }] });
    expect(publicRecognition(withName.interviewer)).toEqual({ status: 'labelled', speakers: ['Interviewer ([name])'] });
  });
});
