// Loaded with `node --import` before the CLI in test/cli/sources-changed.test.ts. The first time
// the CLI reads the file named by CHANGE_ON_READ, that file is edited just before the read: an
// author saving it while the command runs, at the one moment the test needs, whatever the
// machine's speed. Says “changed” on stderr when it did so.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const target = process.env.CHANGE_ON_READ
const readFileSync = fs.readFileSync
let changed = false
fs.readFileSync = function (file, ...rest) {
  if (!changed && file === target) {
    changed = true
    fs.appendFileSync(target, '\n<!-- saved during the run -->\n')
    process.stderr.write('changed\n')
  }
  return readFileSync.call(this, file, ...rest)
}
// `import { readFileSync } from 'node:fs'` in modules loaded later sees the wrapper too.
syncBuiltinESMExports()
