import { defineConfig } from 'vitest/config'

/**
 * The tests Stryker runs for each mutant: only those that test the code being mutated, chosen
 * in stryker.config.mjs from the `--mutate` target and passed in THRESHOLDS_MUTATION_TESTS.
 */
export default defineConfig({
  test: {
    include: (process.env.THRESHOLDS_MUTATION_TESTS ?? 'test/check/rule-tester.test.ts').split(','),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
