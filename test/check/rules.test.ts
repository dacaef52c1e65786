import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rules } from '../../scripts/check/registry.ts'
import { fixtures, frameworkWith, listDirs, messageLines, repoRoot } from '../helpers.ts'

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

  it('names every rule in the README', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
    expect(ruleFiles.filter((id) => !readme.includes(`\`${id}\``))).toEqual([])
  })

  it('has no fixture folder for a rule that does not exist', () => {
    expect(listDirs(path.join(fixtures, 'rules')).filter((id) => !ruleFiles.includes(id))).toEqual([])
  })
})

describe.each(ruleFiles)('rule %s', (id) => {
  const folder = path.join(fixtures, 'rules', id)
  // Rules that compare frameworks get the frameworks of `others/` (each over the minimal one) in the same run.
  const others = existsSync(path.join(folder, 'others')) ? listDirs(path.join(folder, 'others')) : []
  const check = (kind: 'valid' | 'invalid') => {
    const { root, dir } = frameworkWith(path.join(folder, kind))
    const alongside = others.map((other) => frameworkWith(path.join(folder, 'others', other), other, root).dir)
    return messageLines(dir, [id], alongside)
  }

  it('reports nothing on the valid fixture', () => {
    expect(check('valid')).toEqual([])
  })

  it('reports exactly the expected messages on the invalid fixture', () => {
    const expected = readFileSync(path.join(folder, 'expected.txt'), 'utf8').split('\n').filter(Boolean)
    expect(check('invalid')).toEqual(expected)
  })
})
