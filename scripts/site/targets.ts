import path from 'node:path'
import { schemeOf } from '../parse/resolve.ts'
import type { Contact, Domain, Framework, Indicator, Level, Link, Section } from '../model/types.ts'

/** Where an id of the model is shown: a page of the site (path from the site root) and an anchor on it. */
export type Target =
  | { kind: 'page'; page: string; anchor?: string }
  /** A links.md entry: its web address when known and safe, or nothing while it is pending. */
  | { kind: 'external'; link: Link; url?: string }

/** Everything the pages need to know about one framework, looked up by id. */
export interface SiteFramework {
  framework: Framework
  /** Folder of this framework's pages, from the site root. */
  base: string
  targets: Map<string, Target>
  /** Every level, parents before their children, least serious first. */
  levels: Level[]
  levelById: Map<string, Level>
  /** The top-level level a level belongs to (itself for a top-level one). */
  topLevelOf: Map<string, Level>
  /** Every domain, parents before their children, in file order. */
  domains: Domain[]
  domainById: Map<string, Domain>
  indicatorsByDomain: Map<string, Indicator[]>
  indicatorById: Map<string, Indicator>
  contactById: Map<string, Contact>
  linkById: Map<string, Link>
}

/** Only these schemes are ever written into an href; anything else is shown as text. */
export const SAFE_SCHEMES = ['https', 'mailto', 'tel'] as const

export function safeExternalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  const scheme = schemeOf(url)
  return scheme && (SAFE_SCHEMES as readonly string[]).includes(scheme) ? url : undefined
}

export const pages = {
  home: 'index.html',
  overview: (base: string) => `${base}/index.html`,
  level: (base: string, id: string) => `${base}/levels/${id}.html`,
  domain: (base: string, id: string) => `${base}/domains/${id}.html`,
  section: (base: string, id: string) => `${base}/sections/${id}.html`,
  indicators: (base: string) => `${base}/indicators.html`,
  matrix: (base: string) => `${base}/matrix.html`,
  contacts: (base: string) => `${base}/contacts.html`,
  links: (base: string) => `${base}/links.html`,
}

/** Parents before children, siblings in the model's order. */
export function flatten<T extends { children: T[] }>(items: readonly T[]): T[] {
  return items.flatMap((item) => [item, ...flatten(item.children)])
}

export function siteFramework(framework: Framework): SiteFramework {
  const base = framework.id
  const targets = new Map<string, Target>()
  const set = (id: string, target: Target) => {
    // Ids are unique within a framework (unique-ids); the first one wins if a check was skipped.
    if (!targets.has(id)) targets.set(id, target)
  }
  set(framework.id, { kind: 'page', page: pages.overview(base) })

  const levels = flatten(framework.levels)
  const topLevelOf = new Map<string, Level>()
  for (const top of framework.levels) {
    const page = pages.level(base, top.id)
    for (const level of flatten([top])) {
      topLevelOf.set(level.id, top)
      set(level.id, level === top ? { kind: 'page', page } : { kind: 'page', page, anchor: level.id })
      for (const section of flatten(level.sections)) set(section.id, { kind: 'page', page, anchor: section.id })
    }
  }
  const domains = flatten(framework.domains)
  for (const domain of domains) set(domain.id, { kind: 'page', page: pages.domain(base, domain.id) })
  const indicatorsByDomain = new Map<string, Indicator[]>(domains.map((domain) => [domain.id, []]))
  for (const indicator of framework.indicators) {
    if (indicator.domain !== undefined) {
      indicatorsByDomain.get(indicator.domain)?.push(indicator)
      set(indicator.id, { kind: 'page', page: pages.domain(base, indicator.domain), anchor: indicator.id })
    } else {
      // A level's own list is shown on its level's page (a sub-level's on its parent's).
      const top = indicator.level === undefined ? undefined : topLevelOf.get(indicator.level)
      if (top) set(indicator.id, { kind: 'page', page: pages.level(base, top.id), anchor: indicator.id })
    }
  }
  for (const contact of framework.contacts) set(contact.id, { kind: 'page', page: pages.contacts(base), anchor: contact.id })
  for (const link of framework.links) set(link.id, { kind: 'external', link, url: link.status === 'ok' ? safeExternalUrl(link.url) : undefined })
  for (const top of framework.sections) {
    const page = pages.section(base, top.id)
    for (const section of flatten<Section>([top])) set(section.id, section === top ? { kind: 'page', page } : { kind: 'page', page, anchor: section.id })
  }
  for (const factor of framework.matrix?.factors ?? []) set(factor.id, { kind: 'page', page: pages.matrix(base), anchor: factor.id })

  return {
    framework,
    base,
    targets,
    levels,
    levelById: new Map(levels.map((level) => [level.id, level])),
    topLevelOf,
    domains,
    domainById: new Map(domains.map((domain) => [domain.id, domain])),
    indicatorsByDomain,
    indicatorById: new Map(framework.indicators.map((indicator) => [indicator.id, indicator])),
    contactById: new Map(framework.contacts.map((contact) => [contact.id, contact])),
    linkById: new Map(framework.links.map((link) => [link.id, link])),
  }
}

/**
 * The href from one page to a page and anchor, relative so the site works from any folder or
 * straight from disk (file://). A link to the page itself is just the anchor.
 */
export function relativeHref(from: string, page: string, anchor?: string): string {
  const hash = anchor ? `#${encodeURIComponent(anchor)}` : ''
  if (page === from && anchor) return hash
  const relative = path.posix.relative(path.posix.dirname(from), page) || path.posix.basename(page)
  return `${relative.split('/').map(encodeURIComponent).join('/')}${hash}`
}
