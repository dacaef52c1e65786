import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { chromiumForTests } from '../../scripts/site/chromium.ts'
import { repoRoot } from '../helpers.ts'

export const artifacts = path.join(repoRoot, 'test-artifacts/site')

/**
 * Starts the browser the site tests drive: the Chromium that `npm install` brings inside the
 * @sparticuz/chromium package (or THRESHOLDS_CHROMIUM). playwright-core never downloads a browser.
 */
export async function launch(): Promise<Browser> {
  const browser = await chromiumForTests(process.env)
  mkdirSync(artifacts, { recursive: true })
  return chromium.launch({ executablePath: browser.executablePath, env: { ...process.env, ...browser.env } })
}
