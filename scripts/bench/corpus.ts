/**
 * A seeded synthetic corpus shaped like the shipped frameworks: the same file layout, ~300
 * indicators of realistic length per framework, contacts with real-format numbers, a links file,
 * a decision matrix, narrative sections with tables, and links between files. The same seed
 * always gives the same bytes, so benchmark runs compare like with like.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { random } from './random.ts'


const WORDS = (
  'child young person parent carer family school health visitor attendance support needs risk concern ' +
  'development emotional behaviour neglect injury sleep routine food clothing hygiene housing money ' +
  'friends relationships community police worker services plan assessment refer consent share worries ' +
  'learning speech language milestones appointments missed absent home unsafe exploitation online ' +
  'substance misuse domestic abuse mental wellbeing anxiety self harm bullying isolated trusted adult ' +
  'occasional persistent significant escalating unmet basic care supervision boundaries guidance'
).split(' ')

const LEVELS = [
  { id: 'universal', title: 'Universal', children: [] as string[] },
  { id: 'early-help', title: 'Early Help', children: [] },
  { id: 'targeted-support', title: 'Targeted Support', children: ['child-in-need'] },
  { id: 'child-protection', title: 'Child Protection', children: [] },
]
const SUB_LEVELS: Record<string, string> = { 'child-in-need': 'Child in Need' }
const DOMAINS = ['health', 'learning', 'emotional-wellbeing', 'family-relationships', 'basic-care', 'safety', 'community']

export interface CorpusOptions {
  frameworks: number
  indicatorsPerFramework?: number
  seed?: number
}

/** Writes `count` frameworks under `root/sources/` and returns the folder. */
export function writeCorpus(root: string, options: CorpusOptions): string {
  const sources = path.join(root, 'sources')
  rmSync(sources, { recursive: true, force: true })
  for (let n = 0; n < options.frameworks; n++) {
    const id = `partnership-${String(n + 1).padStart(4, '0')}`
    for (const [file, text] of frameworkFiles(id, options.indicatorsPerFramework ?? 300, (options.seed ?? 1) * 100_003 + n)) {
      const target = path.join(sources, id, file)
      mkdirSync(path.dirname(target), { recursive: true })
      writeFileSync(target, text)
    }
  }
  return sources
}

export function frameworkFiles(id: string, indicators: number, seed: number): Map<string, string> {
  const rand = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(rand() * (max - min + 1))
    const words = Array.from({ length }, () => pick(WORDS))
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}`
  }
  const files = new Map<string, string>()
  const name = `${id.replace(/-/g, ' ').replace(/\b./g, (c) => c.toUpperCase())} Safeguarding Children Partnership`

  files.set(
    'framework.md',
    `---
id: ${id}
title: Right Help at the Right Time
partnership: ${name}
version: "${1 + Math.floor(rand() * 3)}.${Math.floor(rand() * 10)}"
status: published
published: 2026-0${1 + Math.floor(rand() * 9)}-15
reviewDue: 2999-01-01
indicatorLayout: by-level
guidance:
  - title: Working Together to Safeguard Children
    edition: 2026
---

${sentence(25, 45)}. ${sentence(20, 40)}.
`,
  )

  const contactIds = ['front-door', 'out-of-hours', 'emergency-services']
  const phone = () => `0121 ${700 + Math.floor(rand() * 99)} ${String(1000 + Math.floor(rand() * 8999))}`
  files.set(
    'contacts.md',
    `---
title: Contacts
---

## Children's front door {#front-door}

