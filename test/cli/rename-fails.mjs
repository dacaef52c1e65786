// Loaded with `node --import` before the CLI in test/cli/in-place-fails.test.ts and write-fails.test.ts. The rename of a
// staged file onto RENAME_FAILS (a path ending) fails once with EIO, as a full disk or a lost
// network drive would make it fail: the update of the output folder in place stops part-way,
// at the one moment the test needs. Says “renamed <path>” on stderr for each rename done before.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const target = process.env.RENAME_FAILS
const renameSync = fs.renameSync
let failed = false
fs.renameSync = function (from, to, ...rest) {
  const staged = String(from).includes('.staging-')
  if (target && staged && !failed && String(to).endsWith(target)) {
    failed = true
    throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO', syscall: 'rename' })
  }
  const result = renameSync.call(this, from, to, ...rest)
  if (target && staged && !failed) process.stderr.write(`renamed ${String(to).split('/generated/').pop()}\n`)
  return result
}
// `import { renameSync } from 'node:fs'` in modules loaded later sees the wrapper too.
syncBuiltinESMExports()

// WRITE_FAILS (an error code such as ENOSPC): every write of a file into a staging folder fails
// with it, as a full disk or a folder without permission would make it fail.
const writeFails = process.env.WRITE_FAILS
const writeFileSync = fs.writeFileSync
fs.writeFileSync = function (file, ...rest) {
  if (writeFails && String(file).includes('.staging-')) throw Object.assign(new Error(`${writeFails}: write '${file}'`), { code: writeFails, syscall: 'open' })
  return writeFileSync.call(this, file, ...rest)
}
syncBuiltinESMExports()
