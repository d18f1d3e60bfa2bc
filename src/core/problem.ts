// Problems are errors and warnings as values: the core returns them, the CLI turns them into messages and exit codes.

/** Where a problem is, as precisely as known. Lines and columns count from 1. */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Problem extends Location {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
  /**
   * What its repetitions share ("segment not placed", 'unknown code "Foo"'): the CLI shows problems of one kind as
   * one line with a count and the first places. Default: the message itself.
   */
  readonly kind?: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export const ok = <T>(value: T, warnings: readonly Problem[] = []): Result<T> => ({ ok: true, value, warnings });
export const fail = <T = never>(problems: readonly Problem[]): Result<T> => ({ ok: false, problems });

export const error = (location: Location, message: string, hint?: string): Problem => ({
  ...location,
  severity: 'error',
  message,
  ...(hint === undefined ? {} : { hint }),
});

export const warning = (location: Location, message: string, hint?: string): Problem => ({
  ...error(location, message, hint),
  severity: 'warning',
});

/** Natural-order comparison ("T2" before "T10") that depends on no locale data, so output order is the same everywhere. */
export function compareNatural(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
