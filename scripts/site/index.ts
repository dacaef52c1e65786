import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import { readFileSync } from 'node:fs'
import type { Framework } from '../model/types.ts'
import { compareStrings } from '../shared/text.ts'
import { renderPage, type PageSpec } from './layout.ts'
import { domainPages } from './pages/domains.ts'
import { indicatorsPage } from './pages/indicators.ts'
import { levelPages } from './pages/levels.ts'
import { contactsPage, homePage, linksPage, matrixPage, overviewPage, sectionPages } from './pages/other.ts'
import { siteFramework } from './targets.ts'

/** Files every site has, besides its pages: the stylesheet and the indicator filter. */
export const ASSETS = ['site.css', 'filter.js'] as const

function asset(name: string): string {
  // By path from the tool's folder: the same file whether this runs from scripts/ or dist/.
  return readFileSync(path.join(toolRoot, 'scripts/site/assets', name), 'utf8')
}

/** Every page of one framework, by path from the site root. */
export function renderFramework(framework: Framework): Map<string, string> {
  const site = siteFramework(framework)
  const specs: PageSpec[] = [
    overviewPage(site),
    ...levelPages(site),
    ...domainPages(site),
    indicatorsPage(site),
    ...(matrixPage(site) ? [matrixPage(site) as PageSpec] : []),
    contactsPage(site),
    linksPage(site),
    ...sectionPages(site),
  ]
  return new Map(specs.map((spec) => [spec.path, renderPage(spec)]))
}

/** The home page, listing the frameworks. */
export function renderHome(frameworks: readonly Framework[]): Map<string, string> {
  const spec = homePage(sorted(frameworks))
  return new Map([[spec.path, renderPage(spec)]])
}

export function renderAssets(): Map<string, string> {
  return new Map(ASSETS.map((name) => [`assets/${name}`, asset(name)]))
}

/**
 * The whole static site for these frameworks, by path relative to the site folder, in a fixed
 * order. The same model always gives the same bytes: no dates, no random ids, no absolute paths.
 */
export function renderSite(frameworks: readonly Framework[]): Map<string, string> {
  return assemble(renderHome(frameworks), renderAssets(), ...sorted(frameworks).map(renderFramework))
}

/** Joins the parts of a site into one map sorted by path. */
export function assemble(...parts: ReadonlyArray<ReadonlyMap<string, string>>): Map<string, string> {
  const all = parts.flatMap((part) => [...part])
  return new Map(all.sort(([a], [b]) => compareStrings(a, b)))
}

function sorted(frameworks: readonly Framework[]): Framework[] {
  return [...frameworks].sort((a, b) => compareStrings(a.id, b.id))
}
