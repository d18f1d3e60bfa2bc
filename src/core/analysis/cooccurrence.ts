// Co-occurrence: which codes are given to the same units, how often, and one unit where they meet.
import type { Code } from '../codebook/codebook.js';
import type { CodingMark } from '../coding/coding.js';
import { compareNatural } from '../problem.js';

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
 * Counts the units codes share, one transcript at a time, in any order of transcripts: a large corpus's units are
 * never all held at once. The unit is the unit of coding of automatic codings (turn, paragraph or sentence); a
 * person's segments meet when they are in the same turn.
 */
export class CooccurrenceCount {
  private readonly order: ReadonlyMap<string, number>;
  private readonly unitsWith: number[];
  private readonly shared = new Map<number, { units: number; example: readonly [CodingMark, CodingMark] }>();

  constructor(private readonly codes: readonly Code[]) {
    this.order = new Map(codes.map((c, i) => [c.id, i]));
    this.unitsWith = new Array<number>(codes.length).fill(0);
  }

  /** One transcript's codings, in reading order. */
  add(transcript: string, codings: readonly CodingMark[]): void {
    const units = new Map<string, Map<number, CodingMark>>();
    for (const coding of codings) {
      const key = coding.source === 'auto' ? `u${coding.unitSpan.start}` : `t${coding.turn}`;
      let unit = units.get(key);
      if (unit === undefined) units.set(key, (unit = new Map()));
      const index = this.order.get(coding.code.id)!;
      if (!unit.has(index)) unit.set(index, coding);
    }
    for (const unit of units.values()) this.count(transcript, unit);
  }

  private count(transcript: string, unit: ReadonlyMap<number, CodingMark>): void {
    const present = [...unit.keys()].sort((x, y) => x - y);
    for (const i of present) this.unitsWith[i]!++;
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const [i, j] = [present[x]!, present[y]!];
        const key = i * this.codes.length + j;
        const pair = this.shared.get(key);
        const example = [unit.get(i)!, unit.get(j)!] as const;
        if (pair === undefined) this.shared.set(key, { units: 1, example });
        else {
          pair.units++;
          // The first unit in reading order: transcripts in id order, and within one the first unit met.
          if (compareNatural(transcript, pair.example[0].transcript) < 0) pair.example = example;
        }
      }
    }
  }

  /** Every pair of codes that share at least one unit, most shared units first, then highest Jaccard, then codebook order. */
  pairs(): CodePair[] {
    const { codes, order } = this;
    return [...this.shared.entries()]
      .map(([key, { units: both, example }]): CodePair => {
        const i = Math.floor(key / codes.length);
        const j = key % codes.length;
        const either = this.unitsWith[i]! + this.unitsWith[j]! - both;
        return { a: codes[i]!, b: codes[j]!, units: both, either, jaccard: both / either, example };
      })
      .sort((p, q) => q.units - p.units || q.jaccard - p.jaccard || order.get(p.a.id)! - order.get(q.a.id)! || order.get(p.b.id)! - order.get(q.b.id)!);
  }
}
