// What to undo when the process is stopped by a signal mid-way (temporary folders being written, a hidden cursor):
// the CLI's signal handlers run these before exiting (bin/collab-code.js).
const pending = new Set<() => void>();

/** Registers a synchronous clean-up; the function returned unregisters it once the work is done. */
export function cleanUpIfInterrupted(cleanup: () => void): () => void {
  pending.add(cleanup);
  return () => void pending.delete(cleanup);
}

/** Runs every pending clean-up, latest first; one that fails does not stop the others. */
export function cleanUpNow(): void {
  for (const cleanup of [...pending].reverse()) {
    pending.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is going down.
    }
  }
}
