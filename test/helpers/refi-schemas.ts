// Validates what collab-code writes against the REFI-QDA XML Schemas (schemas/refi-qda, copied from the standard)
// with libxml2 itself, built for Node (xmllint-wasm): no Debian package needed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { ROOT } from './cli.js';

const schema = (name: string) => readFileSync(path.join(ROOT, 'schemas/refi-qda', name), 'utf8');
const PROJECT_XSD = schema('Project-mrt2019.xsd');
const CODEBOOK_XSD = schema('Codebook.xsd');

/** libxml2's schema errors for a document; none when it is valid. */
async function errorsOf(xml: string, xsd: string, fileName: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [xsd] });
  return result.errors.map((e) => e.rawMessage);
}

/** The project.qde of a .qdpx checked against Project-mrt2019.xsd, after checking the archive holds what it names. */
export async function qdpxSchemaErrors(bytes: Uint8Array): Promise<string[]> {
  const entries = unzipSync(bytes);
  const qde = entries['project.qde'];
  if (qde === undefined) return ['no project.qde in the archive'];
  const xml = new TextDecoder().decode(qde);
  const missing = [...xml.matchAll(/internal:\/\/([^"]+)/g)].map((m) => `sources/${m[1]}`).filter((name) => entries[name] === undefined);
  return [...missing.map((name) => `${name} is referenced but not in the archive`), ...(await errorsOf(xml, PROJECT_XSD, 'project.qde'))];
}

export const qdcSchemaErrors = (xml: string): Promise<string[]> => errorsOf(xml, CODEBOOK_XSD, 'codebook.qdc');
