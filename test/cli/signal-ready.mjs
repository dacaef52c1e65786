// Loaded with `node --import` before the CLI in test/cli/signals.test.ts. Says “parse under way”
// on stderr once the CLI listens for SIGTERM and has started its Markdown parse worker, from a
// timer: a timer runs only while the main thread is free, so by then the CLI has handed the file
// to the worker and is waiting for it. A signal sent after this line arrives mid-parse, whatever
// the machine's speed. The parse worker is told from other threads (tsx's) by its memory limit,
// which the test sets with THRESHOLDS_PARSE_MEMORY_MB.
const parseMemoryMb = Number(process.env.THRESHOLDS_PARSE_MEMORY_MB)
let parseWorkerStarted = false
process.on('worker', (worker) => {
  if (worker.resourceLimits?.maxOldGenerationSizeMb === parseMemoryMb) parseWorkerStarted = true
})
const timer = setInterval(() => {
  if (!parseWorkerStarted || process.listenerCount('SIGTERM') === 0) return
  clearInterval(timer)
  process.stderr.write('parse under way\n')
}, 10)
timer.unref()
