import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ChangeTable } from './change-tester.ts'

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'change-cases')

/** Every table in change-cases/: one file per change kind, named after it. */
export const changeTables: ChangeTable[] = await Promise.all(
  readdirSync(here)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map(async (name) => {
      const id = name.replace(/\.ts$/, '')
      const table = ((await import(`./change-cases/${id}.ts`)) as { default: ChangeTable }).default
      if (table.kind !== id) throw new Error(`${name} holds the table of “${table.kind}”, expected the file named after its change kind`)
      return table
    }),
)
