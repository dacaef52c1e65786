import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, onTestDay, thresholds } from '../helpers.ts'

// A framework module is printed once per shape with stand-ins, then each framework's id, title,
// data and id unions are put in their place (scripts/generate/skeleton.ts). What is put in is
// never searched again, so an author's words that spell a stand-in stay as written.
describe('filling in a framework module', () => {
  it('keeps a title that spells the stand-ins as written, and the data where the module reads it', () => {
    const { root, dir } = frameworkWith()
    const title = `Minimal '__THRESHOLDS_FRAMEWORK_DATA__' __THRESHOLDS_FRAMEWORK_ID__ '__THRESHOLDS_UNION_LevelId__'`
    edit(path.join(dir, 'framework.md'), 'title: Minimal Framework', `title: "${title}"`)
    const run = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(run.status, run.stderr).toBe(0)
    const module = readFileSync(path.join(root, 'generated/minimal/index.ts'), 'utf8')
    expect(module).toContain(`/** ${title}: the data of framework.json, with a \`tel\` address on each number, and on each contact that has one. Frozen. */\nexport const framework: Framework = deepFreeze(JSON.parse("{\\"formatVersion\\":3,\\"id\\":\\"minimal\\",\\"title\\":\\"${title}\\",`)
    expect(module).toContain(`export type LevelId = 'early-help' | 'child-protection';\n`)
    const json = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { title: string }
    expect(json.title).toBe(title)
  })
})