- Phone: ${phone()}
- Hours: Mon-Thu 08:45-17:20; Fri 08:45-16:30
- Web: [Referral portal](#referral-portal)
- Use for: ${sentence(8, 16)}

${sentence(20, 35)}.

## Out of hours team {#out-of-hours}

- Phone: ${phone()}
- Hours: Out of hours (evenings, weekends and bank holidays)
- Use for: ${sentence(6, 12)}

## Emergency services {#emergency-services}

- Phone: 999
- Emergency: yes
- Use for: A child in immediate danger
`,
  )

  const linkIds = Array.from({ length: 20 }, (_, i) => `guidance-${i + 1}`)
  files.set(
    'links.md',
    `---
title: Links
---

- [Referral portal](https://portal.example.org/${id}/refer) {#referral-portal}
${linkIds.map((link, i) => `- [${sentence(3, 6)} guidance ${i + 1}](https://www.example.org/${id}/${link}) {#${link}}`).join('\n')}
`,
  )

  LEVELS.forEach((level, index) => {
    const contacts = level.id === 'child-protection' ? contactIds : contactIds.slice(0, 2)
    files.set(
      `levels/0${index + 1}-${level.id}.md`,
      `---
id: ${level.id}
title: ${level.title}
rank: ${index + 1}
---

${sentence(30, 60)}.

## What to do

- ${sentence(10, 20)}, using the [${sentence(2, 4).toLowerCase()} guidance](#${pick(linkIds)}).
- ${sentence(10, 20)}.
${level.id === 'child-protection' ? '- If a child is in immediate danger, call [999](#emergency-services).\n' : ''}
## Information sharing and consent

${sentence(25, 50)}.

## Contacts

${contacts.map((c) => `- [${c}](#${c})`).join('\n')}
`,
    )
    for (const child of level.children) {
      files.set(
        `levels/0${index + 1}-${child}.md`,
        `---
id: ${child}
title: ${SUB_LEVELS[child]}
rank: ${index + 1}
parent: ${level.id}
---

${sentence(30, 50)}.
`,
      )
    }
  })

  const placed = ['universal', 'early-help', 'child-in-need', 'child-protection']
  const levelTitle: Record<string, string> = { universal: 'Universal', 'early-help': 'Early Help', 'child-in-need': 'Child in Need', 'child-protection': 'Child Protection' }
  const perCell = Math.max(1, Math.round(indicators / (DOMAINS.length * placed.length)))
  let made = 0
  DOMAINS.forEach((domain, d) => {
    const parts = [`---\nid: ${domain}\ntitle: ${domain.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}\n---\n\n${sentence(15, 30)}.\n`]
    for (const level of placed) {
      const items: string[] = []
      const last = d === DOMAINS.length - 1 && level === 'child-protection'
      const count = last ? Math.max(1, indicators - made) : perCell
      for (let i = 0; i < count; i++, made++) items.push(`- ${sentence(8, 22)} (${made + 1}) {#${domain}-${made + 1}}`)
      parts.push(`## ${levelTitle[level]}\n\n${items.join('\n')}\n`)
    }
    files.set(`domains/0${d + 1}-${domain}.md`, parts.join('\n'))
  })

  const factors = ['frequency', 'severity', 'impact', 'risk']
  files.set(
    'matrix.md',
    `---
title: Decision matrix
rule: The highest level reached on any factor guides the response.
---

| Factor | universal | early-help | child-in-need | child-protection |
| --- | --- | --- | --- | --- |
${factors.map((factor) => `| ${factor.replace(/^./, (c) => c.toUpperCase())} of concern {#${factor}} | ${sentence(2, 5)} | ${sentence(2, 5)} | ${sentence(3, 7)} | ${sentence(3, 7)} |`).join('\n')}

${sentence(30, 50)}.
`,
  )

  for (let s = 1; s <= 4; s++) {
    files.set(
      `sections/0${s}-section-${s}.md`,
      `---
id: section-${s}
---

# ${sentence(2, 5)}

${sentence(40, 80)}. See the [front door](../contacts.md#front-door) and [level ${s}](#${pick(placed)}).

## ${sentence(2, 4)}

${sentence(30, 60)}.

| Question | Answer |
| --- | --- |
| ${sentence(4, 8)}? | ${sentence(6, 12)} |
| ${sentence(4, 8)}? | ${sentence(6, 12)} |
`,
    )
  }
  return files
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href
if (isMain) {
  const [count = '10', out = 'bench/corpus'] = process.argv.slice(2)
  const sources = writeCorpus(path.resolve(out), { frameworks: Number(count) })
  console.log(`wrote ${count} frameworks to ${path.relative(process.cwd(), sources)}`)
}
