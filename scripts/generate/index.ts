import { readFileSync } from 'node:fs'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import type { Framework } from '../model/types.ts'
import type { CheckedFramework } from '../check/index.ts'
import { compareStrings } from '../shared/text.ts'
import { addTime, timed } from '../shared/timing.ts'
import { frameworkJson } from './json.ts'
import { modelTypes, packageJson, packageReadme, schemaJson } from './package.ts'

/**
 * Where generated files of earlier builds are kept (the content cache): one entry per framework
 * (the files under its folder) and one for the package around them, each by a key that stands
 * for everything the files are made from.
 */
export interface GeneratedCache {
  /** The key of a framework's files, or undefined when it has none (it is generated every time). */
  keyOf(context: CheckedFramework): string | undefined
  /** The key of the package files, from the keys of every framework in it. */
  sharedKey(frameworkKeys: readonly string[]): string
  read(key: string): Record<string, string> | undefined
  /** Stores a framework's files. */
  write(key: string, files: Record<string, string>): void
  /** Stores the package files. */
  writeShared(key: string, files: Record<string, string>): void
}

/**
 * Every file the build writes under generated/, by path relative to it: per framework its JSON
 * and typed module, and the package around them. ts-morph is loaded here, on first use, so that
 * `check` never pays for it; with a cache that holds every file, neither it nor any model is loaded.
 */
export async function generateFiles(contexts: readonly CheckedFramework[], cache?: GeneratedCache): Promise<Map<string, string>> {
  const keys = contexts.map((context) => cache?.keyOf(context))
  const sharedKey = cache && keys.every((key) => key !== undefined) ? cache.sharedKey(keys as string[]) : undefined
  const cached = timed('cache', () => ({ own: keys.map((key) => (key ? cache?.read(key) : undefined)), shared: sharedKey ? cache?.read(sharedKey) : undefined }))
  if (cached.shared && cached.own.every(Boolean)) return sorted([cached.shared, ...(cached.own as Array<Record<string, string>>)].flatMap((files) => Object.entries(files)))

  const frameworks: Framework[] = [...contexts].map((parsed) => parsed.framework).sort((a, b) => compareStrings(a.id, b.id))
  const missing = new Set(contexts.filter((_, index) => !cached.own[index]).map((context) => context.framework.id))
  const files = new Map<string, string>()
  for (const own of cached.own) if (own) for (const [file, text] of Object.entries(own)) files.set(file, text)
  timed('generate-json', () => {
    for (const framework of frameworks) if (missing.has(framework.id)) files.set(`${framework.id}/framework.json`, frameworkJson(framework))
  })
  const start = performance.now()
  const { typescriptFiles } = await import('./typescript.ts')
  addTime('generate-ts', performance.now() - start)
  timed('generate-ts', () => {
    const types = readFileSync(path.join(toolRoot, 'scripts/model/types.ts'), 'utf8')
    for (const [path, text] of typescriptFiles(frameworks, modelTypes(types), missing)) files.set(path, text)
    files.set('package.json', packageJson(frameworks))
    files.set('README.md', packageReadme(frameworks))
    files.set('framework.schema.json', schemaJson(frameworks))
  })
  if (cache)
    timed('cache', () => {
      const ownFolder = (file: string, id: string) => file.startsWith(`${id}/`)
      for (const [index, context] of contexts.entries()) {
        const key = keys[index]
        const id = context.framework.id
        if (key && missing.has(id)) cache.write(key, Object.fromEntries([...files].filter(([file]) => ownFolder(file, id))))
      }
      if (sharedKey) cache.writeShared(sharedKey, Object.fromEntries([...files].filter(([file]) => !frameworks.some((framework) => ownFolder(file, framework.id)))))
    })
  return sorted([...files])
}

function sorted(entries: Array<[string, string]>): Map<string, string> {
  return new Map(entries.sort(([a], [b]) => compareStrings(a, b)))
}
