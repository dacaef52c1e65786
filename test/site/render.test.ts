import { toHtml } from 'hast-util-to-html'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Framework } from '../../scripts/model/types.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { renderSite } from '../../scripts/site/index.ts'
import { renderMarkdown } from '../../scripts/site/markdown.ts'
import { siteFramework } from '../../scripts/site/targets.ts'
import { frameworkWith, parser, repoRoot } from '../helpers.ts'

const shipped = loadFrameworks([path.join(repoRoot, 'sources/shropshire'), path.join(repoRoot, 'sources/solihull')], { parser }).map((parsed) => parsed.framework)
const site = renderSite(shipped)
const pages = [...site.keys()].filter((file) => file.endsWith('.html'))

function minimal(): Framework {
  const { dir } = frameworkWith()
  return structuredClone((loadFrameworks([dir], { parser })[0] as { framework: Framework }).framework)
}

const attributes = (html: string, name: string) => [...html.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((match) => (match[1] ?? '').replace(/&#x26;/g, '&').replace(/&amp;/g, '&'))

describe('site pages', () => {
  it('has a home page, and per framework an overview, each level, domain and section, the filter, matrix, contacts and links', () => {
    expect(pages).toContain('index.html')
    for (const framework of shipped) {
      const base = framework.id
      expect(pages).toEqual(
        expect.arrayContaining([
          `${base}/index.html`,
          `${base}/indicators.html`,
          `${base}/contacts.html`,
          `${base}/links.html`,
          ...framework.levels.map((level) => `${base}/levels/${level.id}.html`),
          ...framework.domains.map((domain) => `${base}/domains/${domain.id}.html`),
          ...framework.sections.map((section) => `${base}/sections/${section.id}.html`),
        ]),
      )
    }
    expect(pages).toContain('shropshire/matrix.html')
    expect(pages).not.toContain('solihull/matrix.html')
    expect([...site.keys()]).toEqual(expect.arrayContaining(['assets/site.css', 'assets/filter.js']))
  })

  it('is byte-identical for the same model, whatever order the frameworks come in', () => {
    const again = renderSite([...shipped].reverse())
    expect([...again.keys()]).toEqual([...site.keys()])
    for (const [file, text] of site) expect(again.get(file), file).toBe(text)
  })

  it('writes every page in British English with a skip link to the main landmark, a title and one h1', () => {
    for (const file of pages) {
      const html = site.get(file) as string
      expect(html.startsWith('<!doctype html><html lang="en-GB">'), file).toBe(true)
      expect(html, file).toContain('<a class="skip-link" href="#th-main">Skip to main content</a>')
      expect(html, file).toContain('<main id="th-main" tabindex="-1">')
      expect(html.match(/<h1>/g)?.length, file).toBe(1)
      expect(html, file).toMatch(/<title>[^<]+<\/title>/)
    }
  })

  it('never skips a heading level going down the page', () => {
    for (const file of pages) {
      const levels = [...(site.get(file) as string).matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]))
      levels.forEach((level, index) => {
        if (index > 0) expect(level, `${file}: h${levels[index - 1]} then h${level}`).toBeLessThanOrEqual((levels[index - 1] as number) + 1)
      })
    }
  })

  it('links only to pages and anchors that exist, and to https:, mailto: and tel: addresses', () => {
    const ids = new Map(pages.map((file) => [file, new Set(attributes(site.get(file) as string, 'id'))]))
    const broken: string[] = []
    for (const file of pages) {
      for (const href of [...attributes(site.get(file) as string, 'href'), ...attributes(site.get(file) as string, 'src')]) {
        if (/^(https|mailto|tel):/.test(href)) continue
        expect(href, `${file} links to ${href}`).not.toMatch(/^[a-z][a-z0-9+.-]*:/i)
        const [target = '', anchor] = href.split('#')
        const page = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(target.split('?')[0] ?? '')))
        if (!site.has(page)) broken.push(`${file} → ${href} (no such file)`)
        else if (anchor && !ids.get(page)?.has(decodeURIComponent(anchor))) broken.push(`${file} → ${href} (no such anchor)`)
      }
    }
    expect(broken).toEqual([])
  })

  it('loads nothing from elsewhere: the stylesheet and the filter script are files of the site', () => {
    for (const file of pages) {
      const html = site.get(file) as string
      for (const tag of html.match(/<(link|script)[^>]*>/g) ?? []) expect(tag, file).not.toMatch(/(href|src)="(https?:)?\/\//)
    }
    expect(site.get('solihull/indicators.html')).toContain('<script src="../assets/filter.js" defer></script>')
  })

  it('shows the decision matrix as a table with column and row headers', () => {
    const html = site.get('shropshire/matrix.html') as string
    const matrix = shipped.find((framework) => framework.id === 'shropshire')?.matrix
    expect(matrix).toBeDefined()
    expect(html).toContain('<caption id="th-matrix-caption">')
    expect(html.match(/<th scope="col">/g)?.length).toBe((matrix?.columns.length ?? 0) + 1)
    expect(html.match(/<th scope="row"/g)?.length).toBe(matrix?.factors.length)
    expect(html).toContain('<div class="table-scroll" role="region" aria-labelledby="th-matrix-caption" tabindex="0">')
  })

  it('gives contacts tel: links and levels their contacts, what to do and consent', () => {
    const contacts = site.get('solihull/contacts.html') as string
    expect(contacts).toContain('<a href="tel:+441217884300">0121 788 4300</a>')
    const level = site.get('shropshire/levels/child-protection.html') as string
    expect(level).toContain('<h2>What to do</h2>')
    expect(level).toContain('<h2>Information sharing and consent</h2>')
    expect(level).toContain('<a href="tel:999">999</a>')
  })
})

