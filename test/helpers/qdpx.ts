// .qdpx projects written the way NVivo, ATLAS.ti, MAXQDA and QualCoder export them, bends of the standard included:
// the XML is written out as each tool writes it, so the fixtures can be as odd as the real files. Interviews are ours.
import { zipSync } from 'fflate';

/** Two interviews, English and Spanish, with emoji (outside the BMP) and accented letters. */
export const INTERVIEWS = {
  'R01.txt':
    'Interviewer: What gets in the way of working together?\n\n' +
    'Respondent: Honestly, we are exhausted 😩 after the café meetings in Bogotá. Everyone competes for the same grants, and nobody shares contacts.\n\n' +
    'Interviewer: And what helps?\n\n' +
    'Respondent: Core funding that lasts more than a year 🙏, and partners who listen.\n',
  'R02.txt':
    'Entrevistadora: ¿Qué dificulta la colaboración?\n\n' +
    'Participante: La competencia por los fondos 💸 es feroz. Además, el agotamiento del equipo es real; después de cada campaña nadie descansa.\n',
} as const;
export type InterviewName = keyof typeof INTERVIEWS;

export type Unit = 'code points' | 'UTF-16 units';

/** Where `phrase` is in `text`, counted as a tool counts: code points or UTF-16 units, over the text as stored. */
export function positionsOf(text: string, phrase: string, unit: Unit, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at === -1) throw new Error(`"${phrase}" is not in the text`);
  const count = (s: string) => (unit === 'code points' ? Array.from(s).length : s.length);
  return { start: count(text.slice(0, at)), end: count(text.slice(0, at + phrase.length)) };
}

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A zip of the entries given, as an exporter writes it. */
export const qdpx = (entries: Record<string, string | Uint8Array>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([name, content]) => [name, typeof content === 'string' ? new TextEncoder().encode(content) : content])));

export interface Coded {
  readonly phrase: string;
  readonly code: string;
  readonly user: string;
  readonly occurrence?: number;
}

/** <PlainTextSelection> elements for phrases coded in `text`, positions counted in `unit`. */
export function selections(text: string, coded: readonly Coded[], unit: Unit, guid: (n: number) => string, extra: (c: Coded, n: number) => string = () => ''): string {
  return coded
    .map((c, n) => {
      const { start, end } = positionsOf(text, c.phrase, unit, c.occurrence);
      return `      <PlainTextSelection guid="${guid(n)}" startPosition="${start}" endPosition="${end}" creatingUser="${c.user}">${extra(c, n)}
        <Coding guid="${guid(n + 500)}" creatingUser="${c.user}"><CodeRef targetGUID="${c.code}"/></Coding>
      </PlainTextSelection>`;
    })
    .join('\n');
}

/** A coded selection in a non-text source (image, audio, PDF): what collab-code counts and skips. */
function codedMedia(source: string, selection: string, guid: (n: number) => string, attributes: { source: string; selection: string }, code: string, user: string): string {
  return `    <${source} guid="${guid(1)}" ${attributes.source}>
      <${selection} guid="${guid(3)}" ${attributes.selection}>
        <Coding guid="${guid(4)}" creatingUser="${user}"><CodeRef targetGUID="${code}"/></Coding>
      </${selection}>
    </${source}>`;
}

// GUIDs as each tool writes them.
export const upperGuid = (prefix: string, n: number): string => `${prefix}${String(n).padStart(4, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`.toUpperCase();
export const lowerGuid = (prefix: string, n: number): string => upperGuid(prefix, n).toLowerCase();

const NVIVO_CODES = { burnout: upperGuid('C0DE', 1), rivalry: upperGuid('C0DE', 2), funding: upperGuid('C0DE', 3), barriers: upperGuid('C0DE', 4), enablers: upperGuid('C0DE', 5) };
const NVIVO_USERS = { ana: upperGuid('05E4', 1), ben: upperGuid('05E4', 2) };

