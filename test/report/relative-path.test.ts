import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { relativePath } from '../../scripts/report/input.ts'

describe('a source path as CI systems want it', () => {
  const cwd = path.join(tmpdir(), 'work')
  it('is relative inside the working folder, a folder named “..x” included', () => {
    expect(relativePath(path.join(cwd, 'sources/a.md'), cwd)).toBe('sources/a.md')
    expect(relativePath(path.join(cwd, '..x/sources/a.md'), cwd)).toBe('..x/sources/a.md')
  })

  it('is absolute outside it', () => {
    expect(relativePath(path.join(tmpdir(), 'a.md'), cwd)).toBe(path.join(tmpdir(), 'a.md').split(path.sep).join('/'))
    expect(relativePath(path.join(tmpdir(), 'workx/a.md'), cwd)).toBe(path.join(tmpdir(), 'workx/a.md').split(path.sep).join('/'))
  })
})
