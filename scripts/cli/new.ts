import path from 'node:path'
import { enclosingOutput, WHO } from '../generate/output-folder.ts'
import { realPathOf } from '../shared/real-path.ts'
import { UsageError } from '../shared/usage-error.ts'
import { scaffoldFramework, ScaffoldError } from '../scaffold/index.ts'
import { parse } from './commands.ts'
import type { Io } from './io.ts'
import { newHelp } from './help.ts'

export function newCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { sources: { type: 'string' } } as const)
  if (values.help) {
    io.stdout(newHelp)
    return 0
  }
  if (positionals.length !== 1) throw new UsageError(`thresholds new expects one framework id, such as “thresholds new west-midshire”${positionals.length ? `, got ${positionals.length}` : ''}`)
  const id = positionals[0] as string
  const sources = path.resolve(io.cwd, typeof values.sources === 'string' ? values.sources : 'sources')
  const shown = (path.relative(io.cwd, path.join(sources, id)) || '.').split(path.sep).join('/')
  // The next build or site would remove a framework written into its output folder.
  const output = enclosingOutput(sources)
  if (output)
    throw new UsageError(`Cannot create ${shown}: it would be inside “${path.relative(realPathOf(io.cwd), output.dir) || output.dir}”, which holds ${WHO[output.kind]} and is replaced on each run; nothing was changed`)
  let files: string[]
  try {
    files = scaffoldFramework(sources, id)
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message.replace(path.join(sources, id), shown))
    throw error
  }
  for (const file of files) io.stdout(`${shown}/${file}\n`)
  io.stderr(`Created ${shown}/ with ${files.length} files. Fill in each “TODO”, then run: npx thresholds check ${shown}\n`)
  return 0
}
