import path from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { Derived } from '../../scripts/check/derived.ts'
import { forComparing } from '../../scripts/check/runner.ts'
import { plainText } from '../../scripts/parse/markdown.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { eachNode } from '../../scripts/parse/walk.ts'
import { fixtures, parser } from '../helpers.ts'

// What the rules share must be exactly what each rule derived on its own before: the same nodes
// in the same order (so messages keep their order), the same words, the same links.
describe('Derived', () => {
  const [parsed] = loadFrameworks([path.join(fixtures, 'every-shape')], { parser })
  if (!parsed) throw new Error('the fixture did not load')
  const walked = [...parsed.trees].map(([file, tree]) => {
    const nodes: Nodes[] = []
    eachNode(tree.children, (node) => nodes.push(node))
    return { file, nodes }
  })

  it('lists every node of every file in the order a walk of the tree visits them', () => {
    const derived = new Derived(parsed)
    expect(derived.nodes()).toEqual(walked)
    expect(derived.nodes().map((each) => each.nodes.length)).toEqual(walked.map((each) => each.nodes.length))
    expect(walked.reduce((count, each) => count + each.nodes.length, 0)).toBe(301)
    derived.nodes().forEach((each, index) => each.nodes.forEach((node, at) => expect(node).toBe(walked[index]?.nodes[at])))
  })

  it('lists the nodes of a type in document order, every file included', () => {
    const headings = new Derived(parsed).ofType('heading')
    expect(headings.map((each) => each.file)).toEqual(walked.map((each) => each.file))
    headings.forEach((each, index) => expect(each.nodes).toEqual(walked[index]?.nodes.filter((node) => node.type === 'heading')))
    expect(headings.some((each) => each.nodes.length > 1)).toBe(true)
  })

  it('gives each node the words plainText gives it, asked once or twice', () => {
    const derived = new Derived(parsed)
    for (const { nodes } of walked) for (const node of nodes) expect(derived.plainText(node)).toBe(plainText(node))
    for (const { nodes } of walked) for (const node of nodes) expect(derived.plainText(node)).toBe(plainText(node))
  })

  it('lists every address written, with its words, scheme and place, in document order', () => {
    const links = new Derived(parsed).links()
    const written = walked.flatMap(({ file, nodes }) => nodes.flatMap((node) => (node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position ? [{ file, node }] : []))
    expect(links.map((link) => link.url)).toEqual(written.map(({ node }) => (node as { url: string }).url))
    expect(links.map((link) => link.place.position)).toEqual(written.map(({ node }) => node.position))
    expect(links.map((link) => [link.url, link.text, link.scheme, link.image, `${link.place.file.relative}:${link.place.position.start.line}`])).toEqual([
      ['#front-door', 'Westmere Front Door', undefined, false, 'levels/01-universal.md:17'],
      ['#front-door', 'Westmere Front Door', undefined, false, 'levels/02-early-help-single.md:21'],
      ['#front-door', 'Westmere Front Door', undefined, false, 'levels/03-early-help-targeted.md:18'],
      ['#emergency', '999', undefined, false, 'levels/05-child-protection.md:15'],
      ['#emergency', 'Emergency services', undefined, false, 'levels/05-child-protection.md:19'],
      ['#front-door', 'Westmere Front Door', undefined, false, 'levels/05-child-protection.md:20'],
      ['#out-of-hours', 'Out of hours team', undefined, false, 'levels/05-child-protection.md:21'],
      ['mailto:frontdoor@example.org', 'frontdoor@example.org', 'mailto', false, 'contacts.md:12'],
      ['#referral-form', 'Westmere referral form', undefined, false, 'contacts.md:13'],
      ['https://example.org/westmere/referral', 'Westmere referral form', 'https', false, 'links.md:7'],
      ['https://example.org/westmere/health-visitors', 'Westmere health visitors', 'https', false, 'links.md:11'],
      ['#health-visitors', 'Westmere health visitors', undefined, false, 'domains/02-health.md:17'],
    ])
  })

  it('cannot be read once the trees are let go, as the trees cannot', () => {
    expect(() => new Derived(forComparing(parsed)).nodes()).toThrow('the parse detail “trees” is let go once a framework\'s own rules have run')
  })
})
