import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines } from '../helpers.ts'

// Found by the mutation property test: a rule named with nothing under it crashed the check.
describe('rule settings in framework.md', () => {
  it('reports a rule named with nothing under it at its line, instead of failing', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'framework.md'), '---\n', '---\nrules:\n  link-pending:\n')
    expect(messageLines(dir)).toEqual(['framework.md:3:16 error “link-pending” is nothing, expected a group of settings [frontmatter-schema]'])
  })

  it('reports a rule set to a word instead of a group of settings', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'framework.md'), '---\n', '---\nrules:\n  link-pending: off\n')
    expect(messageLines(dir).filter((line) => line.includes('link-pending'))).not.toEqual([])
  })
})
