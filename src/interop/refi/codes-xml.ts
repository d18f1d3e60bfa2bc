// <Code> elements, shared by REFI-QDA codebooks (.qdc) and projects (.qdpx): a code tree out, a code tree in.
import type { CodeNode, TreeNode } from '../code-tree.js';
import { uuidV5, normaliseGuid } from '../guid.js';
import { attribute, child, children, textOf, type XmlElement, type XmlNode } from '../xml.js';

/** The GUID of a tree node: the same for the same code or folder in every export. */
export const guidOfNode = (node: TreeNode): string => uuidV5(node.key);

/** <Code> elements for a tree; folders are codes that cannot be applied (isCodable="false"). */
export function codeElements(nodes: readonly TreeNode[]): XmlNode[] {
  return nodes.map((node) => ({
    '@_guid': guidOfNode(node),
    '@_name': node.name,
    '@_isCodable': node.code !== undefined,
    Description: node.description,
    Code: node.children.length > 0 ? codeElements(node.children) : undefined,
  }));
}

/** A code read from <Code> elements, with its GUID and place, for resolving CodeRefs. */
export interface ReadCode extends CodeNode {
  readonly guid: string;
  /** Its ancestors' names, then its own. */
  readonly path: readonly string[];
  readonly color?: string;
  readonly children: readonly ReadCode[];
}

/** The tree under a <Codes> element. */
export function readCodeElements(codes: XmlElement | undefined, ancestors: readonly string[] = []): ReadCode[] {
  return children(codes, 'Code').map((element): ReadCode => {
    const name = (attribute(element, 'name') ?? '').trim() || '(unnamed code)';
    const path = [...ancestors, name];
    const description = textOf(child(element, 'Description'))?.trim();
    const color = attribute(element, 'color');
    return {
      guid: normaliseGuid(attribute(element, 'guid') ?? ''),
      name,
      path,
      // A missing isCodable is read as codable: an exporter that leaves it out means plain codes.
      codable: attribute(element, 'isCodable')?.trim() !== 'false' && attribute(element, 'isCodable')?.trim() !== '0',
      ...(description ? { description } : {}),
      ...(color === undefined ? {} : { color }),
      children: readCodeElements(element, path),
    };
  });
}

/** Every code of a tree by its GUID. */
export function codesByGuid(roots: readonly ReadCode[]): Map<string, ReadCode> {
  const byGuid = new Map<string, ReadCode>();
  const walk = (code: ReadCode): void => {
    byGuid.set(code.guid, code);
    code.children.forEach(walk);
  };
  roots.forEach(walk);
  return byGuid;
}
