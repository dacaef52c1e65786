import { describe, expect, it } from 'vitest'
import type { ParseContext, Resolution } from '../../scripts/parse/context.ts'
import { isPlaceholder, resolveLink } from '../../scripts/parse/resolve.ts'
import { built } from './in-memory.ts'
import { spansOf } from './spans.ts'

/*
 * Link and id resolution (scripts/parse/resolve.ts) on frameworks held in memory: where each
 * kind of address leads, why a broken one is broken and what is suggested, and what the final
 * pass puts in the model (links made from web addresses, a level's contacts and links, a
 * contact's web page, internal links rewritten to “#id”).
 */

const ABOUT = 'sections/01-about.md'

/**
 * MINIMAL with three pages: one with headings (one an explicit id another heading's words spell),
 * one with none, one with a heading of the same words as one of the first; and a matrix.
 */
const withPages = (): ParseContext =>
  built({
    [ABOUT]: '---\ntitle: About\n---\n\n# About\n\n## Care & Support {#care-and-support-needs}\n\nWords.\n\n## Care and Support Needs\n\nMore.\n\n## Plain heading\n\nText.\n',
    'sections/02-empty.md': '---\ntitle: Empty\n---\n\nNo heading here.\n',
    'sections/03-more.md': '---\ntitle: More\n---\n\n# More\n\n## Plain heading\n\nAgain.\n',
    'matrix.md': '---\ntitle: Matrix\n---\n\n| Factor | Early Help | Child protection |\n| - | - | - |\n| Poor diet | Some words | More words |\n',
  })

/** A resolution with its entry written `kind:id:explicit`, so it can be compared whole. */
function resolved(context: ParseContext, url: string, from = ABOUT): Record<string, unknown> {
  const source = context.folder.files.find((file) => file.source.relative === from)?.source
  if (!source) throw new Error(`no file ${from}`)
  const resolution: Resolution = resolveLink(context, url, source)
  if (resolution.kind !== 'internal') return { ...resolution }
  const { entry, ...rest } = resolution
  return { ...rest, ...(entry ? { entry: `${entry.kind}:${entry.id}:${entry.explicit}` } : {}) }
}

describe('isPlaceholder', () => {
  it('is true for an empty target, “#”, TODO-style words and example addresses, in any case and with spaces around', () => {
    const placeholders = ['', '  ', '#', 'TODO', '#todo', 'tbc', '#TBD', 'xxx', 'FixMe', 'link', '#url', 'placeholder', ' todo ', 'https://', 'http://', 'http://#', 'https://example.com', 'HTTPS://EXAMPLE.COM/', ' https://example.com/ ']
    expect(placeholders.filter((url) => !isPlaceholder(url))).toStrictEqual([])
  })

  it('is false for anything more', () => {
    const addresses = ['https://exampleycom', '##', 'todo.md', '#todos', 'xtodo', '#to do', 'https://example.com/x', 'https://example.org', 'https://#x', 'https://example.comm', 'ftp://', '#early-help', 'http:/', 'example.com']
    expect(addresses.filter((url) => isPlaceholder(url))).toStrictEqual([])
  })
})

