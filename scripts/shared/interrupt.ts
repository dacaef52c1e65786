/**
 * What to remove if the run is stopped (Ctrl-C, SIGTERM) before it finishes: staging and
 * temporary folders. The CLI runs these on a signal, then exits 130 or 143 (cli/signals.ts).
 * A signal is handled between steps, never in the middle of a synchronous one, so a rename that
 * swaps a folder in is never cut in half.
 */
const cleanups = new Set<() => void>()

/** Registers `cleanup` until the returned function is called (once the folder is gone or in place). */
export function removeIfStopped(cleanup: () => void): () => void {
  cleanups.add(cleanup)
  return () => {
    cleanups.delete(cleanup)
  }
}

/** Runs every registered cleanup, newest first; one that fails does not stop the others. */
export function runCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup)
    try {
      cleanup()
    } catch {
      // Stopping anyway: what could not be removed stays, named like the tool's other leftovers.
    }
  }
}
