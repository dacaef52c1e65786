import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFrameworks, type CheckedFramework, type CheckResult } from '../../scripts/check/index.ts'
import { rules } from '../../scripts/check/registry.ts'
import { createDevSession, type DevSession } from '../../scripts/dev/session.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { severityOf } from '../../scripts/shared/diagnostics.ts'
import { frameworkWith, parser, repoRoot, TEST_TODAY } from '../helpers.ts'

function lines(result: CheckResult<CheckedFramework>): string[] {
  return result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${severityOf(message)} ${message.reason} [${message.ruleId}]`))
}

/** What a full, fresh check of the same folders says: the session must always agree with it. */
function fresh(root: string): string[] {
  const folders = session?.frameworkFolders() ?? []
  return lines(checkFrameworks(loadFrameworks(folders, { parser }), { today: TEST_TODAY })).map((line) => line.replace(`${root}/`, ''))
}

let session: DevSession | undefined
afterEach(() => {
  session?.close()
  session = undefined
})

/** Two frameworks: the minimal one and a copy citing an older edition of Working Together. */
async function twoFrameworks() {
  const { root, dir } = frameworkWith()
  const second = path.join(root, 'sources/second')
  cpSync(dir, second, { recursive: true })
  const framework = path.join(second, 'framework.md')
  writeFileSync(framework, readFileSync(framework, 'utf8').replace('id: minimal', 'id: second').replace('edition: 2026', 'edition: 2023'))
  const opened = await createDevSession({ paths: ['sources'], cwd: root, today: TEST_TODAY })
  session = opened.session
  return { root, dir, second, first: opened.first }
}

const markdownFiles = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name))

const edit = (file: string, from: string | RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to))

describe('watch-mode session', () => {
  it('opens with the same result as a full check', async () => {
    const { root, dir, second, first } = await twoFrameworks()
    expect(first.reparsed).toEqual(['minimal', 'second'])
    // The copy's unchanged files have the same text as the original's: each text is parsed once.
    const texts = [dir, second].flatMap((folder) => markdownFiles(folder).map((file) => readFileSync(file, 'utf8')))
    expect(first.filesParsed).toBe(new Set(texts).size)
    expect(first.filesParsed).toBeLessThan(texts.length)
    expect(lines(first.result).map((line) => line.replace(`${root}/`, ''))).toEqual(fresh(root))
    expect(lines(first.result).join('\n')).toContain('guidance-edition-current')
  })

  it('re-reads and re-checks only the edited framework, and agrees with a full check', async () => {
    const { root, dir } = await twoFrameworks()
    const level = path.join(dir, 'levels/01-early-help.md')
    edit(level, /## Contacts[\s\S]*$/, '')
    const change = await session?.recheck(level)
    expect(change?.reparsed).toEqual(['minimal'])
    expect(change?.rechecked).toEqual(['minimal'])
    // The other files of the framework come from the session's tree cache.
    expect(change?.filesParsed).toBe(1)
    expect(change?.result.errors).toBe(1)
    expect(lines(change?.result as CheckResult<CheckedFramework>).join('\n')).toContain('Level “Early Help” has no contacts')
    expect(lines(change?.result as CheckResult<CheckedFramework>).map((line) => line.replace(`${root}/`, ''))).toEqual(fresh(root))
  })

  it('does not pile up messages when the same file is checked again and again', async () => {
    const { root, dir } = await twoFrameworks()
    const file = path.join(dir, 'domains/01-health.md')
    const counts: number[] = []
    for (let i = 0; i < 3; i++) counts.push(lines((await session?.recheck(file))?.result as CheckResult<CheckedFramework>).length)
    expect(new Set(counts).size).toBe(1)
    expect(lines(session?.current() as CheckResult<CheckedFramework>).map((line) => line.replace(`${root}/`, ''))).toEqual(fresh(root))
  })

  it('re-checks the frameworks that compare against an edited one when what they compare changed', async () => {
    const { root, dir, second } = await twoFrameworks()
    expect(rules.filter((rule) => rule.compares).map((rule) => rule.id)).toContain('guidance-edition-current')
    const framework = path.join(dir, 'framework.md')
    edit(framework, 'edition: 2026', 'edition: 2018')
    const change = await session?.recheck(framework)
    expect(change?.reparsed).toEqual(['minimal'])
    expect(change?.rechecked).toEqual(['minimal', 'second'])
    const text = lines(change?.result as CheckResult<CheckedFramework>).join('\n')
    // Paths relative to the session's folder, as the CLI shows them.
    expect(text).toContain(`${path.relative(root, path.join(dir, 'framework.md'))}:10:14 warning “Working Together to Safeguard Children” is cited in its 2018 edition, but “second” cites the 2023 edition`)
    expect(text).not.toContain(`${path.relative(root, path.join(second, 'framework.md'))}:10:14 warning`)
    expect(lines(change?.result as CheckResult<CheckedFramework>).map((line) => line.replace(`${root}/`, ''))).toEqual(fresh(root))
  })

  it('finds a framework added while watching, and forgets one that was deleted', async () => {
    const { root, dir } = await twoFrameworks()
    const third = path.join(root, 'sources/third')
    cpSync(dir, third, { recursive: true })
    edit(path.join(third, 'framework.md'), 'id: minimal', 'id: third')
    const added = await session?.recheck(path.join(third, 'framework.md'))
    expect(added?.reparsed).toEqual(['third'])
    expect(added?.result.contexts.map((context) => context.framework.id)).toEqual(['minimal', 'second', 'third'])
    rmSync(path.join(root, 'sources/second'), { recursive: true })
    const removed = await session?.recheck(path.join(root, 'sources/second'))
    expect(removed?.removed).toEqual(['second'])
    expect(removed?.result.contexts.map((context) => context.framework.id)).toEqual(['minimal', 'third'])
    expect(lines(removed?.result as CheckResult<CheckedFramework>).map((line) => line.replace(`${root}/`, ''))).toEqual(fresh(root))
  })

  it('measures the pipeline time of a re-check', async () => {
    const { dir } = await twoFrameworks()
    const change = await session?.recheck(path.join(dir, 'contacts.md'))
    expect(change?.timings.parse).toBeGreaterThan(0)
    expect(change?.timings.check).toBeGreaterThan(0)
    expect(change?.timings.total).toBeCloseTo((change?.timings.parse ?? 0) + (change?.timings.check ?? 0), 0)
  })
})

describe('rules that compare frameworks', () => {
  it('say what they compare, so watch mode knows when to re-check the others', () => {
    const readingAll = rules.filter((rule) => {
      const source = readFileSync(path.join(repoRoot, 'scripts/check/rules', `${rule.id}.ts`), 'utf8')
      return /\bcompared\b/.test(source.match(/check\(\{[^)]*\}\)/)?.[0] ?? '')
    })
    expect(readingAll.map((rule) => rule.id)).toContain('guidance-edition-current')
    for (const rule of readingAll) expect(rule.compares, rule.id).toBeTypeOf('function')
  })
})
