// Which of N parts of a corpus a transcript file belongs to: by a hash of its path, so every file is in exactly one
// part, and in the same one whatever the machine, the order files are listed in, or the other files beside it.
import { error, fail, ok, type Result } from '../problem.js';

/** The K-th of N parts (1-based), as `--shard K/N` gives it. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** "2/3" → the second of three parts. */
export function parseShard(text: string): Result<Shard> {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    return fail([error({ file: '--shard' }, `--shard takes K/N, the K-th of N parts with 1 ≤ K ≤ N, not "${text}"`, 'for three parts run --shard 1/3, --shard 2/3 and --shard 3/3, then collab-code merge')]);
  }
  return ok({ index, count });
}

/**
 * The part (1-based) a file's key falls in: FNV-1a (32 bits) of its UTF-16 units, mixed by MurmurHash3's finaliser
 * (keys differing in one digit land apart), modulo the number of parts. The
 * key is the file's path relative to the working folder with / separators (for a project's source, the project's
 * path and the source's name), the same on every machine that checks out the corpus at the same place.
 */
export function shardOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % count + 1;
}

export const inShard = (key: string, shard: Shard): boolean => shardOf(key, shard.count) === shard.index;

/** "part-2-of-3.collab-code.jsonl": where `analyze --shard 2/3` writes its part. */
export const partFileName = (shard: Shard): string => `part-${shard.index}-of-${shard.count}.collab-code.jsonl`;
