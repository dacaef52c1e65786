import { runCleanups } from '../shared/interrupt.ts'

/** Exit codes of a run stopped by a signal, as shells report them (128 + the signal's number). */
export const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 }

/**
 * Ctrl-C (SIGINT) and SIGTERM stop every command at once: staging and temporary folders are
 * removed, one line says so, and the exit code is 130 or 143. Work still running (a request, a
 * parse worker) is abandoned with the process.
 */
export function stopOnSignals(stderr: (text: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      runCleanups()
      try {
        stderr(`Stopped (${signal}).\n`)
      } finally {
        process.exit(SIGNAL_EXIT[signal])
      }
    })
}
