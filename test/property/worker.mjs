// Worker entry for test/property/mutations.test.ts: TypeScript through tsx, as the CLI runs it.
import { register } from 'tsx/esm/api'

register()
await import('./check-case.ts')
