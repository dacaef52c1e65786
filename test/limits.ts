/**
 * The time limits of the tests. Each only catches a hang: none may be reached by a run that is
 * merely slow, as every run is on a busy machine (on 2 cores at load 30 a run takes 15 to 30 times
 * its idle time). What a test asserts never depends on the machine's speed. Vitest's own limit
 * per test and per hook (vitest.config.ts) is longer still, so that a test running several
 * processes one after another is stopped by the process limit, with its output, first.
 */

/** How long a process a test starts may run before it is taken as hung and killed: no CLI run takes a minute on an idle machine. */
export const HANG_MS = 10 * 60_000

/** How long a request to the tests' own local server may take: it answers at once, or (its slow pages) after ten minutes. */
export const LOCAL_REQUEST_MS = 2 * 60_000
