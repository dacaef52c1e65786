// The framework worker when Thresholds runs from its TypeScript sources (tsx, the tests): a worker
// thread does not inherit the main thread's TypeScript loader, so it registers its own.
import { register } from 'tsx/esm/api'

register()
await import('./framework-worker.ts')
