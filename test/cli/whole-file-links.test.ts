import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, onTestDay, thresholds } from '../helpers.ts'

/*
 * A link to a whole file (`[text](../framework.md)`, no `#id`), through the command line: it goes
 * to what the file is, in the model and on the website; a file that is no one thing with an id
 * (contacts.md) is an error at the link, never a bare “#”.
 */

const LINKS = 'See [the overview](../framework.md), [the next level](02-child-protection.md), [health](../domains/01-health.md) and [about](../sections/01-about.md).'

function withWholeFileLinks(): { root: string; dir: string } {
  const made = frameworkWith()
  edit(path.join(made.dir, 'levels/01-early-help.md'), 'Support as soon as a problem emerges.', `Support as soon as a problem emerges. ${LINKS}`)
  mkdirSync(path.join(made.dir, 'sections'))
  writeFileSync(path.join(made.dir, 'sections/01-about.md'), '---\ntitle: About\n---\n\n# About\n\nWhy this framework exists.\n')
  return made
}

describe('a link to a whole file, through the command line', () => {
  it('build writes it as the id of the level, domain, page or framework the file is', () => {
    const { root } = withWholeFileLinks()
    const { status, stderr } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(stderr).not.toContain('error')
    expect(status).toBe(0)
    const model = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { levels: Array<{ description: string }> }
    expect(model.levels[0]?.description).toBe(
      'Support as soon as a problem emerges. See [the overview](#minimal), [the next level](#child-protection), [health](#health) and [about](#about).',
    )
  })

  it('the website links each to its page', () => {
    const { root } = withWholeFileLinks()
    expect(thresholds(['site'], root, { env: onTestDay }).status).toBe(0)
    const page = readFileSync(path.join(root, 'generated/site/minimal/levels/early-help.html'), 'utf8')
    const links = [...page.matchAll(/<a href="([^"]*)">(the overview|the next level|health|about)<\/a>/g)].map((match) => [match[2], match[1]])
    expect(links).toStrictEqual([
      ['the overview', '../index.html'],
      ['the next level', 'child-protection.html'],
      ['health', '../domains/health.html'],
      ['about', '../sections/about.html'],
    ])
  })

  it('reports a link to the whole of contacts.md at its place, with what to write instead, and build writes nothing', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'levels/01-early-help.md'), '- Talk to the family.', '- Talk to the family, or see [the contacts page](../contacts.md).')
    const { status, stderr } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toStrictEqual([
      'sources/minimal/levels/01-early-help.md:11:30 error The link “the contacts page” points to the whole of “../contacts.md”, which has no id to link to, expected a link to one of its contacts by its id, such as “#front-door”, or the words without a link [link-resolves]',
    ])
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
