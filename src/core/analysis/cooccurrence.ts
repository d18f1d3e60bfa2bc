// Co-occurrence: which codes are given to the same units, how often, and one unit where they meet.
import type { Code } from '../codebook/codebook.js';
import type { CodingMark } from '../coding/coding.js';

export interface CodePair {
  /** The pair in codebook order. */
  readonly a: Code;
  readonly b: Code;
  /** Units coded with both. */
  readonly units: number;
  /** Units coded with either. */
  readonly either: number;
  /** Both / either (Jaccard similarity of the two codes' units). */
  readonly jaccard: number;
  /** The first unit, in reading order, coded with both: a's coding and b's coding there. */
  readonly example: readonly [CodingMark, CodingMark];
}

/**
 * Every pair of codes that share at least one unit, most shared units first, then highest Jaccard, then codebook
 * order. The unit is the unit of coding of automatic codings (turn, paragraph or sentence); a person's segments
 * meet when they are in the same turn. `codings` come in reading order.
 */
export function cooccurrenceOf(codes: readonly Code[], codings: readonly CodingMark[]): CodePair[] {
  const order = new Map(codes.map((c, i) => [c.id, i]));
  const unitsWith = new Array<number>(codes.length).fill(0);
  const pairs = new Map<number, { units: number; example: readonly [CodingMark, CodingMark] }>();
  const count = (unit: ReadonlyMap<number, CodingMark>): void => {
    const present = [...unit.keys()].sort((x, y) => x - y);
    for (const i of present) unitsWith[i]!++;
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const [i, j] = [present[x]!, present[y]!];
        const key = i * codes.length + j;
        const pair = pairs.get(key);
        if (pair === undefined) pairs.set(key, { units: 1, example: [unit.get(i)!, unit.get(j)!] });
        else pair.units++;
      }
    }
  };
  // One transcript's units at a time (codings come transcript by transcript): a large corpus's units are never all
  // held at once.
  let transcript: string | undefined;
  let units = new Map<string, Map<number, CodingMark>>();
  for (const coding of codings) {
    if (coding.transcript !== transcript) {
      units.forEach(count);
      units = new Map();
      transcript = coding.transcript;
    }
    const key = coding.source === 'auto' ? `u${coding.unitSpan.start}` : `t${coding.turn}`;
    let unit = units.get(key);
    if (unit === undefined) units.set(key, (unit = new Map()));
    const index = order.get(coding.code.id)!;
    if (!unit.has(index)) unit.set(index, coding);
  }
  units.forEach(count);
  return [...pairs.entries()]
    .map(([key, { units: both, example }]): CodePair => {
      const i = Math.floor(key / codes.length);
      const j = key % codes.length;
      const either = unitsWith[i]! + unitsWith[j]! - both;
      return { a: codes[i]!, b: codes[j]!, units: both, either, jaccard: both / either, example };
    })
    .sort((p, q) => q.units - p.units || q.jaccard - p.jaccard || order.get(p.a.id)! - order.get(q.a.id)! || order.get(p.b.id)! - order.get(q.b.id)!);
}
