// Starts the parse worker from the TypeScript sources (when the CLI runs through tsx rather than
// from dist/): registers tsx in this thread, then loads the worker itself.
import { register } from 'tsx/esm/api'

register()
await import('./parse-worker.ts')
