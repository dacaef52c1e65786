import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RuleTable } from './rule-tester.ts'

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rule-cases')

/** Every table in rule-cases/: one file per rule, named after it. */
export const ruleTables: RuleTable[] = await Promise.all(
  readdirSync(here)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map(async (name) => {
      const id = name.replace(/\.ts$/, '')
      const table = ((await import(`./rule-cases/${id}.ts`)) as { default: RuleTable }).default
      if (table.rule !== id) throw new Error(`${name} holds the table of “${table.rule}”, expected the file named after its rule`)
      return table
    }),
)
