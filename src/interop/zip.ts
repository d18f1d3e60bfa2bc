// Zip archives for .qdpx projects, through fflate (loaded only when a project is read or written). Writing is
// deterministic: fixed entry order, times and compression, so the same project gives the same bytes.
import { error, fail, ok, type Result } from '../core/problem.js';

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The entries of a zip archive; a damaged archive is an error naming the entry that could not be read. */
export async function unzip(bytes: Uint8Array, file: string): Promise<Result<Map<string, Uint8Array>>> {
  const { unzipSync } = await import('fflate');
  let current: string | undefined;
  try {
    const entries = unzipSync(bytes, {
      filter: (info) => {
        // Called just before each entry is inflated: if inflating fails, this is the entry that is damaged.
        current = info.name;
        return true;
      },
    });
    return ok(new Map(Object.entries(entries)));
  } catch (e) {
    const reason = (e as Error).message;
    const where = current === undefined ? { file } : { file: `${file}/${current}` };
    const what = current === undefined ? 'not a readable zip archive' : 'this entry of the zip archive cannot be read';
    return fail([error(where, `${what} (${reason})`, 'the file is damaged or incomplete; export the project again')]);
  }
}

// A fixed time for every entry (DOS time starts in 1980); built from local fields because the zip format stores
// local time, so the bytes are the same in every time zone.
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Zips entries in the order given. Level 1 deflate: transcripts and XML still shrink about fourfold, quickly. */
export async function zip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const files: Record<string, [Uint8Array, { mtime: Date; level: 1 }]> = {};
  for (const entry of entries) files[entry.name] = [entry.bytes, { mtime: ENTRY_TIME, level: 1 }];
  return zipSync(files);
}
