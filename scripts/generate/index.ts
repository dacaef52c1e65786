import { readFileSync } from 'node:fs'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import type { Framework } from '../model/types.ts'
import type { ParseContext } from '../parse/context.ts'
import { compareStrings } from '../shared/text.ts'
import { addTime, timed } from '../shared/timing.ts'
import { frameworkJson } from './json.ts'
import { modelTypes, packageJson, packageReadme, schemaJson } from './package.ts'

/**
 * Every file the build writes under generated/, by path relative to it: per framework its JSON
 * and typed module, and the package around them. ts-morph is loaded here, on first use, so that
 * `check` never pays for it.
 */
export async function generateFiles(contexts: readonly ParseContext[]): Promise<Map<string, string>> {
  const frameworks: Framework[] = [...contexts].map((parsed) => parsed.framework).sort((a, b) => compareStrings(a.id, b.id))
  const files = new Map<string, string>()
  timed('generate-json', () => {
    for (const framework of frameworks) files.set(`${framework.id}/framework.json`, frameworkJson(framework))
  })
  const start = performance.now()
  const { typescriptFiles } = await import('./typescript.ts')
  addTime('generate-ts', performance.now() - start)
  timed('generate-ts', () => {
    const types = readFileSync(path.join(toolRoot, 'scripts/model/types.ts'), 'utf8')
    for (const [path, text] of typescriptFiles(frameworks, modelTypes(types))) files.set(path, text)
    files.set('package.json', packageJson(frameworks))
    files.set('README.md', packageReadme(frameworks))
    files.set('framework.schema.json', schemaJson(frameworks))
  })
  return new Map([...files].sort(([a], [b]) => compareStrings(a, b)))
}
