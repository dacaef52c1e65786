/**
 * The browser that the site's tests and `npm run screenshot` drive: the Chromium build that ships
 * inside the npm package @sparticuz/chromium (a Brotli-compressed binary in its tarball), so
 * `npm install` brings it from the npm registry like any other package and nothing is downloaded
 * from anywhere else, at install or at run time. THRESHOLDS_CHROMIUM names another browser instead.
 *
 * The package's own `executablePath()` inflates into /tmp and checks only that the file exists, so
 * two test files starting at once could launch a half-written binary. Here the binary is inflated
 * once into node_modules/.cache, in a folder of its own that is renamed into place when complete.
 * The package's al2023 libraries (NSS, NSPR, expat: all the binary needs beyond the C library) go
 * on LD_LIBRARY_PATH, so it starts on a machine that has none of them installed.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface Browser {
  /** The program to start. */
  executablePath: string
  /** Variables it needs on top of the environment (its libraries), for playwright's `env`. */
  env: Record<string, string>
  /** Where it came from, for messages. */
  origin: string
}

/** Finds or prepares the browser; throws with a plain sentence when there is none. */
export async function chromiumForTests(environment: NodeJS.ProcessEnv, cache = path.join(root, 'node_modules/.cache/thresholds')): Promise<Browser> {
  const chosen = environment.THRESHOLDS_CHROMIUM
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen)) throw new Error(`THRESHOLDS_CHROMIUM names ${chosen}, which does not exist: unset it to use the Chromium that npm install brings (@sparticuz/chromium)`)
    return { executablePath: chosen, env: {}, origin: `THRESHOLDS_CHROMIUM (${chosen})` }
  }
  let packageJson: string
  try {
    // The package exports only its code (build/cjs/index.cjs), two folders below its root.
    packageJson = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('@sparticuz/chromium')), '../../package.json')
  } catch {
    throw new Error('Chromium not found: the dev dependency @sparticuz/chromium is not installed. Run “npm install” (or “npm ci”), or set THRESHOLDS_CHROMIUM to a Chromium of your own')
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }
  const bin = path.join(path.dirname(packageJson), 'bin')
  const dir = path.join(cache, `chromium-${version}`)
  if (!existsSync(path.join(dir, 'chromium'))) await inflateInto(bin, dir)
  const lib = path.join(dir, 'lib')
  const inherited = environment.LD_LIBRARY_PATH
  return {
    executablePath: path.join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: inherited ? `${lib}:${inherited}` : lib },
    origin: `@sparticuz/chromium ${version}`,
  }
}

/** Inflates the binary and its libraries into a private folder, then renames it to `dir`. */
async function inflateInto(bin: string, dir: string): Promise<void> {
  const staging = `${dir}.partial-${randomUUID()}`
  mkdirSync(path.join(staging, 'lib'), { recursive: true })
  try {
    await pipeline(createReadStream(path.join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(staging, 'chromium'), { mode: 0o755 }))
    for (const [name, bytes] of untar(brotliDecompressSync(readFileSync(path.join(bin, 'al2023.tar.br'))))) {
      // Only the flat lib/ folder is used; anything else in the archive is not needed.
      if (/^lib\/[\w.+-]+$/.test(name)) writeFileSync(path.join(staging, name), bytes, { mode: 0o755 })
    }
    try {
      renameSync(staging, dir)
    } catch (error) {
      // Another process finished first: its copy is complete, so use it.
      if (!existsSync(path.join(dir, 'chromium'))) throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/** The regular files of a ustar archive, as [name, bytes]. */
function* untar(archive: Buffer): Generator<[string, Buffer]> {
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) return
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '')
    const prefix = field(345, 155)
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)
    const size = Number.parseInt(field(124, 12).trim() || '0', 8)
    const type = field(156, 1)
    offset += 512
    if (type === '0' || type === '') yield [name.replace(/^\.\//, ''), archive.subarray(offset, offset + size)]
    offset += Math.ceil(size / 512) * 512
  }
}
