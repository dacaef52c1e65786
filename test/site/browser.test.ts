/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import path from 'node:path'
import axe from 'axe-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveSite, type DevServer } from '../../scripts/dev/server.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { assemble, renderFramework, renderSite } from '../../scripts/site/index.ts'
import { frameworkWith, parser, repoRoot } from '../helpers.ts'
import { artifacts, launch } from './browser.ts'

// The shipped frameworks, and the fictional fixture that uses every shape the model holds.
const shipped = loadFrameworks([path.join(repoRoot, 'sources/shropshire'), path.join(repoRoot, 'sources/solihull'), path.join(repoRoot, 'test/fixtures/every-shape')], { parser }).map((parsed) => parsed.framework)

/** A framework whose indicator and narrative text try to become markup. */
function hostile() {
  const { dir } = frameworkWith()
  const framework = structuredClone((loadFrameworks([dir], { parser })[0] as { framework: (typeof shipped)[number] }).framework)
  framework.id = 'hostile'
  const first = framework.indicators[0]
  if (first) first.text = '<script>alert("indicator")</script><img src=x onerror=alert(1)>'
  framework.summary = 'Text <script>alert("summary")</script> and [a link](javascript:alert(1)).'
  return framework
}

const site = assemble(renderSite(shipped), renderFramework(hostile()))
const shippedPages = [...renderSite(shipped).keys()].filter((file) => file.endsWith('.html'))

