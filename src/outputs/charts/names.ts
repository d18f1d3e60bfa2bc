// Names charts show for codes and files: a label repeated by two codes is told apart by its id.

/** Each code's label, or "label (id)" where two codes share a label. */
export function uniqueNames(codes: readonly { readonly id: string; readonly label: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const c of codes) count.set(c.label, (count.get(c.label) ?? 0) + 1);
  return new Map(codes.map((c) => [c.id, count.get(c.label)! > 1 ? `${c.label} (${c.id})` : c.label]));
}

/** A file name part from an attribute name: lower-case letters, digits and hyphens. */
export const fileSafe = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'attribute';
