/**
 * CPU time of the rules, the code of another checkout against this one, in one process:
 *   node --import tsx scripts/bench/rules-cpu.ts <other checkout> <sources> [frameworks] [rounds]
 * Each side builds its own models of the first `frameworks` folders (default 100) with its own
 * parser (on this thread, no parse budget), then runs every rule over all of them once per round
 * (startRules, then finish, as a check does), the sides in turns (which goes first alternates),
 * each round timed with process.cpuUsage. The first round is printed but not counted: the code is
 * not yet optimised then. Prints each round's milliseconds per side and this side's share of the other's.
 */
import path from 'node:path'

interface Side {
  contexts: Array<{ framework: unknown }>
  compared: unknown[]
  startRules: (context: unknown, options: { today: string }) => { finish: (compared: unknown[]) => unknown }
}

const [other, sources, frameworksText = '100', roundsText = '7'] = process.argv.slice(2)
if (!other || !sources) throw new Error('usage: rules-cpu.ts <other checkout> <sources> [frameworks] [rounds]')
// Rules that read the date compare with a fixed one, so both sides give the same messages every day.
const today = '2026-11-30'
const env = { THRESHOLDS_WORKERS: '0', THRESHOLDS_PARSE_SECONDS: '100000' }

async function load(root: string): Promise<Side> {
  const index = await import(path.join(root, 'scripts/parse/index.ts'))
  const runner = await import(path.join(root, 'scripts/check/runner.ts'))
  const dirs = (index.findFrameworkFolders([sources as string], process.cwd()) as string[]).slice(0, Number(frameworksText))
  const contexts = (await index.loadFrameworksInParallel(dirs, { cwd: process.cwd(), env })) as Side['contexts']
  const compared = contexts.map((context) => runner.comparedParts(runner.comparedOf(context.framework)))
  return { contexts, compared, startRules: runner.startRules }
}

const sides = { other: await load(path.resolve(other)), this: await load(path.resolve(import.meta.dirname, '../..')) }
const rounds: Array<{ other: number; this: number }> = []
for (let round = 0; round < Number(roundsText); round++) {
  const spent = { other: 0, this: 0 }
  for (const name of round % 2 === 0 ? (['other', 'this'] as const) : (['this', 'other'] as const)) {
    const side = sides[name]
    const start = process.cpuUsage()
    for (const context of side.contexts) side.startRules(context, { today }).finish(side.compared)
    const used = process.cpuUsage(start)
    spent[name] = Math.round((used.user + used.system) / 1000)
  }
  rounds.push(spent)
}
const counted = rounds.slice(1)
const sum = (name: 'other' | 'this') => counted.reduce((total, round) => total + round[name], 0)
console.log(JSON.stringify({ rounds, thisToOther: Math.round((sum('this') / sum('other')) * 1000) / 1000 }))
