import { writeOutput } from '../generate/writer.ts'
import { renderSite } from '../site/index.ts'
import { cacheOptions, checkBeforeWriting, checkChosen, contentCache, frameworkFolders, parse, reportWritten, writerSettings } from './commands.ts'
import { refuseDroppingNeighbours } from './scope.ts'
import type { Io } from './io.ts'
import { siteHelp } from './help.ts'

export async function siteCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    out: { type: 'string' },
    ...cacheOptions,
  } as const)
  if (values.help) {
    io.stdout(siteHelp)
    return 0
  }
  const { settings, maxWarnings, outDir, shownOut } = writerSettings(values, 'site', positionals, io)
  // Before the check: a website of some frameworks must not take the others' pages out of a folder that holds them.
  if (positionals.length > 0) refuseDroppingNeighbours(frameworkFolders(positionals, io), outDir, shownOut, 'site')
  const { folders, result: checked } = await checkChosen(positionals, io, {}, contentCache(values, io))
  const result = await checkBeforeWriting(checked, settings, maxWarnings, shownOut, io, folders)
  if (typeof result === 'number') return result
  const files = renderSite(result.contexts.map((parsed) => parsed.framework))
  reportWritten(writeOutput(outDir, files, { kind: 'site', shown: shownOut }), shownOut, io, ` Open ${shownOut}/index.html in a browser.`)
  return 0
}
