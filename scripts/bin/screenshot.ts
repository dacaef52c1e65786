/**
 * Takes the README's picture of the site: docs/images/site.png, the overview page of a shipped
 * framework as a practitioner first sees it. Run with `npm run screenshot`: it drives the Chromium
 * that `npm install` brings (@sparticuz/chromium), or THRESHOLDS_CHROMIUM.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { checkFrameworks } from '../check/index.ts'
import { serveSite } from '../dev/server.ts'
import { findFrameworkFolders, loadFrameworks } from '../parse/index.ts'
import { chromiumForTests } from '../site/chromium.ts'
import { renderSite } from '../site/index.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const page = process.argv[2] ?? 'shropshire/index.html'
const output = path.join(root, 'docs/images/site.png')

const found = await chromiumForTests(process.env).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`)
  process.exit(2)
})
const result = checkFrameworks(loadFrameworks(findFrameworkFolders([], root)))
if (result.errors) {
  process.stderr.write(`The sources have ${result.errors} errors: run npm run check first.\n`)
  process.exit(1)
}
const site = renderSite(result.contexts.map((parsed) => parsed.framework))
const server = await serveSite({ host: '127.0.0.1', port: 0, files: () => site, greeting: () => undefined, reload: false })
const browser = await chromium.launch({ executablePath: found.executablePath, env: { ...process.env, ...found.env } })
try {
  const tab = await browser.newPage({ viewport: { width: 1100, height: 1150 }, deviceScaleFactor: 1 })
  await tab.goto(`${server.url}${page}`)
  mkdirSync(path.dirname(output), { recursive: true })
  await tab.screenshot({ path: output })
  process.stderr.write(`Wrote ${path.relative(root, output)} from ${page}.\n`)
} finally {
  await browser.close()
  await server.close()
}
