// What the analysis counts of one source's codings, folded one transcript at a time: a corpus streamed through
// (app/streamed-corpus.ts) is counted as it is coded and its codings let go, so what stays grows with the interviews,
// not the codings. A corpus held whole is counted the same way (tallyOf).
import type { Code } from '../codebook/codebook.js';
import type { CodingMark } from '../coding/coding.js';
import { strengthOf, type Strength } from '../coding/strength.js';
import { groupBy, Interner } from '../collections.js';
import { CooccurrenceCount, type CodePair } from './cooccurrence.js';

/** One transcript's codings, counted. */
export interface TranscriptTally {
  readonly codings: number;
  /** Turns with at least one coding. */
  readonly codedTurns: number;
  /** The ids of the codes raised. */
  readonly codes: ReadonlySet<string>;
}

const NONE: TranscriptTally = { codings: 0, codedTurns: 0, codes: new Set() };

export class CodingTally {
  private readonly transcripts = new Map<string, TranscriptTally>();
  private readonly mentions = new Map<string, number>();
  private readonly strengths = new Map<string, Record<Strength, number>>();
  private readonly raisedIn = new Map<string, number>();
  // Transcripts raising the same codes share one set: what is kept per transcript stays small.
  private readonly codeSets = new Interner();
  private readonly pairs: CooccurrenceCount;
  private counted = 0;
  private automatic = 0;

  constructor(readonly codes: readonly Code[]) {
    this.pairs = new CooccurrenceCount(codes);
  }

  /** One transcript's codings, in reading order. Each transcript once, in any order of transcripts. */
  add(transcript: string, codings: readonly CodingMark[]): void {
    if (this.transcripts.has(transcript)) throw new Error(`the codings of ${transcript} were counted twice`);
    const turns = new Set<number>();
    const codes = new Set<string>();
    for (const coding of codings) {
      turns.add(coding.turn);
      codes.add(coding.code.id);
      this.mentions.set(coding.code.id, (this.mentions.get(coding.code.id) ?? 0) + 1);
      const strength = strengthOf(coding);
      if (strength === undefined) continue;
      this.automatic++;
      let counts = this.strengths.get(coding.code.id);
      if (counts === undefined) this.strengths.set(coding.code.id, (counts = { strong: 0, moderate: 0, weak: 0 }));
      counts[strength]++;
    }
    for (const code of codes) this.raisedIn.set(code, (this.raisedIn.get(code) ?? 0) + 1);
    this.counted += codings.length;
    const shared: ReadonlySet<string> = this.codeSets.of([...codes].sort().join('\u0000'), codes);
    this.transcripts.set(transcript, { codings: codings.length, codedTurns: turns.size, codes: shared });
    this.pairs.add(transcript, codings);
  }

  /** Codings counted, in all transcripts. */
  get codings(): number {
    return this.counted;
  }

  /** Whether there are codings and every one is automatic (only those have strengths). */
  get isAuto(): boolean {
    return this.counted > 0 && this.automatic === this.counted;
  }

  of(transcript: string): TranscriptTally {
    return this.transcripts.get(transcript) ?? NONE;
  }

  /** Codings of the code, in all transcripts. */
  mentionsOf(code: Code): number {
    return this.mentions.get(code.id) ?? 0;
  }

  /** The code's automatic codings by strength; undefined when it has none. */
  strengthsOf(code: Code): Readonly<Record<Strength, number>> | undefined {
    return this.strengths.get(code.id);
  }

  /** Transcripts raising the code. */
  interviewsOf(code: Code): number {
    return this.raisedIn.get(code.id) ?? 0;
  }

  /** The transcripts raising the code (ids). */
  *raising(code: Code): Iterable<string> {
    for (const [id, t] of this.transcripts) if (t.codes.has(code.id)) yield id;
  }

  cooccurrence(): CodePair[] {
    return this.pairs.pairs();
  }
}

/** The tally of codings held whole, in transcript, turn and position order. */
export function tallyOf(codes: readonly Code[], codings: readonly CodingMark[]): CodingTally {
  const tally = new CodingTally(codes);
  for (const [transcript, own] of groupBy(codings, (c) => c.transcript)) tally.add(transcript, own);
  return tally;
}
