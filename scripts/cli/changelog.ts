/** `thresholds changelog <framework>`: the framework's versions found in git, each compared with the one before, as Markdown. */
import { parseArgs } from 'node:util'
import { todayUtc } from '../shared/today.ts'
import { ID_PATTERN } from '../shared/text.ts'
import { UsageError } from '../shared/usage-error.ts'
import { changelogHelp } from './help.ts'
import type { Io } from './io.ts'

export async function changelogCommand(args: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/, '') : String(error))
  }
  if (parsed.values.help) {
    io.stdout(changelogHelp)
    return 0
  }
  const [framework, ...more] = parsed.positionals
  if (framework === undefined || more.length > 0) throw new UsageError(`Expected one framework id, e.g. thresholds changelog solihull (got ${parsed.positionals.length})`)
  if (!ID_PATTERN.test(framework)) throw new UsageError(`“${framework}” is not a framework id, expected lower-case letters, digits and single hyphens`)
  const { changelogFor } = await import('../diff/changelog.ts')
  io.stdout(await changelogFor(framework, io.cwd, { env: io.env, today: todayUtc(io.env) }))
  return 0
}
