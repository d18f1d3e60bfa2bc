// Counts and lists in messages: "1 source", "3 sources"; "a, b, c and 4 more".

/** "1 coding", "2 codings"; `many` for irregular plurals. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The first `max` names, then how many more. */
export const listSome = (names: readonly string[], max = 5): string =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
