// Names charts show for codes and files: a label repeated by two codes is told apart by its id, long ones wrapped.

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

/**
 * A label on at most `lines` lines of at most `width` characters, broken between words ("\n" between lines, which
 * the charts split), with "…" where it is cut: long code labels stay readable beside a bar.
 */
export function wrapLabel(label: string, width = 44, lines = 2): string {
  const out: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line === '' || line.length + 1 + word.length <= width) {
      line = line === '' ? word : `${line} ${word}`;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) break;
  }
  if (out.length < lines) out.push(line);
  else out[lines - 1] = `${out[lines - 1]!.slice(0, width - 1)}…`;
  return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l)).join('\n');
}
