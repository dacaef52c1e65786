// Loaded with `node --import` before the CLI in test/cli/signals.test.ts. Says “signal handlers
// ready” on stderr once the CLI listens for SIGTERM, from a timer: it can only say so while the
// main thread is free, so a signal sent after it is one the CLI is in a position to handle.
const timer = setInterval(() => {
  if (process.listenerCount('SIGTERM') === 0) return
  clearInterval(timer)
  process.stderr.write('signal handlers ready\n')
}, 10)
timer.unref()
