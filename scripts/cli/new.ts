import path from 'node:path'
import { UsageError } from '../parse/index.ts'
import { scaffoldFramework, ScaffoldError } from '../scaffold/index.ts'
import { parse } from './commands.ts'
import type { Io } from './run.ts'

export const newHelp = `Usage: thresholds new <framework-id> [--sources <dir>]

Creates sources/<framework-id>/ with every file a framework has: framework.md, a level file per
level, two domain files, contacts.md, links.md, matrix.md, a narrative page and rules.yaml.
Each file explains itself in comments, and every place that needs the framework's own words
says “TODO: …”; thresholds check lists each one (content-placeholder) until it is filled in.

The id is the folder name and part of every web address of the framework: lower-case letters,
digits and single hyphens, such as “west-midshire”. An existing folder is never touched.

Options:
  --sources <dir>    Where frameworks live (default sources)
  -h, --help         Show this help

Next: edit the files (docs/authoring.md explains each one), then thresholds check, or
thresholds dev to see the website change as you save.

Exit codes: 0 created, 2 usage error (bad id, folder exists) or internal failure.
`

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