/**
 * NVivo: Windows line ends kept in the source text, positions in UTF-16 units over them; memos as Notes; a case per
 * interview with its variables.
 */
export function nvivoProject(): Uint8Array {
  const text = INTERVIEWS['R01.txt'].replace(/\n/g, '\r\n');
  const source = upperGuid('50C0', 1);
  const coded: Coded[] = [
    { phrase: 'we are exhausted 😩 after the café meetings in Bogotá', code: NVIVO_CODES.burnout, user: NVIVO_USERS.ana },
    { phrase: 'Everyone competes for the same grants', code: NVIVO_CODES.rivalry, user: NVIVO_USERS.ana },
    { phrase: 'Core funding that lasts more than a year 🙏', code: NVIVO_CODES.funding, user: NVIVO_USERS.ben },
    { phrase: 'nobody shares contacts', code: NVIVO_CODES.rivalry, user: NVIVO_USERS.ben },
  ];
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Collaboration interviews" origin="NVivo 14.23.0 (Windows)" creatingUserGUID="${NVIVO_USERS.ana}" creationDateTime="2024-03-01T10:00:00Z">
  <Users>
    <User guid="${NVIVO_USERS.ana}" name="ana"/>
    <User guid="${NVIVO_USERS.ben}" name="ben"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${NVIVO_CODES.barriers}" name="Barriers" isCodable="true">
        <Code guid="${NVIVO_CODES.burnout}" name="Exhaustion and burnout" isCodable="true"><Description>People are worn out.</Description></Code>
        <Code guid="${NVIVO_CODES.rivalry}" name="Rivalry for funding" isCodable="true"/>
      </Code>
      <Code guid="${NVIVO_CODES.enablers}" name="Enablers" isCodable="true">
        <Code guid="${NVIVO_CODES.funding}" name="Flexible funding" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${upperGuid('7A41', 1)}" name="Stakeholder group" typeOfVariable="Text"/>
    <Variable guid="${upperGuid('7A41', 2)}" name="Years in network" typeOfVariable="Integer"/>
  </Variables>
  <Cases>
    <Case guid="${upperGuid('CA5E', 1)}" name="R01">
      <VariableValue><VariableRef targetGUID="${upperGuid('7A41', 1)}"/><TextValue>members</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${upperGuid('7A41', 2)}"/><IntegerValue>7</IntegerValue></VariableValue>
      <SourceRef targetGUID="${source}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${source}" name="R01" plainTextPath="internal://${source}.txt" richTextPath="internal://${upperGuid('D0C0', 1)}.docx" creatingUser="${NVIVO_USERS.ana}">
${selections(text, coded, 'UTF-16 units', (n) => upperGuid('5E1E', n), (_, n) => (n === 0 ? `<NoteRef targetGUID="${upperGuid('A0E0', 1)}"/>` : ''))}
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${upperGuid('A0E0', 1)}" name="Memo on burnout" creatingUser="${NVIVO_USERS.ana}"><PlainTextContent>Tired of travelling, not of the work.</PlainTextContent></Note>
  </Notes>
</Project>
`;
  return qdpx({ 'project.qde': qde, [`sources/${source}.txt`]: text, [`sources/${upperGuid('D0C0', 1)}.docx`]: new Uint8Array([0x50, 0x4b, 3, 4]) });
}

const ATLAS_CODES = { burnout: `{${upperGuid('A7C0', 1)}}`, rivalry: `{${upperGuid('A7C0', 2)}}`, group: upperGuid('A7C0', 3) };

/**
 * ATLAS.ti: the XML named after the project (Trial.qde), the folder "Sources", code groups as "Group::code" names,
 * quotation comments as the selection's Description, an image with a coded area.
 */
export function atlasProject(): Uint8Array {
  const text = INTERVIEWS['R02.txt'];
  const source = upperGuid('A750', 1);
  const user = upperGuid('A7E5', 1);
  const coded: Coded[] = [
    { phrase: 'La competencia por los fondos 💸 es feroz', code: ATLAS_CODES.rivalry, user },
    { phrase: 'el agotamiento del equipo es real', code: ATLAS_CODES.burnout, user },
  ];
  const qde = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti 24.1.0" name="Trial" basePath="/Users/someone/Documents/ATLAS.ti" creatingUserGUID="${user}">
  <Users><User guid="${user}" name="Carla"/></Users>
  <CodeBook><Codes>
    <Code guid="${ATLAS_CODES.group}" name="Barriers" isCodable="false">
      <Code guid="${ATLAS_CODES.rivalry}" name="Barriers::Rivalry for funding" isCodable="true" color="#DC0000"/>
      <Code guid="${ATLAS_CODES.burnout}" name="Barriers::Exhaustion and burnout" isCodable="true" color="#F00082"><Description>Overwork and fatigue.</Description></Code>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${source}" name="R02.txt" plainTextPath="internal://${source}.txt" creatingUser="${user}" creationDateTime="2024-03-02T09:00:00Z">
${selections(text, coded, 'code points', (n) => upperGuid('A75E', n), (c, n) => `<Description>${esc(n === 0 ? 'Fondos: la palabra “feroz” es suya.' : 'Agotamiento después de cada campaña.')}</Description>`)}
    </TextSource>
${codedMedia('PictureSource', 'PictureSelection', (n) => upperGuid('A791', n), { source: `name="taller.jpg" path="internal://${upperGuid('A791', 2)}.jpg"`, selection: 'firstX="10" firstY="10" secondX="200" secondY="150" name="Quotation 2:1"' }, ATLAS_CODES.rivalry, user)}
  </Sources>
</Project>
`;
  return qdpx({ 'Trial.qde': qde, [`Sources/${source}.txt`]: text, [`Sources/${upperGuid('A791', 2)}.jpg`]: new Uint8Array([0xff, 0xd8, 0xff]) });
}

