import type { ParseContext } from '../parse/context.ts'
import { compareStrings } from '../shared/text.ts'
import { frameworkJson } from './json.ts'

/** Every file the build writes under generated/, by path relative to it. */
export function generateFiles(contexts: readonly ParseContext[]): Map<string, string> {
  const files = new Map<string, string>()
  const sorted = [...contexts].sort((a, b) => compareStrings(a.framework.id, b.framework.id))
  for (const parsed of sorted) files.set(`${parsed.framework.id}/framework.json`, frameworkJson(parsed.framework))
  return files
}
