// XML in and out for the exchange formats, through fast-xml-parser (loaded only when a project or codebook is read
// or written). Parsing reports malformed XML with its line and column; building escapes every value.
import type { Location } from '../core/problem.js';
import { error, fail, ok, type Result } from '../core/problem.js';

/** An element as parsed: attributes by name (no prefix), child elements by name, text under "#text". */
export type XmlElement = { readonly [name: string]: unknown };

/** Elements the REFI-QDA schemas allow more than once: always read as lists, even when there is one. */
const REPEATED = new Set([
  'User', 'Code', 'Set', 'MemberCode', 'MemberSource', 'MemberNote', 'Case', 'CodeRef', 'VariableValue', 'SourceRef', 'SelectionRef',
  'Variable', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'PictureSelection',
  'PDFSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection', 'Transcript', 'SyncPoint', 'Coding', 'NoteRef', 'Note',
  'Link', 'Graph', 'Vertex', 'Edge',
]);

/** Parses an XML document; malformed XML is an error at its line and column in `where.file`. */
export async function parseXml(text: string, where: Location): Promise<Result<XmlElement>> {
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return fail([error({ file: where.file, line: valid.err.line, column: valid.err.col }, `malformed XML: ${valid.err.msg}`, 'the file is damaged or was not written by a REFI-QDA exporter; export it again')]);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    // Source texts and memos are kept exactly, spaces and line breaks included.
    trimValues: false,
    // Numeric character references (&#233; &#x1F600;), which exporters write for accents and emoji.
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
  return ok(parser.parse(text) as XmlElement);
}

/** The child elements called `name` (a list, possibly empty). */
export const children = (element: XmlElement | undefined, name: string): XmlElement[] => {
  const value = element?.[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as XmlElement) : { '#text': v }));
};

/** The first child element called `name`. */
export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => children(element, name)[0];

/** An attribute's value, or undefined. */
export const attribute = (element: XmlElement | undefined, name: string): string | undefined => {
  const value = element?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
};

/** The text of an element such as <Description> or <PlainTextContent>. */
export const textOf = (element: XmlElement | undefined): string | undefined => {
  if (element === undefined) return undefined;
  const text = element['#text'];
  return typeof text === 'string' ? text : typeof text === 'number' ? String(text) : '';
};

/** Attributes and children of an element to build: attribute names start with "@_". */
export type XmlNode = { [name: string]: string | number | boolean | XmlNode | XmlNode[] | undefined };

// XML 1.0 cannot hold these characters even escaped; a transcript may (a form feed, a stray NUL).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const clean = (node: XmlNode): XmlNode => {
  const out: XmlNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    // Booleans and numbers as text: the builder would write a true attribute bare (isCodable), which is not XML.
    out[key] = typeof value === 'string' ? value.replace(NOT_XML, ' ') : Array.isArray(value) ? value.map(clean) : typeof value === 'object' ? clean(value) : String(value);
  }
  return out;
};

/** Builds a UTF-8 XML document with a declaration, indented, from one root element. */
export async function buildXml(rootName: string, root: XmlNode): Promise<string> {
  const { XMLBuilder } = await import('fast-xml-parser');
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [rootName]: clean(root) }) as string}`;
}
