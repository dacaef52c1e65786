import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { dateText, statusLabel } from './words.ts'
import { NOT_STATED } from '../model/not-stated.ts'
import { pages, relativeHref, type SiteFramework } from './targets.ts'

/** The framework-wide pages in the main navigation, in order. */
export type NavKey = 'overview' | 'indicators' | 'matrix' | 'contacts' | 'links'

export interface Crumb {
  text: string
  page: string
}

export interface PageSpec {
  /** Path of the page from the site root, e.g. `solihull/levels/early-help.html`. */
  path: string
  /** The page's own name: its h1 and the start of its title. */
  heading: string
  site?: SiteFramework
  /** Pages above this one, the home page first. */
  crumbs?: Crumb[]
  /** Content after the h1. */
  content: ElementContent[]
  /** Local scripts to load (names under assets/). */
  scripts?: string[]
}

/** Ids the page shell uses; prefixed so content ids (which keep the model's ids) never clash with them. */
export const SHELL_IDS = { main: 'th-main' }

export const SITE_NAME = 'Threshold frameworks'

export function link(from: string, page: string, children: Array<ElementContent | string>, anchor?: string, properties: Record<string, string> = {}): Element {
  return h('a', { href: relativeHref(from, page, anchor), ...properties }, children)
}

/** A whole page, serialised. Same spec, same bytes. */
export function renderPage(spec: PageSpec): string {
  const { site } = spec
  const asset = (name: string) => relativeHref(spec.path, `assets/${name}`)
  const title = site ? `${spec.heading} – ${site.framework.title}` : spec.heading
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en-GB' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', spec.path === pages.home ? SITE_NAME : `${title} – ${SITE_NAME}`),
          h('link', { rel: 'stylesheet', href: asset('site.css') }),
        ]),
        h('body', [
          h('a.skip-link', { href: `#${SHELL_IDS.main}` }, 'Skip to main content'),
          header(spec),
          h('main', { id: SHELL_IDS.main, tabIndex: -1 }, [...crumbs(spec), h('h1', spec.heading), ...spec.content]),
          footer(spec),
          ...(spec.scripts ?? []).map((name) => h('script', { src: asset(name), defer: true })),
        ]),
      ]),
    ],
  }
  return `${toHtml(tree)}\n`
}

function header(spec: PageSpec): Element {
  const { site } = spec
  const from = spec.path
  const children: ElementContent[] = [h('p.site-name', [link(from, pages.home, [SITE_NAME])])]
  if (site) {
    const base = site.base
    const entries: Array<[NavKey, string, string]> = [
      ['overview', 'Overview', pages.overview(base)],
      ['indicators', 'Find an indicator', pages.indicators(base)],
      ...(site.framework.matrix ? [['matrix', 'Decision-making matrix', pages.matrix(base)] as [NavKey, string, string]] : []),
      ['contacts', 'Contacts', pages.contacts(base)],
      ['links', 'Useful links', pages.links(base)],
    ]
    children.push(
      h('p.framework-name', [link(from, pages.overview(base), [site.framework.title]), h('span.partnership', site.framework.partnership)]),
      h(
        'nav.main-nav',
        { ariaLabel: 'Framework' },
        h(
          'ul',
          entries.map(([, text, page]) => h('li', [link(from, page, [text], undefined, page === from ? { ariaCurrent: 'page' } : {})])),
        ),
      ),
    )
  }
  return h('header.site-header', children)
}

function crumbs(spec: PageSpec): Element[] {
  if (!spec.crumbs?.length) return []
  return [
    h(
      'nav.breadcrumbs',
      { ariaLabel: 'Breadcrumb' },
      h('ol', [...spec.crumbs.map((crumb) => h('li', [link(spec.path, crumb.page, [crumb.text])])), h('li', { ariaCurrent: 'page' }, spec.heading)]),
    ),
  ]
}

function footer(spec: PageSpec): Element {
  const { site } = spec
  const lines: Array<ElementContent | string> = []
  if (site) {
    const f = site.framework
    lines.push(h('p', `${f.title}, ${f.partnership}. Version ${f.version} (${statusLabel(f.status)})${f.reviewDue === NOT_STATED ? ', review date not stated' : f.reviewDue ? `, review due ${dateText(f.reviewDue)}` : ''}.`))
  }
  lines.push(h('p', 'Made from the frameworks’ sources by Thresholds. If anything here differs from your partnership’s published document, the published document applies.'))
  return h('footer.site-footer', lines)
}
