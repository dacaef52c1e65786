/**
 * Benchmark: `thresholds diff` of two 2,000-indicator versions of a framework with 10% of the
 * indicators changed (reworded, moved level or domain, reworded with a new id, removed, added),
 * plus a few contacts and links. Both versions are made in memory from a fixed seed, so every run
 * compares the same pair. Prints JSON: milliseconds for the comparison alone and with the
 * Markdown and JSON reports, median, min and max of the timed runs after warm-up runs.
 *
 *   npx tsx scripts/bench/diff.ts [--runs 7] [--indicators 2000]
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { diffVersions } from '../diff/index.ts'
import { formatDiffJson } from '../diff/report/json.ts'
import { formatDiffMarkdown } from '../diff/report/markdown.ts'
import type { Framework, Indicator, Level } from '../model/types.ts'
import { random } from './random.ts'
import { summarise } from './stats.ts'


const WORDS = (
  'child young person parent carer family school health visitor attendance support needs risk concern development emotional ' +
  'behaviour neglect injury sleep routine food clothing hygiene housing money friends relationships community police worker ' +
  'services plan assessment refer consent share worries learning speech language milestones appointments missed absent home ' +
  'unsafe exploitation online substance misuse domestic abuse mental wellbeing anxiety self harm bullying isolated trusted adult'
).split(' ')

const LEVEL_IDS = ['universal', 'early-help', 'targeted-support', 'child-in-need', 'child-protection']
const DOMAIN_IDS = ['health', 'learning', 'emotional-wellbeing', 'family-relationships', 'basic-care', 'safety', 'community', 'identity']

export interface BenchPair {
  old: Framework
  new: Framework
  changed: number
}

/** Two versions of one framework: `indicators` in the old one, `share` of them changed in the new. */
export function makePair(indicators = 2000, share = 0.1, seed = 1): BenchPair {
  const rand = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T
  const sentence = () => Array.from({ length: 6 + Math.floor(rand() * 9) }, () => pick(WORDS)).join(' ')
  const levels: Level[] = LEVEL_IDS.map((id, order) => ({
    id,
    title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    rank: order + 1,
    order,
    description: sentence(),
    whatToDo: `${sentence()}. ${sentence()}.`,
    consent: sentence(),
    contacts: ['front-door'],
    links: [],
    sections: [],
    children: [],
  }))
  const oldIndicators: Indicator[] = Array.from({ length: indicators }, (_, n) => ({
    id: `indicator-${n + 1}`,
    domain: pick(DOMAIN_IDS),
    level: pick(LEVEL_IDS),
    polarity: rand() < 0.2 ? 'strength' : 'need',
    text: sentence(),
  }))
  const old: Framework = {
    formatVersion: 3,
    id: 'bench',
    title: 'Right Help at the Right Time',
    partnership: 'Bench Safeguarding Children Partnership',
    version: '1.0',
    status: 'published',
    indicatorLayout: 'by-level',
    guidance: [{ title: 'Working Together to Safeguard Children', edition: 2023 }],
    levels,
    domains: DOMAIN_IDS.map((id) => ({ id, title: id.replace(/-/g, ' '), children: [] })),
    indicators: oldIndicators,
    contacts: Array.from({ length: 20 }, (_, n) => ({ id: n === 0 ? 'front-door' : `contact-${n}`, name: `Contact ${n}`, phones: [{ number: `0121 496 0${String(100 + n)}` }], hours: { text: 'Mon-Fri 09:00-17:00' }, emergency: false })),
    links: Array.from({ length: 100 }, (_, n) => ({ id: `link-${n}`, text: `Link ${n}`, url: `https://example.org/${n}`, status: 'ok' as const })),
    sections: Array.from({ length: 15 }, (_, n) => ({ id: `section-${n}`, title: `Section ${n}`, body: `${sentence()}. ${sentence()}.`, children: [] })),
  }
  const next = structuredClone(old)
  next.version = '2.0'
  // 10% of the indicators change, in six ways; the rest stay as they are.
  const changed = Math.round(indicators * share)
  const chosen = new Set<number>()
  while (chosen.size < changed) chosen.add(Math.floor(rand() * indicators))
  const removed = new Set<string>()
  let k = 0
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const indicator = next.indicators[index] as Indicator
    switch (k++ % 6) {
      case 0:
        indicator.text = `${indicator.text} ${pick(WORDS)}`
        break
      case 1:
        indicator.level = LEVEL_IDS[(LEVEL_IDS.indexOf(indicator.level ?? 'universal') + 1) % LEVEL_IDS.length]
        break
      case 2:
        indicator.domain = DOMAIN_IDS[(DOMAIN_IDS.indexOf(indicator.domain ?? '') + 1) % DOMAIN_IDS.length] as string
        break
      case 3:
        indicator.id = `${indicator.id}-renamed`
        indicator.text = indicator.text.replace(/^\S+/, pick(WORDS))
        break
      case 4:
        removed.add(indicator.id)
        break
      default:
        next.indicators.push({ id: `new-indicator-${index}`, domain: pick(DOMAIN_IDS), level: pick(LEVEL_IDS), polarity: 'need', text: sentence() })
    }
  }
  next.indicators = next.indicators.filter((indicator) => !removed.has(indicator.id))
  ;(next.contacts[3] as Framework['contacts'][number]).phones = [{ number: '0121 496 0999' }]
  ;(next.links[7] as Framework['links'][number]).url = 'https://example.org/moved'
  return { old, new: next, changed }
}

export function benchDiff(options: { runs?: number; warmup?: number; indicators?: number } = {}) {
  const runs = Math.max(5, options.runs ?? 7)
  const pair = makePair(options.indicators ?? 2000)
  const side = { label: 'bench', source: 'memory' as const }
  const compareOnly: number[] = []
  const withReports: number[] = []
  let changes = 0
  for (let run = 0; run < (options.warmup ?? 2) + runs; run++) {
    const start = performance.now()
    const report = diffVersions([pair.old], [pair.new], { old: side, new: side })
    const compared = performance.now()
    formatDiffMarkdown(report)
    formatDiffJson(report)
    const reported = performance.now()
    changes = report.summary.findings
    if (run < (options.warmup ?? 2)) continue
    compareOnly.push(compared - start)
    withReports.push(reported - start)
  }
  return {
    benchmark: 'diff',
    indicators: pair.old.indicators.length,
    indicatorsChanged: pair.changed,
    changesReported: changes,
    runs,
    ms: { compare: summarise(compareOnly), compareAndReports: summarise(withReports) },
    limitMs: 1000,
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, indicators: { type: 'string' } } })
  const result = benchDiff({ ...(values.runs ? { runs: Number(values.runs) } : {}), ...(values.indicators ? { indicators: Number(values.indicators) } : {}) })
  console.log(JSON.stringify(result, null, 2))
  if (result.ms.compareAndReports.median > result.limitMs) process.exitCode = 1
}