let browser: Browser
let server: DevServer
beforeAll(async () => {
  server = await serveSite({ host: '127.0.0.1', port: 0, files: () => site, greeting: () => undefined, reload: false })
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(file: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1200, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(`${server.url}${file}`)
  return page
}

/**
 * Saves a screenshot. On a busy machine Chromium can fail to produce a frame in time and answers
 * “Unable to capture screenshot”; that says nothing about the page, so the capture is tried again
 * (after the next frame) up to three times. Any other error, or a third failure, fails the test.
 */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage })
      return
    } catch (error) {
      if (attempt >= 3 || !/Unable to capture screenshot/.test(String(error))) throw error
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))))
    }
  }
}

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source })
  const result = (await page.evaluate((tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_22_AA)) as AxeResult
  return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

describe('the site in a browser', () => {
  it('has no WCAG 2.2 A or AA violations (axe-core) on any page, and each page a sensible title and heading outline', async () => {
    expect(shippedPages.length).toBeGreaterThan(40)
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
    const problems: string[] = []
    const queue = [...shippedPages]
    // Two tabs at a time: the pages are independent, and axe spends most of its time waiting.
    const worker = async () => {
      const page = await context.newPage()
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await auditPage(page, file)
      await page.close()
    }
    const auditPage = async (page: Page, file: string) => {
      await page.goto(`${server.url}${file}`)
      for (const violation of await axeViolations(page)) problems.push(`${file}: ${violation}`)
      const outline = await page.evaluate(() => ({
        title: document.title,
        lang: document.documentElement.lang,
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
        levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
        landmarks: ['header', 'nav', 'main', 'footer'].filter((tag) => document.querySelector(tag)),
      }))
      if (outline.h1.length !== 1) problems.push(`${file}: ${outline.h1.length} h1 headings`)
      if (!outline.title.startsWith(outline.h1[0] ?? '∅')) problems.push(`${file}: title “${outline.title}” does not start with the h1 “${outline.h1[0]}”`)
      if (outline.lang !== 'en-GB') problems.push(`${file}: lang ${outline.lang}`)
      if (outline.levels[0] !== 1) problems.push(`${file}: the first heading is h${outline.levels[0]}`)
      outline.levels.forEach((level, index) => {
        if (index && level > (outline.levels[index - 1] as number) + 1) problems.push(`${file}: h${outline.levels[index - 1]} is followed by h${level}`)
      })
      const landmarks = file === 'index.html' ? ['header', 'main', 'footer'] : ['header', 'nav', 'main', 'footer']
      if (outline.landmarks.join() !== landmarks.join()) problems.push(`${file}: landmarks ${outline.landmarks.join(', ')}`)
    }
    await Promise.all([worker(), worker()])
    await context.close()
    problems.sort()
    expect(problems).toEqual([])
  })

  it('has no violations with the filter in use', async () => {
    const filtered = await open('shropshire/indicators.html?q=school')
    await filtered.waitForFunction(() => /Showing \d+ of/.test(document.getElementById('th-filter-status')?.textContent ?? ''))
    expect(await axeViolations(filtered)).toEqual([])
    await filtered.context().close()
  })

  it('would notice violations: the same check fails a page without a language, a link name or enough contrast', async () => {
    const page = await open('index.html')
    await page.evaluate(() => {
      document.documentElement.removeAttribute('lang')
      const link = document.querySelector('main a')
      if (link) link.textContent = ''
      const lede = document.querySelector('.lede') as HTMLElement
      lede.style.color = '#bbbbbb'
    })
    const ids = (await axeViolations(page)).map((violation) => violation.split(' ')[0])
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'link-name', 'color-contrast']))
    await page.context().close()
  })

  it('reaches the filter and every link with the keyboard alone, with a visible focus', async () => {
    for (const file of ['index.html', 'shropshire/index.html', 'solihull/indicators.html', 'shropshire/matrix.html', 'solihull/contacts.html']) {
      const page = await open(file)
      const expected = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], input, select, [tabindex="0"]')].filter((element) => element.getClientRects().length > 0 || element.classList.contains('skip-link')).length,
      )
      const reached: string[] = []
      for (let press = 0; press < 1000; press++) {
        await page.keyboard.press('Tab')
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null
          if (!element || element === document.body) return undefined
          const all = [...document.querySelectorAll('*')]
          return `${all.indexOf(element)}:${element.tagName.toLowerCase()}#${element.id}`
        })
        if (focused === undefined || reached.includes(focused)) break
        reached.push(focused)
      }
      expect(reached.length, file).toBe(expected)
      expect(reached[0], file).toMatch(/:a#$/)
      if (file.endsWith('indicators.html')) expect(reached.filter((entry) => /#th-filter-(text|level|polarity)$/.test(entry)), file).toHaveLength(3)
      if (file.endsWith('matrix.html')) expect(reached.some((entry) => /:div#$/.test(entry)), `${file}: the scrolling table`).toBe(true)
      await page.context().close()
    }

    // The skip link is the first stop and moves focus to the main content; focus shows as a yellow band.
    const page = await open('shropshire/levels/child-protection.html')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content')
    await shot(page, 'skip-link-focused')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('th-main')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).backgroundColor)).toBe('rgb(255, 221, 0)')
    await shot(page, 'link-focused')
    await page.context().close()
  })

  it('narrows the list of indicators as you type or pick a level, and keeps the choice in the address', async () => {
    const page = await open('solihull/indicators.html')
    const visible = () => page.locator('.indicator-group li[data-polarity]:visible')
    const status = page.locator('#th-filter-status')
    await expect.poll(() => status.textContent()).toBe('Showing all 194 indicators.')
    expect(await visible().count()).toBe(194)

    await page.getByLabel('Words in the indicator').fill('school')
    await expect.poll(() => status.textContent()).toMatch(/^Showing \d+ of 194 indicators\.$/)
    const words = await visible().locator('.indicator-text').allTextContents()
    expect(words.length).toBeGreaterThan(0)
    expect(words.length).toBeLessThan(194)
    for (const text of words) expect(text.toLowerCase()).toContain('school')
    expect(Number(/Showing (\d+)/.exec((await status.textContent()) ?? '')?.[1])).toBe(words.length)
    expect(new URL(page.url()).searchParams.get('q')).toBe('school')
    await shot(page, 'filter-school')

    await page.getByLabel('Words in the indicator').fill('')
    await page.getByLabel('Level of need').selectOption('statutory-services')
    await expect.poll(() => status.textContent()).toMatch(/^Showing \d+ of 194 indicators\.$/)
    const levels = await visible().evaluateAll((items) => items.map((item) => item.getAttribute('data-levels') ?? ''))
    expect(levels.length).toBeGreaterThan(0)
    for (const entry of levels) expect(entry.split(' ')).toContain('statutory-services')
    expect(new Set(levels.map((entry) => entry.split(' ')[0]))).toEqual(new Set(['child-in-need', 'significant-harm']))

    await page.getByLabel('Words in the indicator').fill('zzzz no such words')
    await expect.poll(() => status.textContent()).toBe('No indicators match.')
    expect(await page.locator('.filter-empty').isVisible()).toBe(true)
    expect(await page.locator('.indicator-group:visible').count()).toBe(0)
    await page.context().close()

    // A level page links to its indicators with the filter already set.
    const level = await open('solihull/levels/early-help.html')
    const link = level.getByRole('link', { name: /^See the \d+ indicators listed at Early Help$/ })
    const promised = Number(/See the (\d+)/.exec((await link.textContent()) ?? '')?.[1])
    await link.click()
    await expect.poll(() => level.locator('#th-filter-level').inputValue()).toBe('early-help')
    await expect.poll(() => level.locator('#th-filter-status').textContent()).toBe(`Showing ${promised} of 194 indicators.`)
    expect(await level.locator('.indicator-group li[data-polarity]:visible').count()).toBe(promised)
    await level.context().close()
  })

  it('lists every indicator without JavaScript, with no filter to confuse', async () => {
    const page = await open('shropshire/indicators.html', { javaScriptEnabled: false })
    expect(await page.locator('#th-filter').isVisible()).toBe(false)
    expect(await page.locator('.indicator-group li[data-polarity]:visible').count()).toBe(111)
    await page.context().close()
  })

  it('shows text that looks like markup as text, and runs none of it', async () => {
    const page = await open('hostile/domains/health.html')
    let dialogs = 0
    page.on('dialog', async (dialog) => {
      dialogs++
      await dialog.dismiss()
    })
    await page.reload()
    expect(await page.locator('.indicator-text').first().textContent()).toBe('<script>alert("indicator")</script><img src=x onerror=alert(1)>')
    expect(await page.locator('main script, main img').count()).toBe(0)
    const overview = await page.goto(`${server.url}hostile/index.html`)
    expect(overview?.status()).toBe(200)
    expect(await page.locator('main').textContent()).toContain('Text alert("summary") and a link.')
    expect(await page.locator('main a[href^="javascript"]').count()).toBe(0)
    expect(dialogs).toBe(0)
    await page.context().close()
  })

  it('prints without navigation, with web addresses written out', async () => {
    const page = await open('shropshire/levels/child-protection.html')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.main-nav').isVisible()).toBe(false)
    expect(await page.locator('.breadcrumbs').isVisible()).toBe(false)
    expect(await page.locator('h1').isVisible()).toBe(true)
    await shot(page, 'print-child-protection', true)
    await page.context().close()
  })

  it('saves screenshots of the main pages, wide and narrow', async () => {
    const pages: Array<[string, string, number]> = [
      ['home', 'index.html', 1200],
      ['overview-shropshire', 'shropshire/index.html', 1200],
      ['level-solihull-early-help', 'solihull/levels/early-help.html', 1200],
      ['domain-shropshire-i-feel-safe', 'shropshire/domains/i-feel-safe.html', 1200],
      ['matrix-shropshire', 'shropshire/matrix.html', 1200],
      ['contacts-solihull', 'solihull/contacts.html', 1200],
      ['phone-level-shropshire-child-protection', 'shropshire/levels/child-protection.html', 390],
    ]
    for (const [name, file, width] of pages) {
      const page = await open(file, { width })
      await shot(page, name, true)
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${file} at ${width}px has no sideways scrolling`).toBe(true)
      await page.context().close()
    }
  })
})
