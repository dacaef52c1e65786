import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Only a hang guard (test/limits.ts): longer than the limit of any process a test starts, so
    // that a run which is merely slow, on a busy machine, never reaches it.
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    pool: 'forks',
    // Every temporary folder of a run in one folder of its own, each test file's removed after it.
    globalSetup: ['test/setup/temp-root.ts'],
    setupFiles: ['test/setup/temp-folder.ts'],
    // One test file per core on the 2-core CI machine (the default leaves one core idle there).
    maxWorkers: 2,
    // A parse budget no machine load can use up (about 28 hours), so that no test depends on the
    // machine's speed; the tests of the budget set their own, small enough to be used up by a file
    // that would take over a minute.
    env: { THRESHOLDS_PARSE_SECONDS: '100000' },
  },
})
