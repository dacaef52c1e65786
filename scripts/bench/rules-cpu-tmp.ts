import { findFrameworkFolders, loadFrameworksInParallel } from '../parse/index.ts'
import { rules } from '../check/registry.ts'
const [sources = '/work/wt/corpus-100/sources', roundsText = '3'] = process.argv.slice(2)
const contexts = await loadFrameworksInParallel(findFrameworkFolders([sources], process.cwd()), { env: { THRESHOLDS_WORKERS: '2' } })
const totals = new Map<string, number>()
for (let round = 0; round < Number(roundsText); round++) {
  for (const rule of rules) {
    if (rule.compares || rule.online) continue
    const start = process.cpuUsage()
    for (const parsed of contexts) {
      try { rule.check({ framework: parsed.framework, parsed, compared: [], linkStatus: undefined, report: () => {}, today: '2026-11-29' } as never) } catch {}
    }
    const used = process.cpuUsage(start)
    if (round > 0) totals.set(rule.id, (totals.get(rule.id) ?? 0) + (used.user + used.system) / 1000)
  }
}
const sorted = [...totals].sort((a, b) => b[1] - a[1])
console.log('total', Math.round(sorted.reduce((s, [, v]) => s + v, 0) / (Number(roundsText) - 1)))
for (const [id, ms] of sorted) console.log(Math.round(ms / (Number(roundsText) - 1)), id)
