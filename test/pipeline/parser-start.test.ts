/**
 * When a check starts its bounded parser (pipeline/check.ts): as soon as a parse may be needed,
 * so that the parser loads while the sources are still being read, and never when nothing is to
 * be parsed. Seen through the stages the run calls, in order.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckCache } from '../../scripts/cache/check.ts'
import { openCache, type ContentCache } from '../../scripts/cache/store.ts'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { checkRun, plainStages, type CheckStages } from '../../scripts/pipeline/check.ts'
import { repoRoot, TEST_TODAY } from '../helpers.ts'

/** A project with the shipped frameworks and its own content cache. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-parser-start-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  const cache = openCache(root, { THRESHOLDS_CACHE_KEY: path.join(root, 'config/cache-key'), CACHE_DIR: '' }, process.getuid?.()) as ContentCache
  return { root, cache }
}

/** A check with the plain stages, logging when reading starts and ends and when the parser is started. */
async function logged(root: string, cache?: ContentCache) {
  const log: string[] = []
  const plain = plainStages({ cwd: root })
  const stages: CheckStages = {
    read: (dirs, stamps) => {
      log.push('read starts')
      const folders = plain.read(dirs, stamps)
      log.push('read ends')
      return folders
    },
    parse: (folders, built) => {
      log.push(`parse ${folders.map((folder) => folder.id).join(', ')}`)
      return plain.parse(folders, built)
    },
    prepare: () => {
      log.push('parser starts')
      plain.prepare?.()
    },
  }
  try {
    // Stamps trusted at once (settleMs 0): the files were just copied.
    const run = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, stages, memo: cache && new CheckCache(cache, {}, 0), today: TEST_TODAY })
    return { log, errors: run.errors, parsed: run.parsed.size }
  } finally {
    plain.close()
  }
}

describe('the bounded parser of a check', () => {
  it('starts before the sources are read when there is no cache: every framework is parsed', async () => {
    const { root } = project()
    expect(await logged(root)).toEqual({ log: ['parser starts', 'read starts', 'read ends', 'parse shropshire, solihull'], errors: 0, parsed: 2 })
  })

  it('starts while the sources are read, at the first file changed since its stamp was kept, and never when nothing changed', async () => {
    const { root, cache } = project()
    // The first run reads every file (no stamps yet): the parser starts with the first file read.
    expect(await logged(root, cache)).toEqual({ log: ['read starts', 'parser starts', 'read ends', 'parse shropshire, solihull'], errors: 0, parsed: 2 })
    expect(await logged(root, cache)).toEqual({ log: ['read starts', 'read ends'], errors: 0, parsed: 0 })
    const health = path.join(root, 'sources/solihull/domains/01-health.md')
    writeFileSync(health, `${readFileSync(health, 'utf8')}\nA sentence added.\n`)
    expect(await logged(root, cache)).toEqual({ log: ['read starts', 'parser starts', 'read ends', 'parse solihull'], errors: 0, parsed: 1 })
  })
})
