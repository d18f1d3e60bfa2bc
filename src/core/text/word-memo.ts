// A memo of words looked up where they stand in a text. Coding looks up every word of a corpus in its memo of stems;
// cutting each word out of its text to use it as a Map key (a new string, hashed anew, garbage at once) took a
// quarter of the coding thread's time on the bench. This table hashes and compares the word in place, and copies it
// only when it is added.

const FIRST_CAPACITY = 1024;

/** Words (as written) to values, for up to `limit` words: past that it starts again, empty. */
export class WordMemo<V> {
  private words: (string | undefined)[] = [];
  private values: (V | undefined)[] = [];
  private hashes = new Int32Array(0);
  private count = 0;

  constructor(private readonly limit: number) {
    this.reset(FIRST_CAPACITY);
  }

  get size(): number {
    return this.count;
  }

  /** The value of the word text[start, end), if it is known. */
  get(text: string, start: number, end: number): V | undefined {
    const hash = hashOf(text, start, end);
    const mask = this.words.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const word = this.words[i];
      if (word === undefined) return undefined;
      if (this.hashes[i] === hash && sameWord(word, text, start, end)) return this.values[i];
    }
  }

  /** Adds a word not yet known. `word` is kept: a copy, never a cut that would keep a whole text alive. */
  add(word: string, value: V): V {
    if (this.count >= this.limit) this.reset(FIRST_CAPACITY);
    // Half full at most, so a search for an unknown word soon meets an empty slot.
    if ((this.count + 1) * 2 > this.words.length) this.grow();
    this.place(word, hashOf(word, 0, word.length), value);
    this.count++;
    return value;
  }

  private place(word: string, hash: number, value: V): void {
    const mask = this.words.length - 1;
    let i = hash & mask;
    while (this.words[i] !== undefined) i = (i + 1) & mask;
    this.words[i] = word;
    this.hashes[i] = hash;
    this.values[i] = value;
  }

  private grow(): void {
    const { words, values, hashes, count } = this;
    this.reset(words.length * 2);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word !== undefined) this.place(word, hashes[i]!, values[i]!);
    }
    this.count = count;
  }

  private reset(capacity: number): void {
    this.words = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.count = 0;
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
