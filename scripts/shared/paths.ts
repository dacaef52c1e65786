import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder of Thresholds' own package.json, found by walking up from this module, so the same
 * code works from scripts/ (run through tsx) and from the compiled bundle in dist/.
 */
function findToolRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'thresholds') return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('cannot find the thresholds package folder')
    dir = parent
  }
}

export const toolRoot = findToolRoot()

export function toolVersion(): string {
  return (JSON.parse(readFileSync(path.join(toolRoot, 'package.json'), 'utf8')) as { version: string }).version
}