describe('resolveLink', () => {
  // Each test builds its own: under mutation testing only what runs inside a test sees the mutant,
  // and suggestion indexes are kept per context.

  it('the pages build without a problem but the page with no heading', () => {
    const context = withPages()
    expect(spansOf(context)).toStrictEqual(['sections/02-empty.md:1:1-1:1 error This page has no heading, expected a title line starting with “#” [misplaced-content]'])
  })

  it('an address with a scheme or starting “//” is external', () => {
    const context = withPages()
    expect(resolved(context, 'https://x.org')).toStrictEqual({ kind: 'external', scheme: 'https' })
    expect(resolved(context, 'HTTPS://x')).toStrictEqual({ kind: 'external', scheme: 'https' })
    expect(resolved(context, 'mailto:a@b.org')).toStrictEqual({ kind: 'external', scheme: 'mailto' })
    expect(resolved(context, '//evil.org')).toStrictEqual({ kind: 'external', scheme: '' })
    // A letter and “:” with no slash after it is a scheme, not a Windows path.
    expect(resolved(context, 'c:x.md')).toStrictEqual({ kind: 'external', scheme: 'c' })
  })

  it('nothing, or only “#”, goes nowhere', () => {
    const context = withPages()
    expect(resolved(context, '')).toStrictEqual({ kind: 'broken', reason: 'goes nowhere', suggestions: [] })
    expect(resolved(context, '#')).toStrictEqual({ kind: 'broken', reason: 'goes nowhere', suggestions: [] })
  })

  it('an absolute path, or one out of the folder, is broken whatever it names', () => {
    const context = withPages()
    expect(resolved(context, '/contacts.md')).toStrictEqual({ kind: 'broken', reason: 'is an absolute path, not a path from this file', suggestions: [] })
    for (const drive of ['c:/x.md', 'C:\\contacts.md', 'D:/sources/minimal/contacts.md#front-door'])
      expect(resolved(context, drive)).toStrictEqual({ kind: 'broken', reason: 'is an absolute path, not a path from this file', suggestions: [] })
    expect(resolved(context, '/contacts.md#front-door')).toStrictEqual({ kind: 'broken', reason: 'is an absolute path, not a path from this file', suggestions: [] })
    expect(resolved(context, '../../minimal/contacts.md')).toStrictEqual({ kind: 'broken', reason: 'points outside the framework folder', suggestions: [] })
    expect(resolved(context, '..', 'contacts.md')).toStrictEqual({ kind: 'broken', reason: 'points outside the framework folder', suggestions: [] })
  })

  it('a path to no file of the framework, with the closest file suggested as a path from the linking file', () => {
    const context = withPages()
    expect(resolved(context, 'contact.md')).toStrictEqual({ kind: 'broken', reason: 'points to “contact.md”, which is not a file of this framework', suggestions: [] })
    expect(resolved(context, '1:/x')).toStrictEqual({ kind: 'broken', reason: 'points to “1:/x”, which is not a file of this framework', suggestions: [] })
    expect(resolved(context, 'sections/01-about.md')).toStrictEqual({ kind: 'broken', reason: 'points to “sections/01-about.md”, which is not a file of this framework', suggestions: ['01-about.md'] })
    expect(resolved(context, 'sectons/01-about.md', 'framework.md')).toStrictEqual({
      kind: 'broken',
      reason: 'points to “sectons/01-about.md”, which is not a file of this framework',
      suggestions: ['sections/01-about.md'],
    })
    expect(resolved(context, '%zz.md')).toStrictEqual({ kind: 'broken', reason: 'points to “%zz.md”, which is not a file of this framework', suggestions: [] })
  })

  it('a path to a file: the thing the file introduces, the framework for framework.md', () => {
    const context = withPages()
    expect(resolved(context, '../levels/01-early-help.md')).toStrictEqual({ kind: 'internal', file: 'levels/01-early-help.md', entry: 'level:early-help:true' })
    expect(resolved(context, '../domains/01-health.md')).toStrictEqual({ kind: 'internal', file: 'domains/01-health.md', entry: 'domain:health:true' })
    expect(resolved(context, './01-about.md')).toStrictEqual({ kind: 'internal', file: ABOUT, entry: 'section:about:false' })
    expect(resolved(context, 'sections/01-about.md', 'framework.md')).toStrictEqual({ kind: 'internal', file: ABOUT, entry: 'section:about:false' })
    expect(resolved(context, '../framework.md')).toStrictEqual({ kind: 'internal', file: 'framework.md', entry: 'framework:minimal:true' })
    expect(resolved(context, '../framework.md#')).toStrictEqual({ kind: 'internal', file: 'framework.md', entry: 'framework:minimal:true' })
  })

  it('a path to a file that is no one thing with an id: broken, saying what to write instead, with one of its own ids', () => {
    const context = withPages()
    const whole = (written: string, instead: string) => ({ kind: 'broken', reason: `points to the whole of “${written}”, which has no id to link to`, suggestions: [], instead })
    expect(resolved(context, '../contacts.md')).toStrictEqual(whole('../contacts.md', 'a link to one of its contacts by its id, such as “#front-door”, or the words without a link'))
    expect(resolved(context, '../links.md#')).toStrictEqual(whole('../links.md', 'a link to one of its entries by its id, such as “#regional-procedures”, or the words without a link'))
    expect(resolved(context, '../matrix.md')).toStrictEqual(whole('../matrix.md', 'a link to one of its factors by its id, such as “#poor-diet”, or the words without a link'))
    // A page whose title is missing (reported on its own) has no section and no id.
    expect(resolved(context, '02-empty.md')).toStrictEqual(whole('02-empty.md', 'a link to an id, or the words without a link'))
  })

  it('a link to the whole of a page with no entries: no id to name, so only what to write', () => {
    const context = built({ 'links.md': '---\ntitle: Links\n---\n\n# Links\n' })
    expect(resolved(context, 'links.md', 'framework.md')).toStrictEqual({ kind: 'broken', reason: 'points to the whole of “links.md”, which has no id to link to', suggestions: [], instead: 'a link to an id, or the words without a link' })
  })

  it('the id named for a whole page is one of its entries, not a link made from a web address written above them', () => {
    const context = built({ 'matrix.md': '---\ntitle: Matrix\n---\n\nSee [the guide](https://example.org/guide).\n\n| Factor | Early Help | Child protection |\n| - | - | - |\n| Poor diet | Some words | More words |\n' })
    expect(context.ids.filter((id) => id.place.file.relative === 'matrix.md').map((id) => `${id.kind}:${id.id}`)).toStrictEqual(['factor:poor-diet', 'link:the-guide'])
    expect(resolved(context, 'matrix.md', 'framework.md').instead).toStrictEqual('a link to one of its factors by its id, such as “#poor-diet”, or the words without a link')
  })

  it('“#id” anywhere in the framework, and a heading of the linking file', () => {
    const context = withPages()
    expect(resolved(context, '#front-door')).toStrictEqual({ kind: 'internal', file: 'contacts.md', anchor: 'front-door', entry: 'contact:front-door:true' })
    expect(resolved(context, '#health')).toStrictEqual({ kind: 'internal', file: 'domains/01-health.md', anchor: 'health', entry: 'domain:health:true' })
    expect(resolved(context, '#plain-heading')).toStrictEqual({ kind: 'internal', file: ABOUT, anchor: 'plain-heading', entry: 'section:plain-heading:false' })
    expect(resolved(context, '#plain-heading', 'framework.md')).toStrictEqual({ kind: 'internal', file: ABOUT, anchor: 'plain-heading', entry: 'section:plain-heading:false' })
    expect(resolved(context, '#%41')).toStrictEqual({ kind: 'broken', reason: 'points to “#A”, which is neither an id in this framework nor a heading in this file', suggestions: [] })
  })

  it('an explicit id wins over the words of another heading that spell it; the heading’s own words still lead to it', () => {
    const context = withPages()
    expect(resolved(context, '#care-and-support-needs')).toStrictEqual({ kind: 'internal', file: ABOUT, anchor: 'care-and-support-needs', entry: 'section:care-and-support-needs:true' })
    expect(resolved(context, '#care--support')).toStrictEqual({ kind: 'internal', file: ABOUT, anchor: 'care--support', entry: 'section:care-and-support-needs:true' })
  })

  it('a heading of the linking file wins over the derived id of another heading of the same words', () => {
    const context = withPages()
    expect(resolved(context, '#plain-heading', 'sections/03-more.md')).toStrictEqual({ kind: 'internal', file: 'sections/03-more.md', anchor: 'plain-heading', entry: 'section:plain-heading-2:false' })
  })

  it('suggests for “#…” from every id, and for “file#…” from that file’s only, even when the file is the linking one', () => {
    const context = withPages()
    expect(resolved(context, '#frontdoor').suggestions).toStrictEqual(['#front-door'])
    expect(resolved(context, '01-about.md#frontdoor')).toStrictEqual({ kind: 'broken', reason: 'points to “#frontdoor”, which is not a heading or id in “sections/01-about.md”', suggestions: [] })
  })

  it('“file#heading” and “file#id”: only that file’s', () => {
    const context = withPages()
    expect(resolved(context, '../contacts.md#emergency')).toStrictEqual({ kind: 'internal', file: 'contacts.md', anchor: 'emergency', entry: 'contact:emergency:true' })
    expect(resolved(context, '../domains/01-health.md#health-missing-immunisations')).toStrictEqual({
      kind: 'internal',
      file: 'domains/01-health.md',
      anchor: 'health-missing-immunisations',
      entry: 'indicator:health-missing-immunisations:true',
    })
    expect(resolved(context, '01-about.md#plain-heading')).toStrictEqual({ kind: 'internal', file: ABOUT, anchor: 'plain-heading', entry: 'section:plain-heading:false' })
    expect(resolved(context, '../levels/01-early-help.md#what-to-do')).toStrictEqual({ kind: 'internal', file: 'levels/01-early-help.md', anchor: 'what-to-do' })
    expect(resolved(context, 'levels/01-early-help.md#child-protection', 'framework.md')).toStrictEqual({
      kind: 'broken',
      reason: 'points to “#child-protection”, which is not a heading or id in “levels/01-early-help.md”',
      suggestions: [],
    })
  })

  it('a broken “#…”: the reason, and the closest heading or id suggested', () => {
    const context = withPages()
    expect(resolved(context, '#frontdoor')).toStrictEqual({ kind: 'broken', reason: 'points to “#frontdoor”, which is neither an id in this framework nor a heading in this file', suggestions: ['#front-door'] })
    expect(resolved(context, '#plain-headin')).toStrictEqual({ kind: 'broken', reason: 'points to “#plain-headin”, which is neither an id in this framework nor a heading in this file', suggestions: ['#plain-heading'] })
    expect(resolved(context, '../contacts.md#emergencyy')).toStrictEqual({ kind: 'broken', reason: 'points to “#emergencyy”, which is not a heading or id in “contacts.md”', suggestions: ['../contacts.md#emergency'] })
    expect(resolved(context, '../contacts.md#nope')).toStrictEqual({ kind: 'broken', reason: 'points to “#nope”, which is not a heading or id in “contacts.md”', suggestions: [] })
    // A file with no heading has no anchors to look up or suggest.
    expect(resolved(context, '02-empty.md#x')).toStrictEqual({ kind: 'broken', reason: 'points to “#x”, which is not a heading or id in “sections/02-empty.md”', suggestions: [] })
    expect(resolved(context, '#%zz')).toStrictEqual({ kind: 'broken', reason: 'points to “#%zz”, which is neither an id in this framework nor a heading in this file', suggestions: [] })
  })

  it('suggests a heading of the linking file that is no id, and ids from a file with no heading', () => {
    const context = withPages()
    expect(resolved(context, '#what-to-d', 'levels/01-early-help.md').suggestions).toStrictEqual(['#what-to-do'])
    expect(resolved(context, '#frontdoor', 'sections/02-empty.md').suggestions).toStrictEqual(['#front-door'])
  })

  it('a suggestion of another file is only of that file’s headings and ids', () => {
    const context = withPages()
    expect(resolved(context, '../contacts.md#health')).toStrictEqual({ kind: 'broken', reason: 'points to “#health”, which is not a heading or id in “contacts.md”', suggestions: [] })
    expect(resolved(context, '../contacts.md#front-doo')).toStrictEqual({ kind: 'broken', reason: 'points to “#front-doo”, which is not a heading or id in “contacts.md”', suggestions: ['../contacts.md#front-door'] })
  })
})

