import { defineConfig } from 'vitest/config'

/**
 * The tests Stryker runs for each mutant: only those that test the code being mutated, chosen
 * in stryker.config.mjs from the `--mutate` target and passed in THRESHOLDS_MUTATION_TESTS.
 */
export default defineConfig({
  test: {
    include: (process.env.THRESHOLDS_MUTATION_TESTS ?? 'test/check/rule-tester.test.ts').split(','),
    // Modules stay loaded between the runs of one mutant and the next: Stryker switches mutants
    // with a global flag read when the code runs, and static mutants are not tested
    // (ignoreStatic), so nothing depends on a module being evaluated afresh. Several times faster.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
