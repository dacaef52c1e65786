import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { getLanguageService, type LanguageService } from 'yaml-language-server'
import { describe, expect, it } from 'vitest'
import { frameworkWith, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
const settings = JSON.parse(readFileSync(path.join(repoRoot, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> }
const tasks = JSON.parse(readFileSync(path.join(repoRoot, '.vscode/tasks.json'), 'utf8')) as {
  tasks: Array<{ label: string; command: string; problemMatcher: { pattern: { regexp: string }; background?: { beginsPattern: string; endsPattern: string } } }>
}

/**
 * The YAML language server of VS Code's YAML extension (redhat.vscode-yaml), configured as the
 * workspace settings configure it, reading schemas from disk only: nothing is fetched.
 */
function yamlServer(): { service: LanguageService; requested: string[] } {
  const requested: string[] = []
  const service = getLanguageService({
    schemaRequestService: async (uri: string) => {
      requested.push(uri)
      if (uri.startsWith('file:')) return readFileSync(fileURLToPath(uri), 'utf8')
      throw new Error(`Unable to load schema from ${uri}: no network in this test`)
    },
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
  })
  service.configure({
    validate: true,
    completion: true,
    hover: true,
    schemas: Object.entries(settings['yaml.schemas']).map(([schema, glob]) => ({ uri: pathToFileURL(path.resolve(repoRoot, schema)).toString(), fileMatch: [glob] })),
  })
  return { service, requested }
}

let version = 0
const documentAt = (file: string, text: string) => TextDocument.create(pathToFileURL(file).toString(), 'yaml', ++version, text)

describe('VS Code: rules.yaml is validated and completed while typing', () => {
  it('maps an existing, self-contained schema to every framework’s rules.yaml', () => {
    for (const [schema, glob] of Object.entries(settings['yaml.schemas'])) {
      expect(glob).toBe('sources/*/rules.yaml')
      const text = readFileSync(path.resolve(repoRoot, schema), 'utf8')
      // An editor must not need the network, or a second file, to use it.
      expect(text).not.toContain('"$ref"')
    }
  })

  it('keeps the rule id pattern of the rules schema the same as the model’s id', () => {
    const rules = JSON.parse(readFileSync(path.join(repoRoot, 'schema/frontmatter/rules.schema.json'), 'utf8')) as { propertyNames: { pattern: string; maxLength: number } }
    const model = JSON.parse(readFileSync(path.join(repoRoot, 'schema/framework.schema.json'), 'utf8')) as { $defs: { Id: { pattern: string; maxLength: number } } }
    expect({ pattern: rules.propertyNames.pattern, maxLength: rules.propertyNames.maxLength }).toEqual({ pattern: model.$defs.Id.pattern, maxLength: model.$defs.Id.maxLength })
  })

  it('underlines a wrong severity, a short reason and a badly written rule id, at their places', async () => {
    const { service, requested } = yamlServer()
    const file = path.join(repoRoot, 'sources/shropshire/rules.yaml')
    const problems = async (text: string) => (await service.doValidation(documentAt(file, text), false)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
    expect(await problems('link-pending:\n  severity: maybe\n  reason: short\n')).toEqual([
      '2:13 Value is not accepted. Valid values: "error", "warning", "off".',
      '3:11 String is shorter than the minimum length of 10.',
    ])
    expect(await problems('Link_Pending:\n  severity: error\n  reason: The partnership is collecting the addresses.\n')).toEqual(['1:1 String does not match the pattern of "^[a-z0-9]+(-[a-z0-9]+)*$".'])
    expect(await problems('link-pending:\n  severity: "off"\n  reason: The partnership is collecting the addresses.\n')).toEqual([])
    expect(requested.every((uri) => uri.startsWith('file:'))).toBe(true)
  })

  it('offers the settings and their values as you type', async () => {
    const { service } = yamlServer()
    const file = path.join(repoRoot, 'sources/solihull/rules.yaml')
    const keys = await service.doComplete(documentAt(file, 'link-pending:\n  s\n'), { line: 1, character: 3 }, false)
    expect(keys.items.map((item) => item.label)).toEqual(expect.arrayContaining(['severity', 'reason']))
    const values = await service.doComplete(documentAt(file, 'link-pending:\n  severity: \n'), { line: 1, character: 12 }, false)
    expect(values.items.map((item) => item.label)).toEqual(['error', 'warning', '"off"'])
  })

  it('validates the rules.yaml that thresholds new writes, through its schema line, wherever sources live', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-editor-'))
    expect(spawnSync(process.execPath, [bin, 'new', 'west-midshire', '--sources', 'content'], { cwd: root }).status).toBe(0)
    const file = path.join(root, 'content/west-midshire/rules.yaml')
    const written = readFileSync(file, 'utf8')
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/frontmatter/rules.schema.json')
    // The schema line is relative to the file: place the file where a repository would have it.
    const inRepository = path.join(repoRoot, 'content/west-midshire/rules.yaml')
    const { service } = yamlServer()
    const problems = await service.doValidation(documentAt(inRepository, `${written}link-pending:\n  severity: sometimes\n  reason: The partnership is collecting the addresses.\n`), false)
    expect(problems.map((d) => d.message)).toEqual(['Value is not accepted. Valid values: "error", "warning", "off".'])
  })
})

describe('VS Code tasks: problems from thresholds land in the Problems panel', () => {
  it('reads file, line, column, severity, message and rule from thresholds check', () => {
    const { root, dir } = frameworkWith()
    const level = path.join(dir, 'levels/02-child-protection.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('A child is suffering', 'See [the steps](#what-to-doo). A child is suffering'))
    const check = spawnSync(process.execPath, [bin, 'check'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    const task = tasks.tasks.find((entry) => entry.label === 'Thresholds: check')
    expect(task?.command).toBe('npx thresholds check')
    const pattern = new RegExp(task?.problemMatcher.pattern.regexp ?? '$^')
    const found = check.stderr.split('\n').flatMap((line) => pattern.exec(line)?.slice(1) ?? [])
    expect(found.slice(0, 4)).toEqual(['sources/minimal/levels/02-child-protection.md', '7', '5', 'error'])
    expect(found[4]).toBe('The link “the steps” points to “#what-to-doo”, which is neither an id in this framework nor a heading in this file')
    expect(found[5]).toBe('link-resolves')
  })

  it('knows when the preview task starts and finishes each round of checking', () => {
    const task = tasks.tasks.find((entry) => entry.label === 'Thresholds: preview (dev)')
    expect(task?.command).toBe('npx thresholds dev')
    const begins = new RegExp(task?.problemMatcher.background?.beginsPattern ?? '$^')
    const ends = new RegExp(task?.problemMatcher.background?.endsPattern ?? '$^')
    // The lines thresholds dev prints (scripts/dev/index.ts), as test/dev/dev.test.ts sees them.
    expect(begins.test('12:00:01 Checking sources …')).toBe(true)
    expect(begins.test('12:00:05 Changed sources/minimal/levels/01-early-help.md')).toBe(true)
    expect(ends.test('12:00:05 Preview not updated: fix the 1 error above first.')).toBe(true)
    expect(ends.test('12:00:05 Preview updated: 2 files changed in 40 ms.')).toBe(true)
    expect(begins.test('sources/minimal/levels/01-early-help.md:3:8 error Level “Early Help” has no contacts [level-has-contacts]')).toBe(false)
  })
})
