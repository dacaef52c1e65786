/**
 * The layers of scripts/ (docs/architecture.md draws them). A folder may import only from
 * folders of a lower layer; folders of one layer do not import each other. Top-level files
 * (scripts/cli.ts) count as the folder named like them.
 */
export const layers: Record<string, number> = {
  shared: 0,
  model: 1,
  parse: 2,
  // Probes the addresses the parser found; the link rules read its results.
  online: 3,
  check: 4,
  // The stages that use a checked model, side by side.
  generate: 5,
  diff: 5,
  site: 5,
  report: 5,
  scaffold: 5,
  // The stages run in order, in one place: check, then generate and write.
  pipeline: 6,
  // Wraps the pipeline's stages from outside.
  cache: 7,
  // Watch mode: runs the pipeline, wrapping its stages, and serves the site.
  dev: 8,
  // Programs: the command line and the developer tools.
  cli: 9,
  docs: 9,
  bench: 9,
  bin: 10,
}

/** Where `process` (arguments, environment, working directory, exit) may be used: programs only. */
export const processAllowedIn = ['scripts/cli/', 'scripts/cli.ts', 'scripts/bin/', 'scripts/bench/']

export interface Allowed {
  /** A file (for `process` and re-exports), `from -> to` folders (layers), or the files of a cycle, sorted and joined by ` `. */
  what: string
  kind: 'layer' | 'cycle' | 'process' | 're-export'
  /** Why it is still here, and what would remove it. */
  reason: string
}

/**
 * Known violations, each with its reason. The test fails on any violation not listed here, and
 * on any entry here that no longer happens (remove it then).
 */
export const allowed: Allowed[] = [
  // No layer crossings, cycles or re-exports are left. `process` outside the programs: each
  // should take what it reads as a parameter from the CLI.
  { what: 'scripts/cache/key.ts', kind: 'process', reason: 'the key file must belong to the running user (process.getuid) and its place depends on the platform; env defaults to process.env, the CLI passes its own' },
  { what: 'scripts/cache/store.ts', kind: 'process', reason: 'openCache defaults env (CACHE_DIR) to process.env for the bench and tests; the CLI passes its own' },
  { what: 'scripts/check/runner.ts', kind: 'process', reason: 'todayUtc reads THRESHOLDS_TODAY; the CLI should pass today in, to checkRun and to the checks diff runs (diff/inputs.ts, diff/package-history.ts), which take no date today' },
  { what: 'scripts/parse/budget.ts', kind: 'process', reason: 'parseLimits defaults its env parameter to process.env for the bounded parser (parse/bounded.ts), which reads its limits when it starts; the CLI should hand its env to the parse stage' },
  { what: 'scripts/parse/read.ts', kind: 'process', reason: 'paths are shown relative to process.cwd(); the CLI should pass the base folder through loadFrameworks to every displayPath call' },
  { what: 'scripts/parse/workers.ts', kind: 'process', reason: 'reads the worker count from the environment; the CLI should pass it in' },
]
