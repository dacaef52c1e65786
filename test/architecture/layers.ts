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
  // None left: no layer crossing, cycle, re-export, or `process` outside the programs.
]
