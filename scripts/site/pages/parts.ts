import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Completeness, Contact, Level, Phone } from '../../model/types.ts'
import { levelName } from '../../model/flat.ts'
import { link } from '../layout.ts'
import { PENDING_NOTE, renderMarkdown } from '../markdown.ts'
import { pages, type SiteFramework } from '../targets.ts'

/** Pieces several pages share. `page` is always the path of the page being written. */
export interface PagePlace {
  site: SiteFramework
  page: string
}

export function md(place: PagePlace, text: string | undefined, headingDepth: number): ElementContent[] {
  return renderMarkdown(text, { site: place.site, page: place.page, headingDepth })
}

export function heading(depth: number, text: string | Array<ElementContent | string>, id?: string): Element {
  return h(`h${Math.min(6, depth)}`, id ? { id } : {}, text)
}

/** Digits and a leading + only, so a tel: address can never carry anything else. */
export function telHref(phone: Phone): string | undefined {
  const number = (phone.e164 ?? phone.number).replace(/[^\d+]/g, '')
  return number ? `tel:${number}` : undefined
}

/** A links.md entry by id: a link to its address, or its words with a note while the address is pending. */
export function webLink(place: PagePlace, linkId: string, text?: string): Array<ElementContent | string> {
  const target = place.site.targets.get(linkId)
  if (target?.kind === 'external') {
    const words = text ?? target.link.text
    if (target.url) return [h('a', { href: target.url }, words)]
    return [words, ' ', h('span.pending-note', PENDING_NOTE)]
  }
  if (target?.kind === 'page') return [link(place.page, target.page, [text ?? linkId], target.anchor)]
  return [text ?? linkId]
}

/** One contact: how to reach it, when, and what it is for. */
export function contactDetails(place: PagePlace, contact: Contact, depth: number, id?: string): Element {
  const rows: Element[] = []
  const row = (term: string, ...details: Array<ElementContent | string>) => rows.push(h('div', [h('dt', term), h('dd', details)]))
  // Every number, each with its use and, when it has hours of its own, its hours; the contact's
  // hours follow its first number.
  contact.phones.forEach((phone, index) => {
    const tel = telHref(phone)
    row(phone.use ? `Phone (${phone.use})` : 'Phone', tel ? h('a', { href: tel }, phone.number) : phone.number, ...(phone.hours ? [`, ${phone.hours.text}`] : []))
    if (index === 0 && contact.hours) row('Hours', contact.hours.text)
  })
  if (contact.phones.length === 0 && contact.hours) row('Hours', contact.hours.text)
  if (contact.email) row('Email', h('a', { href: `mailto:${encodeURI(contact.email)}` }, contact.email))
  if (contact.web) row('Web', ...webLink(place, contact.web))
  if (contact.address) row('Address', ...contact.address.flatMap((line, index) => (index ? [h('br'), line] : [line])))
  if (contact.useFor) row('Use for', ...md(place, contact.useFor, depth + 1))
  return h(`section.contact${contact.emergency ? '.emergency' : ''}`, id ? { id } : {}, [
    heading(depth, contact.emergency ? [contact.name, ' ', h('span.label.label-emergency', 'Emergency')] : contact.name),
    ...(rows.length ? [h('dl.details', rows)] : []),
    ...md(place, contact.description, depth + 1),
  ])
}

/**
 * A gap the source document itself has, said plainly, so an empty or short list is never read as
 * “nothing applies here”.
 */
export function sourceGap(completeness: Completeness | undefined, what: 'list' | 'page' | 'section' | 'framework'): Element[] {
  if (!completeness) return []
  const words =
    completeness.status === 'partial'
      ? what === 'list'
        ? 'The source document’s list is incomplete here: '
        : `The source document’s ${what === 'page' ? 'page' : what} is incomplete here: `
      : what === 'list'
        ? 'This list is missing from the source document: '
        : `This ${what} is missing from the source document: `
  return [h('p.source-gap', { role: 'note' }, [h('strong', words), completeness.reason])]
}

/** Links to every top-level item of a kind, marking the page being read: level, domain and guidance pages. */
export function siblingNav(place: PagePlace, label: string, items: ReadonlyArray<{ title: string; page: string }>): Element {
  const id = `th-nav-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return h('nav.local-nav', { ariaLabelledBy: id }, [
    h('h2', { id }, label),
    h(
      'ul',
      items.map((item) => h('li', [item.page === place.page ? h('span.current', { ariaCurrent: 'page' }, item.title) : link(place.page, item.page, [item.title])])),
    ),
  ])
}

/** Where a level is shown. */
export function levelLink(place: PagePlace, level: Level, text: string = levelName(level)): Element {
  const target = place.site.targets.get(level.id)
  return target?.kind === 'page' ? link(place.page, target.page, [text], target.anchor) : h('span', text)
}

export function frameworkCrumbs(site: SiteFramework): Array<{ text: string; page: string }> {
  return [
    { text: 'Home', page: pages.home },
    { text: site.framework.title, page: pages.overview(site.base) },
  ]
}
