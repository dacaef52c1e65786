import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { repoRoot } from '../helpers.ts'

/**
 * The browser the site tests drive: Debian's Chromium, installed by .ci/run with apt-get
 * (`apt-get install -y chromium`). playwright-core never downloads a browser of its own.
 */
export const CHROMIUM = process.env.THRESHOLDS_CHROMIUM ?? '/usr/bin/chromium'

export const artifacts = path.join(repoRoot, 'test-artifacts/site')

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with “apt-get install -y chromium” (.ci/run does), or set THRESHOLDS_CHROMIUM to its path`)
  mkdirSync(artifacts, { recursive: true })
  return chromium.launch({ executablePath: CHROMIUM })
}