describe('content is text, never markup', () => {
  it('shows indicator text holding <script> as text', () => {
    const framework = minimal()
    const indicator = framework.indicators[0]
    if (!indicator) throw new Error('the minimal fixture has indicators')
    indicator.text = 'Says <script>alert("x")</script> & <b>bold</b>'
    const files = renderSite([framework])
    for (const file of ['minimal/domains/health.html', 'minimal/indicators.html']) {
      const html = files.get(file) as string
      expect(html, file).toContain('Says &#x3C;script>alert("x")&#x3C;/script> &#x26; &#x3C;b>bold&#x3C;/b>')
      expect(html, file).not.toContain('<script>alert')
      expect(html, file).not.toContain('<b>')
    }
  })

  it('shows a bullet written as `<script>` in the sources as text', () => {
    const { dir } = frameworkWith()
    const [parsed] = loadFrameworks([dir], { parser })
    if (!parsed) throw new Error('parsed')
    const framework = parsed.framework
    framework.indicators.push({ id: 'health-code', domain: 'health', level: 'early-help', polarity: 'need', text: '<script>alert(1)</script>' })
    expect(renderSite([framework]).get('minimal/domains/health.html')).toContain('<li id="health-code"><span class="indicator-text">&#x3C;script>alert(1)&#x3C;/script></span></li>')
  })

  it('drops raw HTML and unsafe addresses from Markdown fields, and keeps https, mailto and tel links', () => {
    const place = { site: siteFramework(minimal()), page: 'minimal/levels/early-help.html' }
    const render = (text: string) => toHtml({ type: 'root', children: renderMarkdown(text, place) })
    expect(render('Before <script>alert(1)</script> after')).not.toContain('script')
    expect(render('<img src="x" onerror="alert(1)">')).not.toContain('onerror')
    expect(render('[run](javascript:alert(1))')).not.toContain('javascript')
    expect(render('[old](http://example.org/page)')).not.toContain('http://')
    expect(render('[secure](https://example.org/page)')).toContain('<a href="https://example.org/page">secure</a>')
    expect(render('[mail](mailto:team@example.org)')).toContain('<a href="mailto:team@example.org">mail</a>')
    expect(render('[call](tel:+441217884300)')).toContain('<a href="tel:+441217884300">call</a>')
    expect(render('![a picture of the form](https://example.org/form.png)')).toBe('<p>a picture of the form</p>')
    expect(render('[old](http://example.org/page)')).toBe('<p>old</p>')
  })

  it('points #id links at the page and anchor that shows the id, and marks pending addresses', () => {
    const framework = minimal()
    framework.links.push({ id: 'portal', text: 'Portal', status: 'pending' })
    const place = { site: siteFramework(framework), page: 'minimal/levels/early-help.html' }
    const hrefs = (text: string) => JSON.stringify(renderMarkdown(text, place))
    expect(hrefs('[Front door](#front-door)')).toContain('"href":"../contacts.html#front-door"')
    expect(hrefs('[Child protection](#child-protection)')).toContain('"href":"child-protection.html"')
    expect(hrefs('[Early help](#early-help)')).toContain('"href":"early-help.html"')
    expect(hrefs('[Injury](#health-untreated-injury)')).toContain('"href":"../domains/health.html#health-untreated-injury"')
    expect(hrefs('[Regional procedures](#regional-procedures)')).toContain('"href":"https://example.org/procedures"')
    const pending = hrefs('[Portal](#portal)')
    expect(pending).not.toContain('href')
    expect(pending).toContain('(link to follow)')
    expect(hrefs('[Nowhere](#no-such-id)')).not.toContain('href')
  })
})
