/**
 * The README stays a short front page, and no document sends a reader to a file or a heading
 * that is not there: every relative link and image in README.md and docs/ (code excluded)
 * resolves to an existing file, and its #anchor to a heading (as GitHub slugs it) or an
 * `<a id>` in that file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import type { Definition, Heading, Image, Link, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { filesUnder, repoRoot } from '../helpers.ts'

const documents = ['README.md', ...filesUnder(path.join(repoRoot, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)]

const textOf = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8')

function treeOf(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown)
}

/** Every node of the tree, depth first. */
function* nodesOf(node: { type: string; children?: unknown[] }): Generator<{ type: string; children?: unknown[] }> {
  yield node
  for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) yield* nodesOf(child)
}

const anchorsByFile = new Map<string, Set<string>>()

/** The anchors a Markdown file offers: its headings as GitHub slugs them, and `<a id="...">`. */
function anchorsOf(file: string): Set<string> {
  const known = anchorsByFile.get(file)
  if (known) return known
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  for (const node of nodesOf(treeOf(textOf(file)))) if (node.type === 'heading') anchors.add(slugger.slug(toString(node as Heading)))
  for (const match of textOf(file).matchAll(/<a id="([^"]+)"/g)) anchors.add(match[1] as string)
  anchorsByFile.set(file, anchors)
  return anchors
}

/** “file: target” for each relative link or image of `file` (its text `markdown`) that goes nowhere. */
function brokenLinks(file: string, markdown = textOf(file)): string[] {
  const broken: string[] = []
  for (const node of nodesOf(treeOf(markdown))) {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') continue
    const url = (node as Link | Image | Definition).url
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue
    const [target = '', anchor] = url.split('#')
    const resolved = target ? path.join(path.dirname(path.join(repoRoot, file)), decodeURIComponent(target)) : path.join(repoRoot, file)
    if (!existsSync(resolved)) broken.push(`${file}: ${url} (no such file)`)
    else if (anchor && (statSync(resolved).isDirectory() || !resolved.endsWith('.md') || !anchorsOf(path.relative(repoRoot, resolved)).has(anchor)))
      broken.push(`${file}: ${url} (no such heading)`)
  }
  return broken
}

describe('documentation', () => {
  it('keeps README.md under 12 KB: the rest lives in docs/, by audience', () => {
    expect(statSync(path.join(repoRoot, 'README.md')).size).toBeLessThanOrEqual(12 * 1024)
  })

  it.each(documents)('%s links only to files and headings that exist', (file) => {
    expect(brokenLinks(file)).toEqual([])
  })

  it('reports a missing file, a missing heading and a missing <a id>, and accepts what exists', () => {
    const page = [
      '[ok](docs/authoring.md#add-a-new-framework) [ok](#dependencies) [ok](docs/rules.md#link-resolves) [ok](sources/solihull)',
      '[web](https://example.org/x) `[code](nowhere.md)` ![ok](docs/images/site.png)',
      '[gone](docs/no-such-file.md) [gone](#no-such-heading) [gone](docs/rules.md#no-such-rule) [ref][r]',
      '',
      '[r]: docs/gone.md',
    ].join('\n')
    expect(brokenLinks('README.md', page)).toEqual([
      'README.md: docs/no-such-file.md (no such file)',
      'README.md: #no-such-heading (no such heading)',
      'README.md: docs/rules.md#no-such-rule (no such heading)',
      'README.md: docs/gone.md (no such file)',
    ])
  })
})
