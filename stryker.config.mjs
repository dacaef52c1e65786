// Mutation testing (`npm run mutate`): Stryker changes the code of the rules one small way at
// a time (a `>=` into `>`, a condition into `true` ...) and runs the tests that cover it; a
// change no test notices is a “surviving mutant”, a gap in the tests. docs/quality.md gives
// the measured score and explains each survivor (`npm run docs:quality` writes it from the
// JSON report).
//
// `npm run mutate:changes` and `npm run mutate:parse` (`--mutate "scripts/diff/changes/**/*.ts"`,
// `"scripts/parse/**/*.ts"`) mutate the other targets; the tests run, and the report and
// incremental files (one per target), are chosen below from the target. The parser is measured
// a few files at a time (`npx stryker run --mutate "scripts/parse/a.ts,scripts/parse/b.ts"`):
// `npm run docs:quality` then replaces just those files' rows of docs/mutation-parse.json, and
// every other file keeps the run that measured it.

import { readdirSync } from 'node:fs'

/** Parser test files that mostly run the CLI (see below). */
const CLI_ONLY_PARSER_TESTS = new Set(['symbolic-links.test.ts', 'contact-web.test.ts', 'indicator-shapes.test.ts'])

/** The tests that exercise each target. */
const testsFor = {
  'scripts/check/rules': ['test/check/rule-tester.test.ts'],
  // Only the change-kind tables: each case runs one kind, so a mutant is charged to that kind's
  // cases. The fixture pairs (changes.test.ts) run every kind on every pair, which would make
  // each of the ~1,500 mutants re-run them all.
  'scripts/diff/changes': ['test/diff/change-kinds.test.ts'],
  // Every parser test that reads sources in this process, and the rule tester (its cases are
  // parsed). Left out: the files whose time goes on running the CLI in a child process, where
  // no mutant is switched on, so it can notice none; each adds 20 to 50 s to the initial run.
  'scripts/parse': [
    ...readdirSync(new URL('test/parse', import.meta.url))
      .filter((file) => file.endsWith('.test.ts') && !CLI_ONLY_PARSER_TESTS.has(file))
      .sort()
      .map((file) => `test/parse/${file}`),
    'test/check/rule-tester.test.ts',
  ],
}

/**
 * Parser and generator files with a test file of their own, measured against it alone when only
 * such files are mutated: every framework read runs the whole parser, so with the list above each mutant of a
 * small helper is covered by some 600 tests (the initial run alone took 15 minutes on a busy
 * machine, and a surviving mutant re-runs them all).
 */
const ownTests = {
  'scripts/parse/bounded.ts': ['test/parse/bounded.test.ts', 'test/parse/bounded-reply.test.ts'],
  'scripts/parse/budget.ts': ['test/parse/budget.test.ts'],
  // The model builder and the loader, on frameworks held in memory and parsed in this process.
  'scripts/parse/build.ts': ['test/parse/build.test.ts'],
  'scripts/parse/characters.ts': ['test/parse/character-references.test.ts'],
  'scripts/parse/completeness.ts': ['test/parse/completeness.test.ts'],
  // The parsing context, front-matter, id resolution and stray-content reports have in-memory
  // tests of their own, error paths included (the clean builds of build.test.ts reach few of them).
  'scripts/parse/context.ts': ['test/parse/context.test.ts'],
  'scripts/parse/frontmatter.ts': ['test/parse/frontmatter.test.ts'],
  // Each fast path is compared with the full path it stands in for, on fixed and random text.
  'scripts/parse/frontmatter-simple.ts': ['test/parse/frontmatter-simple.test.ts'],
  'scripts/parse/plain-paragraphs.ts': ['test/parse/plain-paragraphs.test.ts'],
  'scripts/parse/plain-markdown.js': ['test/parse/plain-markdown.test.ts'],
  'scripts/generate/plain-field.ts': ['test/generate/plain-field.test.ts'],
  // The phrasing and table fast paths are reached through the field's, and compared with the full path there.
  'scripts/generate/plain-phrasing.ts': ['test/generate/plain-field.test.ts'],
  'scripts/generate/plain-table.ts': ['test/generate/plain-field.test.ts'],
  'scripts/parse/prose-with-links.ts': ['test/parse/prose-with-links.test.ts'],
  'scripts/parse/hours.ts': ['test/parse/hours.test.ts'],
  'scripts/parse/index.ts': ['test/parse/index.test.ts'],
  'scripts/parse/markdown.ts': ['test/parse/markdown.test.ts', 'test/parse/build.test.ts'],
  'scripts/parse/names.ts': ['test/parse/folder-names.test.ts'],
  'scripts/parse/pin-ids.ts': ['test/parse/pin-ids.test.ts'],
  'scripts/parse/read.ts': ['test/parse/read.test.ts'],
  'scripts/parse/references.ts': ['test/parse/references.test.ts', 'test/parse/build.test.ts'],
  'scripts/parse/resolve.ts': ['test/parse/resolve.test.ts'],
  'scripts/parse/stray.ts': ['test/parse/stray.test.ts'],
  'scripts/parse/symbolic-links.ts': ['test/parse/unfollowed-links.test.ts'],
  // In memory: test/parse/unknown-heading.test.ts reads from disk and mostly runs the CLI.
  'scripts/parse/unknown-heading.ts': ['test/parse/unknown-level-names.test.ts'],
  'scripts/parse/unusable-ids.ts': ['test/parse/unusable-ids.test.ts'],
  'scripts/parse/walk.ts': ['test/parse/walk.test.ts'],
  'scripts/parse/worker-file.ts': ['test/parse/worker-file.test.ts'],
  'scripts/parse/workers.ts': ['test/parse/parse-workers.test.ts'],
}

const at = process.argv.findIndex((arg) => arg === '--mutate' || arg === '-m')
const mutate = (at === -1 ? 'scripts/check/rules/**/*.ts' : process.argv[at + 1] ?? '').split(',')
/** A file without the line range Stryker may be given after it (`scripts/parse/build.ts:10-200`). */
const fileOf = (glob) => glob.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '')
const tests = mutate.every((glob) => fileOf(glob) in ownTests)
  ? [...new Set(mutate.flatMap((glob) => ownTests[fileOf(glob)]))]
  : [...new Set(Object.entries(testsFor).flatMap(([target, files]) => (mutate.some((glob) => glob.replace(/^!/, '').startsWith(target)) ? files : [])))]
process.env.THRESHOLDS_MUTATION_TESTS = (tests.length ? tests : testsFor['scripts/check/rules']).join(',')
/** rules, changes, parse or generate: names the report (docs/quality.md reads reports/mutation/<target>.json). */
const mutates = (folder) => mutate.some((glob) => glob.replace(/^!/, '').startsWith(folder))
const target = mutates('scripts/diff/changes') ? 'changes' : mutates('scripts/parse') ? 'parse' : mutates('scripts/generate') ? 'generate' : 'rules'

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['scripts/check/rules/**/*.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a rule's id, severity or description, a module-level list or pattern) is
  // evaluated once at import, so each needs every test re-run: 151 of them cost 90% of the
  // time. They are left out of the score; the rule tester's registry tests check that metadata.
  ignoreStatic: true,
  // The machine this runs on may be shared: one test process at a time.
  concurrency: 1,
  // Re-runs only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: `reports/mutation/${target}-incremental.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: 80 },
  timeoutMS: 30_000,
  // The first run of every test (to learn which tests cover which mutant) can take more than
  // Stryker's default 5 minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
}