describe('the final pass', () => {
  /** Built inside each test: under mutation testing only what runs inside a test sees the mutant. */
  const finalPass = (): ParseContext => built({
    'levels/01-early-help.md': `---
id: early-help
title: Early Help
rank: 1
---

Support: see [procedures](https://example.org/procedures), [Childline](https://www.childline.org.uk), [again](https://www.childline.org.uk), [the about page](../sections/01-about.md#plain-heading), [a heading](../levels/01-early-help.md#what-to-do), [empty](../sections/02-empty.md), [emergency](#emergency), [ref][r], [regional](#regional-procedures), [broken](#nowhere), [up](01-early-help.md), [home](../framework.md), [contacts](../contacts.md).

[r]: ../contacts.md#front-door
[unused]: #desk-two

![Helpdesk logo](#helpdesk)

## What to do

- Talk to [the front door](#front-door) or <https://www.nspcc.org.uk>.
- ![logo](https://example.org/logo.png) [](https://empty.example.org)

## Consent

[only]: https://example.org/only

## Contacts

- [Front door](../contacts.md#front-door)
- [Emergency services](#emergency)
`,
    'links.md': '---\ntitle: Links\n---\n\n- [Regional procedures](https://example.org/procedures) {#regional-procedures}\n- [Same again](https://example.org/procedures) {#same-again}\n',
    'contacts.md': `---
title: Contacts
---

## Front door {#front-door}

- Phone: 0121 788 4300
- Web: [Regional](#regional-procedures)

## Emergency services {#emergency}

- Phone: 999
- Emergency: yes
- Web: [Us](#emergency)

## Helpdesk {#helpdesk}

- Phone: 0121 000 0000
- Web: [Heading](levels/01-early-help.md#what-to-do)

## Desk two {#desk-two}

- Phone: 0121 000 0001
- Web: [Level](#early-help)

## Desk three {#desk-three}

- Phone: 0121 000 0002
- Web: [Broken](#nowhere)

## Desk four {#desk-four}

- Phone: 0121 000 0003
- Web: https://desk.example.org
`,
    [ABOUT]: '---\ntitle: About\n---\n\n# About\n\nWords.\n\n## Plain heading\n\n[x]: https://example.org/x\n\n## Second\n\nText [ref][x] and [up](../levels/01-early-help.md).\n',
    'sections/02-empty.md': '---\ntitle: Empty\n---\n\n# Empty\n',
  })

  it('reports a contact’s web page that is inside the framework but no link: a heading, itself, another thing', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(spansOf(context)).toStrictEqual([
      'contacts.md:14:8-14:24 error The “Web” detail of “Emergency services” points to the contact itself, expected an entry of links.md (“Web: [name](#link-id)”) or a web address [misplaced-content]',
      'contacts.md:19:8-19:53 error The “Web” detail of “Helpdesk” points to a heading, not a link, expected an entry of links.md (“Web: [name](#link-id)”) or a web address [misplaced-content]',
      'contacts.md:24:8-24:28 error The “Web” detail of “Desk two” points to the level “early-help”, not a link, expected an entry of links.md (“Web: [name](#link-id)”) or a web address [misplaced-content]',
    ])
  })

  it('a contact’s web page: the link it names, or the link made from its address; none when broken or not a link', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(framework.contacts.map((contact) => [contact.id, contact.web])).toStrictEqual([
      ['front-door', 'regional-procedures'],
      ['emergency', undefined],
      ['helpdesk', undefined],
      ['desk-two', undefined],
      ['desk-three', undefined],
      ['desk-four', 'https-desk-example-org'],
    ])
  })

  it('each web address written in a model’s text becomes one link, the first links.md entry with it standing for it; images do not', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(framework.links).toStrictEqual([
      { id: 'regional-procedures', text: 'Regional procedures', status: 'ok', url: 'https://example.org/procedures' },
      { id: 'same-again', text: 'Same again', status: 'ok', url: 'https://example.org/procedures' },
      { id: 'childline', text: 'Childline', url: 'https://www.childline.org.uk', status: 'ok' },
      { id: 'https-www-nspcc-org-uk', text: 'https://www.nspcc.org.uk', url: 'https://www.nspcc.org.uk', status: 'ok' },
      { id: 'https-empty-example-org', text: 'https://empty.example.org', url: 'https://empty.example.org', status: 'ok' },
      { id: 'https-desk-example-org', text: 'https://desk.example.org', url: 'https://desk.example.org', status: 'ok' },
    ])
  })

  it('a level’s contacts: those of its Contacts list first, in its order, then those its other text links to; not images or definitions', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(level?.contacts).toStrictEqual(['front-door', 'emergency'])
  })

  it('a level’s links: each links.md entry or web address its text links to, once', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(level?.links).toStrictEqual(['regional-procedures', 'childline', 'https-www-nspcc-org-uk', 'https-empty-example-org'])
  })

  it('internal links written as “#id”, a heading without an id as “#heading”; reference links written out; broken and web links as written, a whole contacts.md among them', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(level?.description).toStrictEqual(
      'Support: see [procedures](https://example.org/procedures), [Childline](https://www.childline.org.uk), [again](https://www.childline.org.uk), [the about page](#plain-heading), [a heading](#what-to-do), [empty](#empty), [emergency](#emergency), [ref](#front-door), [regional](#regional-procedures), [broken](#nowhere), [up](#early-help), [home](#minimal), [contacts](../contacts.md).\n\n![Helpdesk logo](#helpdesk)',
    )
    expect(level?.whatToDo).toStrictEqual('- Talk to [the front door](#front-door) or <https://www.nspcc.org.uk>.\n- ![logo](https://example.org/logo.png) [](https://empty.example.org)')
    expect(framework.sections.map((section) => [section.id, section.body, section.children.map((child) => [child.id, child.body])])).toStrictEqual([
      [
        'about',
        'Words.',
        [
          ['plain-heading', ''],
          ['second', 'Text [ref](https://example.org/x) and [up](#early-help).'],
        ],
      ],
      ['empty', '', []],
    ])
  })

  it('a matrix cell names its factor by the factor’s id, derived once every id is known', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(withPages().framework.matrix?.cells).toStrictEqual([
      { factor: 'poor-diet', level: 'early-help', text: 'Some words' },
      { factor: 'poor-diet', level: 'child-protection', text: 'More words' },
    ])
  })

  it('an http: address becomes a link too; a mailto: address does not', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    const inline = built({ 'levels/01-early-help.md': '---\nid: early-help\ntitle: Early Help\nrank: 1\n---\n\nSupport [old](http://old.example.org) [mail](mailto:a@b.org).\n\n## What to do\n\n- Talk.\n\n## Contacts\n\n- [Front door](#front-door)\n' })
    expect(spansOf(inline)).toStrictEqual([])
    expect(inline.framework.links.map((link) => [link.id, link.url])).toStrictEqual([
      ['regional-procedures', 'https://example.org/procedures'],
      ['old', 'http://old.example.org'],
    ])
    expect(inline.framework.levels[0]?.links).toStrictEqual(['old'])
  })

  it('a field holding only link definitions is left out, not written as nothing', () => {
    const context = finalPass()
    const { framework } = context
    const level = framework.levels[0]
    expect(level && 'consent' in level).toBe(false)
  })
})
