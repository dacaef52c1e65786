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

/** The programs run as scripts, whose top level is the program itself (not a module other code shares). */
export const programs = ['scripts/cli.ts', 'scripts/bin/', 'scripts/bench/']

export interface Allowed {
  /** A file (for `process` and re-exports), `<file> <name>` (module-level state), `from -> to` folders (layers), or the files of a cycle, sorted and joined by ` `. */
  what: string
  kind: 'layer' | 'cycle' | 'process' | 're-export' | 'state'
  /** Why it is still here, and what would remove it. */
  reason: string
}

/**
 * Known violations, each with its reason. The test fails on any violation not listed here, and
 * on any entry here that no longer happens (remove it then).
 */
export const allowed: Allowed[] = [
  // No layer crossing, cycle or re-export is left.
  { what: 'scripts/parse/worker-file.ts', kind: 'process', reason: 'the Node options this process started with (process.execArgv), which its parse workers take on without its preloads: they describe the process itself, as the worker file chosen describes the code running, and no command gives them' },
  //
  // Module-level state that is right for the whole process (docs/architecture.md lists it too):
  // memos of pure functions, each giving the same answer whichever run asks first.
  { what: 'scripts/model/schemas.ts texts', kind: 'state', reason: 'memo of the schema files shipped with the tool, read once: they do not change while the tool runs' },
  { what: 'scripts/model/schemas.ts validators', kind: 'state', reason: 'memo of the compiled validators (validators.cjs) made from those schemas: compiled once per process' },
  { what: 'scripts/model/order.ts root', kind: 'state', reason: 'memo of the field order read from the shipped schema: the same for every run' },
  { what: 'scripts/diff/schema.ts validate', kind: 'state', reason: 'memo of the compiled framework.json validator: the same for every run' },
  { what: 'scripts/parse/markdown.ts processor', kind: 'state', reason: 'memo of the frozen Markdown processor: frozen, so no run can change it for another' },
  { what: 'scripts/site/markdown.ts processor', kind: 'state', reason: 'memo of the frozen Markdown-to-HTML processor: frozen, so no run can change it for another' },
  { what: 'scripts/site/markdown.ts parsed', kind: 'state', reason: 'memo of a pure function (Markdown text to HTML tree), bounded, handing out deep copies: kept across rebuilds on purpose, so watch mode does not parse unchanged fields again' },
  { what: 'scripts/diff/meaning.ts stems', kind: 'state', reason: 'memo of the stemmer, a pure function: the same few thousand words recur across frameworks' },
  { what: 'scripts/diff/meaning.ts stem', kind: 'state', reason: 'the stemmer the memo above belongs to; withStemmer swaps both together for the stemmer comparison (bench/diff-quality.ts) and restores them' },
  { what: 'scripts/shared/phones.ts readings', kind: 'state', reason: 'memo of a pure function (a number as written to its frozen reading), bounded: the phone library rebuilds its patterns on every call, and the same numbers recur across the model and the rules' },
  { what: 'scripts/parse/worker-file.ts chosen', kind: 'state', reason: 'which parse-worker file the running code uses (the bundle while dist/ is fresh): like toolDigest, it describes the code running, which cannot change while the process runs' },
  { what: 'scripts/pipeline/framework-workers.ts chosen', kind: 'state', reason: 'which framework-worker file the running code uses (the bundle while dist/ is fresh), as for the parse worker above' },
  { what: 'scripts/pipeline/framework-worker.ts held', kind: 'state', reason: 'the frameworks a worker thread built, waiting for the comparing rules: the thread is started for one run and ends with it' },
  { what: 'scripts/generate/printed.ts stored', kind: 'state', reason: 'the typed modules printed ahead into dist/ when the CLI was compiled, read once: like toolDigest, they belong to the code running, which cannot change while the process runs' },
  { what: 'scripts/cache/store.ts toolDigest', kind: 'state', reason: 'what the running code is: it cannot change while the process runs, so it is read once; reading the files again later would describe code edited since, not the code running' },
  // Weak maps keyed by an object of one run: what they hold lives and dies with that object, and no run sees another's.
  { what: 'scripts/parse/resolve.ts indexes', kind: 'state', reason: 'suggestion indexes per parse context (WeakMap), built on the first unknown id of a run' },
  { what: 'scripts/parse/stray.ts notRead', kind: 'state', reason: 'syntax-tree nodes left unread because of another problem (WeakSet), marked while their tree is read' },
  { what: 'scripts/site/pages/domains.ts namedBy', kind: 'state', reason: 'indicators by name per site framework (WeakMap), built once per framework while its pages are written' },
  // What belongs to the process itself.
  { what: 'scripts/shared/interrupt.ts cleanups', kind: 'state', reason: 'what to remove if the process is stopped by a signal: signals are sent to the process, so the list is the process’s, whichever run registered a folder' },
]
