import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rules } from '../../scripts/check/registry.ts'
import { externalUrls } from '../../scripts/online/index.ts'
import type { LinkProbe } from '../../scripts/online/probe.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { fixtures, frameworkWith, listDirs, messageLines, parser, repoRoot } from '../helpers.ts'

const ruleFiles = readdirSync(path.join(repoRoot, 'scripts/check/rules'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort()

describe('rule registry', () => {
  it('registers every rule file, sorted by id, each id equal to its file name', () => {
    expect(rules.map((rule) => rule.id)).toEqual(ruleFiles)
  })

  it.each(ruleFiles)('%s has a fixture pair and a docs entry', (id) => {
    expect(existsSync(path.join(fixtures, 'rules', id, 'valid'))).toBe(true)
    expect(existsSync(path.join(fixtures, 'rules', id, 'invalid'))).toBe(true)
    expect(existsSync(path.join(fixtures, 'rules', id, 'expected.txt'))).toBe(true)
    expect(readFileSync(path.join(repoRoot, 'docs/rules.md'), 'utf8')).toContain(`<a id="${id}"></a>`)
  })

  it('names every rule in docs/checks.md, the rules at a glance', () => {
    const overview = readFileSync(path.join(repoRoot, 'docs/checks.md'), 'utf8')
    expect(ruleFiles.filter((id) => !overview.includes(`\`${id}\``))).toEqual([])
  })

  it('has no fixture folder for a rule that does not exist', () => {
    expect(listDirs(path.join(fixtures, 'rules')).filter((id) => !ruleFiles.includes(id))).toEqual([])
  })
})

/**
 * Rules that need `--online` cannot use the network in tests: their fixture folder has a
 * probes.json, the status of each address as the prober would give it, passed in as linkStatus.
 */
function probesOf(folder: string): { linkStatus?: Map<string, LinkProbe> } {
  const file = path.join(folder, 'probes.json')
  if (!existsSync(file)) return {}
  return { linkStatus: new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, LinkProbe>)) }
}

describe.each(ruleFiles)('rule %s', (id) => {
  const folder = path.join(fixtures, 'rules', id)
  // Rules that compare frameworks get the frameworks of `others/` (each over the minimal one) in the same run.
  const others = existsSync(path.join(folder, 'others')) ? listDirs(path.join(folder, 'others')) : []
  const check = (kind: 'valid' | 'invalid') => {
    const { root, dir } = frameworkWith(path.join(folder, kind))
    const alongside = others.map((other) => frameworkWith(path.join(folder, 'others', other), other, root).dir)
    return messageLines(dir, [id], { alongside, suggestions: true, ...probesOf(folder) })
  }

  it('reports nothing on the valid fixture', () => {
    expect(check('valid')).toEqual([])
  })

  it('reports exactly the expected messages on the invalid fixture', () => {
    const expected = readFileSync(path.join(folder, 'expected.txt'), 'utf8').split('\n').filter(Boolean)
    expect(expected.length).toBeGreaterThan(0)
    expect(check('invalid')).toEqual(expected)
  })

})

const onlineRules = rules.filter((rule) => rule.online).map((rule) => rule.id)

describe.each(onlineRules)('online rule %s', (id) => {
  const folder = path.join(fixtures, 'rules', id)

  it('has a probe result for every address in its fixtures, and no other', () => {
    const { dir } = frameworkWith(path.join(folder, 'invalid'))
    const { dir: validDir } = frameworkWith(path.join(folder, 'valid'))
    const written = externalUrls(loadFrameworks([dir, validDir], { parser }))
    expect([...(probesOf(folder).linkStatus?.keys() ?? [])].sort()).toEqual([...written].sort())
  })

  it('reports nothing without --online', () => {
    const { dir } = frameworkWith(path.join(folder, 'invalid'))
    expect(messageLines(dir, [id])).toEqual([])
  })
})

describe('suppressing an online rule', () => {
  it('is not reported as unused without --online, and hides the message with it', () => {
    const folder = path.join(fixtures, 'rules', 'link-reachable')
    const { dir } = frameworkWith(path.join(folder, 'invalid'))
    const file = path.join(dir, 'links.md')
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('- [Young carers]', '<!-- thresholds-ignore-next-line link-reachable: the site is rebuilt this month -->\n\n- [Young carers]'),
    )
    expect(messageLines(dir, ['link-reachable'])).toEqual([])
    const online = messageLines(dir, ['link-reachable'], probesOf(folder))
    expect(online).toHaveLength(3)
    expect(online.filter((line) => line.includes('Young carers') || line.includes('unused-suppression'))).toEqual([])
  })
})