const MAX_CODES = { burnout: upperGuid('3A0C', 1), funding: upperGuid('3A0C', 2), folder: upperGuid('3A0C', 3) };

/**
 * MAXQDA: one source kept outside the archive (a relative:// path against the exporting machine's basePath), a
 * memo-less coding at a point (zero length), coded audio and PDF selections.
 */
export function maxqdaProject(): Uint8Array {
  const inside = INTERVIEWS['R02.txt'];
  const user = upperGuid('3A0E', 1);
  const inner = upperGuid('3A05', 1);
  const outside = upperGuid('3A05', 2);
  const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews 2024" origin="MAXQDA 2024 (24.2.0)" basePath="C:/Users/someone/Documents/MAXQDA/Interviews 2024">
  <Users><User guid="${user}" name="dana"/></Users>
  <CodeBook><Codes>
    <Code guid="${MAX_CODES.folder}" name="Codes" isCodable="false">
      <Code guid="${MAX_CODES.burnout}" name="Exhaustion and burnout" isCodable="true"/>
      <Code guid="${MAX_CODES.funding}" name="Flexible funding" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${inner}" name="R02" plainTextPath="internal://${inner}.txt">
${selections(inside, [{ phrase: 'el agotamiento del equipo es real', code: MAX_CODES.burnout, user }], 'code points', (n) => upperGuid('3A5E', n))}
      <PlainTextSelection guid="${upperGuid('3A5E', 9)}" startPosition="${positionsOf(inside, 'nadie descansa', 'code points').start}" endPosition="${positionsOf(inside, 'nadie descansa', 'code points').start}" creatingUser="${user}">
        <Coding guid="${upperGuid('3A5E', 10)}" creatingUser="${user}"><CodeRef targetGUID="${MAX_CODES.burnout}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${outside}" name="R01" plainTextPath="relative:///transcripts/R01.txt">
${selections(INTERVIEWS['R01.txt'], [{ phrase: 'Core funding that lasts more than a year 🙏', code: MAX_CODES.funding, user }], 'code points', (n) => upperGuid('3A6E', n))}
    </TextSource>
    <TextSource guid="${upperGuid('3A05', 3)}" name="R03" plainTextPath="relative:///transcripts/R03.txt">
      <PlainTextSelection guid="${upperGuid('3A7E', 1)}" startPosition="0" endPosition="10" creatingUser="${user}">
        <Coding guid="${upperGuid('3A7E', 2)}" creatingUser="${user}"><CodeRef targetGUID="${MAX_CODES.funding}"/></Coding>
      </PlainTextSelection>
    </TextSource>
${codedMedia('AudioSource', 'AudioSelection', (n) => upperGuid('3AA0', n), { source: 'name="R02.m4a" path="relative:///audio/R02.m4a"', selection: 'begin="1000" end="5000"' }, MAX_CODES.burnout, user)}
${codedMedia('PDFSource', 'PDFSelection', (n) => upperGuid('3AB0', n), { source: `name="report.pdf" path="internal://${upperGuid('3AB0', 2)}.pdf"`, selection: 'page="1" firstX="1" firstY="2" secondX="3" secondY="4"' }, MAX_CODES.funding, user)}
  </Sources>
</Project>
`;
  return qdpx({ 'project.qde': qde, [`sources/${inner}.txt`]: inside, [`sources/${upperGuid('3AB0', 2)}.pdf`]: new Uint8Array([0x25, 0x50, 0x44, 0x46]) });
}

/**
 * QualCoder: lower-case GUIDs made anew at every export (so two exports of one project share no GUID), codes under
 * categories that cannot be applied, both interviews; positions in code points, as Python counts.
 */
export function qualcoderProject(exportNumber: number): Uint8Array {
  const g = (prefix: string, n: number) => lowerGuid(`${prefix}${exportNumber}`.slice(0, 4).padEnd(4, '0'), n + exportNumber * 100);
  const codes = { burnout: g('9C', 1), rivalry: g('9C', 2), funding: g('9C', 3), people: g('9C', 4), money: g('9C', 5) };
  const user = g('9E', 1);
  const sources = Object.entries(INTERVIEWS).map(([name, text], i) => ({ name, text, guid: g('95', i + 1) }));
  const coded: Record<string, Coded[]> = {
    'R01.txt': [
      { phrase: 'we are exhausted 😩', code: codes.burnout, user },
      { phrase: 'Core funding that lasts more than a year 🙏, and partners who listen.', code: codes.funding, user },
    ],
    'R02.txt': [
      { phrase: 'La competencia por los fondos 💸 es feroz.', code: codes.rivalry, user },
      { phrase: 'después de cada campaña nadie descansa', code: codes.burnout, user },
    ],
  };
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="qualcoder-project" origin="QualCoder 3.6" creatingUserGUID="${user}">
<Users>
<User guid="${user}" name="elif"/>
</Users>
<CodeBook>
<Codes>
<Code guid="${codes.people}" name="People" isCodable="false">
<Code guid="${codes.burnout}" name="Exhaustion and burnout" isCodable="true" color="#F5A9A9"/>
</Code>
<Code guid="${codes.money}" name="Money" isCodable="false">
<Code guid="${codes.rivalry}" name="Rivalry for funding" isCodable="true"/>
<Code guid="${codes.funding}" name="Flexible funding" isCodable="true"/>
</Code>
</Codes>
</CodeBook>
<Sources>
${sources.map((s, i) => `<TextSource guid="${s.guid}" name="${s.name}" plainTextPath="internal://${s.guid}.txt">\n${selections(s.text, coded[s.name]!, 'code points', (n) => g('5e', n + i * 10))}\n</TextSource>`).join('\n')}
</Sources>
</Project>
`;
  return qdpx({ 'project.qde': qde, ...Object.fromEntries(sources.map((s) => [`sources/${s.guid}.txt`, s.text])) });
}
