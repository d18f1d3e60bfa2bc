// Grouping into lists under a key, which the analysis, the reliability figures and the lint all do.

/** Appends `value` to the list under `key`, starting the list if there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The items in lists by key, each list in the items' order. */
export function groupBy<K, T>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) pushTo(groups, key(item), item);
  return groups;
}

/**
 * Appends every item to `list`. `list.push(...items)` passes each item as an argument and overflows the call stack
 * beyond about 120,000 items, which a large corpus's codings, files or warnings reach.
 */
export function appendAll<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}

/** One copy of each value met again under the same key: what a large corpus repeats is kept once. */
export class Interner {
  private readonly seen = new Map<string, unknown>();

  /** The value first given under `key`, or `value` if none was; values under one key must be alike and never changed. */
  of<T>(key: string, value: T): T {
    if (this.seen.has(key)) return this.seen.get(key) as T;
    this.seen.set(key, value);
    return value;
  }
}
