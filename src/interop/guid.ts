// Deterministic GUIDs for exports: UUID version 5 (RFC 4122 §4.3, SHA-1) of a stable name, so the same inputs give
// the same project byte for byte and a code keeps its GUID from one export to the next.
import { createHash } from 'node:crypto';

/** collab-code's namespace: the UUID v5 of "collab-code" in the RFC's URL namespace. */
export const COLLAB_CODE_NAMESPACE = '25d541bb-b7be-5b90-bf53-84e99b00272e';

export function uuidV5(name: string, namespace: string = COLLAB_CODE_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** GUIDs as tools write them ("{ABC…}", upper or lower case) in one form, for matching references. */
export const normaliseGuid = (guid: string): string => guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
