/**
 * CPU time of building models, the code of another checkout against this one, in one process:
 *   node --import tsx scripts/bench/model-cpu.ts <other checkout> <sources> [rounds]
 * Every Markdown file is parsed once up front; then each framework's model is built from a fresh
 * copy of its trees by the other checkout's buildFramework and by this one's, in turns (which goes
 * first alternates), each timed with process.cpuUsage. On a shared machine the load changes from
 * second to second: alternating framework by framework puts both sides under the same load, which
 * separate processes run minutes apart do not. The first round warms up and is not counted.
 * Prints each round's milliseconds per side and this side's share of the other's.
 */
import path from 'node:path'
import type { Root } from 'mdast'
import type { FrameworkFolder } from '../parse/read.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { findFrameworkFolders, readFolders } from '../parse/index.ts'
import { copyTree, markdownProcessor } from '../parse/markdown.ts'

interface Side {
  readFolders: (dirs: readonly string[], cwd?: string) => FrameworkFolder[]
  filesToParse: (folder: FrameworkFolder) => Array<{ source: SourceFile }>
  buildFramework: (folder: FrameworkFolder, options: { parse: (file: SourceFile) => Root }) => unknown
}

const [other, sources, roundsText = '4'] = process.argv.slice(2)
if (!other || !sources) throw new Error('usage: model-cpu.ts <other checkout> <sources> [rounds]')
const load = async (root: string): Promise<Side> => ({ ...(await import(path.join(root, 'scripts/parse/index.ts'))), ...(await import(path.join(root, 'scripts/parse/build.ts'))) })
const sides = { other: await load(path.resolve(other)), this: await load(path.resolve(import.meta.dirname, '../..')) }
const dirs = findFrameworkFolders([sources], process.cwd())
const trees = new Map<string, Root>()
for (const folder of readFolders(dirs)) for (const file of folder.files) if (file.readable && file.kind !== 'rules') trees.set(file.source.text, markdownProcessor().parse(file.source.text))

const rounds: Array<{ other: number; this: number }> = []
for (let round = 0; round < Number(roundsText); round++) {
  const spent = { other: 0, this: 0 }
  for (const [index, dir] of dirs.entries()) {
    for (const name of (index + round) % 2 === 0 ? (['other', 'this'] as const) : (['this', 'other'] as const)) {
      const side = sides[name]
      const [folder] = side.readFolders([dir])
      const copies = new Map(side.filesToParse(folder as FrameworkFolder).map(({ source }) => [source, copyTree(trees.get(source.text) as Root)]))
      const start = process.cpuUsage()
      side.buildFramework(folder as FrameworkFolder, { parse: (file) => copies.get(file) as Root })
      const used = process.cpuUsage(start)
      spent[name] += (used.user + used.system) / 1000
    }
  }
  rounds.push({ other: Math.round(spent.other), this: Math.round(spent.this) })
}
const counted = rounds.slice(1)
const sum = (name: 'other' | 'this') => counted.reduce((total, round) => total + round[name], 0)
console.log(JSON.stringify({ rounds, thisToOther: Math.round((sum('this') / sum('other')) * 1000) / 1000 }))
