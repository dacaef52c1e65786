import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { build as viteBuild } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/**
 * A downstream app installs the package the build produces, exactly as npm would publish it
 * (packed, so the `files` list is tested too), type-checks under --strict, and runs on Node.
 */
const work = mkdtempSync(path.join(tmpdir(), 'thresholds-consumer-'))
const app = path.join(work, 'app')
const out = path.join(work, 'generated')
const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: 'utf8', timeout: HANG_MS })

interface Contact { id: string; name: string; phones: Array<{ number: string; e164?: string; use?: string }>; emergency: boolean }
interface FrameworkJson { id: string; title: string; version: string; reviewDue?: string; indicators: Array<{ domain: string; level?: string }>; contacts: Contact[]; levels: Array<{ id: string; title: string; contacts: string[]; children: Array<{ id: string; contacts: string[] }> }> }
let compiled: ReturnType<typeof run> | undefined
let compiledCommon: ReturnType<typeof run> | undefined
const read = (id: string) => JSON.parse(readFileSync(path.join(out, id, 'framework.json'), 'utf8')) as FrameworkJson

beforeAll(() => {
  const built = run(process.execPath, [path.join(repoRoot, 'scripts/bin/thresholds.js'), 'build', '--out', out], repoRoot)
  expect(built.status, built.stderr).toBe(0)
  cpSync(path.join(repoRoot, 'test/consumer'), app, { recursive: true })
  const packed = run('npm', ['pack', out, '--pack-destination', work, '--silent'], work)
  expect(packed.status, packed.stderr).toBe(0)
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
  expect(tarball).toBeDefined()
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, tarball ?? '')], app)
  expect(installed.status, installed.stderr).toBe(0)
  // Compiles app.ts (and the CommonJS app) to dist/ for the run tests; the type-check tests read the results.
  compiled = run(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app)
  compiledCommon = run(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], path.join(app, 'cjs'))
})

describe('the generated package in a downstream app', () => {
  it('type-checks under tsc --strict, wrong ids rejected by @ts-expect-error lines', () => {
    expect(`${compiled?.stdout}${compiled?.stderr}`).toBe('')
    expect(compiled?.status).toBe(0)
  })

  it('compiles every recipe of docs/app-developers.md against the packed package', () => {
    const guide = readFileSync(path.join(repoRoot, 'docs/app-developers.md'), 'utf8')
    const recipes = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
    expect(recipes.length).toBe(7)
    const files = recipes.map((source, index) => {
      const file = `recipe-${index + 1}.ts`
      // Each recipe is a module of its own, as an app's file would be.
      writeFileSync(path.join(app, file), `${source}export {}\n`)
      return file
    })
    writeFileSync(path.join(app, 'tsconfig.recipes.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, files }))
    const tsc = run(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.recipes.json'], app)
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('')
    expect(tsc.status).toBe(0)
  })

  it('fails to compile when a wrong id is not marked as expected', () => {
    // The @ts-expect-error lines are only proof if removing one breaks the build.
    const source = readFileSync(path.join(app, 'app.ts'), 'utf8').replace("// @ts-expect-error “early-help” is a Solihull level, not a Shropshire one\n", '')
    writeFileSync(path.join(app, 'probe.ts'), source)
    writeFileSync(path.join(app, 'tsconfig.probe.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, files: ['probe.ts'] }))
    const tsc = run(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.probe.json'], app)
    expect(tsc.status).not.toBe(0)
    expect(tsc.stdout).toMatch(/probe\.ts\(\d+,\d+\): error TS2345: Argument of type '"early-help"' is not assignable to parameter of type 'LevelId'/)
  })

  it('runs the compiled TypeScript app on Node and prints facts read through the package', () => {
    const shropshire = read('shropshire')
    const solihull = read('solihull')
    const result = run(process.execPath, ['dist/app.js'], app)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const fpoc = shropshire.contacts.find((c) => c.id === 'fpoc')
    const cin = solihull.levels.flatMap((l) => [l, ...l.children]).find((l) => l.id === 'significant-harm')
    const lines = result.stdout.trim().split('\n')
    expect(lines).toContain(`shropshire fpoc phone: ${fpoc?.phones[0]?.number}`)
    expect(lines).toContain('shropshire fpoc phone: 0345 678 9021')
    // A sub-level without contacts of its own uses its parent's.
    expect(lines).toContain(`shropshire targeted-early-help contacts: ${shropshire.levels.find((l) => l.id === 'getting-family-help')?.contacts.join(', ')}`)
    expect(lines).toContain(`shropshire i-feel-safe indicators: ${shropshire.indicators.filter((i) => i.domain === 'i-feel-safe').length}`)
    expect(lines).toContain(`shropshire child-in-need above targeted-early-help: true`)
    expect(lines).toContain(`solihull early-help indicators in health: ${solihull.indicators.filter((i) => i.domain === 'health' && i.level === 'early-help').length}`)
    expect(lines).toContain(`solihull significant-harm contacts: ${(cin?.contacts ?? []).map((id) => solihull.contacts.find((c) => c.id === id)?.phones[0]?.number).join(', ')}`)
    // The three questions: what to do and whom to call, every number as a tel: link, version and review.
    const firstLevel = solihull.levels.find((l) => l.id === solihull.indicators[0]?.level)
    expect(lines).toContain(`solihull advice level: ${firstLevel?.id}`)
    expect(lines).toContain(`solihull advice calls: ${(firstLevel?.contacts ?? []).map((id) => solihull.contacts.find((c) => c.id === id)).map((c) => `${c?.name} tel:${c?.phones[0]?.e164}`).join('; ')}`)
    expect(lines).toContain('solihull advice calls: Children\'s Services tel:+441217884300; Out of hours emergency tel:+441216056060')
    expect(lines).toContain('solihull emergency: tel:+441216056060')
    expect(lines.filter((line) => line.startsWith('solihull number: '))).toEqual([
      "solihull number: Children's Services, no use given, tel:+441217884300, Mon-Thu 08:45-17:20; Fri 08:45-16:30",
      'solihull number: Out of hours emergency, no use given, tel:+441216056060, Out of hours (Evenings, weekends, or bank holidays)',
      'solihull number: Protecting Adults with Care & Support Needs, no use given, tel:+441217048007, hours not stated',
    ])
    expect(lines).toContain(`shropshire version: ${shropshire.version}, review due: not stated`)
    expect(lines).toContain('guarded level: Early Help')
    expect(lines).toContain('tolerant lookup: true')
    expect(lines).toContain('matrix first column: Getting everyday advice and support')
    expect(lines).toContain('rendered html: true')
    expect(lines).toContain(`loaded shropshire ${shropshire.version} with ${shropshire.indicators.length} indicators`)
    expect(lines).toContain(`loaded solihull ${solihull.version} with ${solihull.indicators.length} indicators`)
  })

  it('works from plain JavaScript (Node ESM, no TypeScript)', () => {
    const result = run(process.execPath, ['--no-warnings', 'plain.mjs'], app)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const fpoc = read('shropshire').contacts.find((c) => c.id === 'fpoc')
    expect(result.stdout.split('\n')).toEqual(
      expect.arrayContaining([`plain fpoc phone: ${fpoc?.phones[0]?.number}`, 'plain fpoc phone: 0345 678 9021', 'plain frameworks: shropshire, solihull', 'plain schema id: https://thresholds.dev/schema/framework.schema.json']),
    )
    // Every unknown id is the same RangeError naming it, never an empty answer.
    expect(result.stdout.split('\n').filter((line) => line.startsWith('plain unknown id') || line.startsWith('plain frozen'))).toEqual([
      'plain unknown id: RangeError: shropshire has no contact “nobody”',
      'plain unknown id: RangeError: shropshire has no domain “nowhere”',
      'plain unknown id: RangeError: shropshire places no indicator at a level (“child-protection” is a level): filter by “strength” or “need”',
      'plain unknown id: RangeError: solihull has no level “nowhere”',
      'plain unknown id: RangeError: solihull has no indicator “nowhere”',
      'plain frozen: TypeError',
    ])
  })

  it('type-checks a CommonJS TypeScript app (nodenext, no "type": "module") against the CommonJS types', () => {
    expect(`${compiledCommon?.stdout}${compiledCommon?.stderr}`).toBe('')
    expect(compiledCommon?.status).toBe(0)
    // tsc really made require() calls: the run below tests the CommonJS build, not the ESM one.
    expect(readFileSync(path.join(app, 'cjs/dist/app.js'), 'utf8')).toContain('require("@thresholds/frameworks/solihull")')
  })

  it('runs the compiled CommonJS TypeScript app on Node', () => {
    const result = run(process.execPath, ['dist/app.js'], path.join(app, 'cjs'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const solihull = read('solihull')
    expect(result.stdout.trim().split('\n')).toEqual([
      'cjs advice: Universal: tel:+441217884300, tel:+441216056060',
      'cjs what to do starts: Universal Services will follow a wide ra',
      'cjs emergency: tel:+441216056060',
      "cjs number: Children's Services, tel:+441217884300",
      'cjs number: Out of hours emergency, tel:+441216056060',
      'cjs number: Protecting Adults with Care & Support Needs, tel:+441217048007',
      `cjs version: ${solihull.version}, review due: ${solihull.reviewDue ?? 'not stated'}`,
      `cjs frameworks: shropshire ${read('shropshire').version}, solihull ${read('solihull').version}`,
      'cjs loaded: shropshire 6 levels',
    ])
  })

  it('type-checks under moduleResolution bundler, and a real Vite build of one framework bundles no other', async () => {
    const vite = path.join(app, 'vite')
    const tsc = run(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], vite)
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('')
    expect(tsc.status).toBe(0)
    const outDir = path.join(vite, 'dist')
    await viteBuild({
      root: vite,
      configFile: false,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, minify: false, lib: { entry: path.join(vite, 'main.ts'), formats: ['es'], fileName: 'app' } },
    })
    const bundle = readdirSync(outDir).map((file) => readFileSync(path.join(outDir, file), 'utf8')).join('\n')
    expect(bundle).toContain(read('solihull').title)
    expect(bundle).toContain('tel:+441216056060')
    // Nothing of Shropshire: neither its title nor its data.
    expect(bundle).not.toContain(read('shropshire').title)
    expect(bundle).not.toContain('fpoc')
  })

  it('packs reproducibly, with licence, repository, engines, changelog and only the compiled files', () => {
    const again = path.join(work, 'again')
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz')) ?? ''
    const packed = run('npm', ['pack', out, '--pack-destination', (mkdirSync(again), again), '--silent'], work)
    expect(packed.status, packed.stderr).toBe(0)
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
    expect(sha(path.join(again, tarball))).toBe(sha(path.join(work, tarball)))
    const listed = run('tar', ['-tzf', path.join(work, tarball)], work)
    const files = listed.stdout.trim().split('\n').map((entry) => entry.replace(/^package\//, '')).sort()
    expect(files).toEqual([
      'CHANGELOG.md', 'README.md', 'framework.schema.json', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.js', 'model.d.ts', 'package.json',
      ...['shropshire', 'solihull'].flatMap((id) => ['CHANGELOG.md', 'README.md', 'framework.json', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.js', 'model.d.ts', 'package.json'].map((file) => `${id}/${file}`)),
    ])
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/@thresholds/frameworks/package.json'), 'utf8')) as Record<string, unknown>
    expect(manifest).toMatchObject({ license: 'SEE LICENSE IN README.md', engines: { node: '>=20' }, sideEffects: false, repository: { type: 'git', directory: 'generated' } })
    expect(readFileSync(path.join(app, 'node_modules/@thresholds/frameworks/CHANGELOG.md'), 'utf8')).toContain(`## Right Help, Right Time, Right Response (\`solihull\`) ${read('solihull').version}`)
  })

  it('publishes each framework as a package of its own, versioned as the framework, that a fresh app installs and uses', () => {
    const own = path.join(work, 'own')
    mkdirSync(own)
    const packed = run('npm', ['pack', path.join(out, 'solihull'), '--pack-destination', own, '--silent'], work)
    expect(packed.status, packed.stderr).toBe(0)
    const version = read('solihull').version
    const tarball = `thresholds-solihull-${version}.0.tgz`
    expect(readdirSync(own)).toEqual([tarball])
    const fresh = path.join(work, 'fresh')
    mkdirSync(fresh)
    writeFileSync(path.join(fresh, 'package.json'), '{ "name": "fresh-app", "private": true }\n')
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(own, tarball)], fresh)
    expect(installed.status, installed.stderr).toBe(0)
    const script = "const s = require('@thresholds/solihull'); console.log(s.framework.version, s.emergencyContacts().map((c) => c.tel).join(' '), require('@thresholds/solihull/package.json').version)"
    const required = run(process.execPath, ['-e', script], fresh)
    expect(required.stderr).toBe('')
    expect(required.stdout).toBe(`${version} tel:+441216056060 ${version}.0\n`)
    const imported = run(process.execPath, ['--input-type=module', '-e', "import { adviceForLevel } from '@thresholds/solihull'; console.log(adviceForLevel('early-help').level.title)"], fresh)
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe('Early Help\n')
    expect(readFileSync(path.join(fresh, 'node_modules/@thresholds/solihull/CHANGELOG.md'), 'utf8')).toContain(`# Changelog of @thresholds/solihull ${version}.0`)
  })

  it('works from plain CommonJS JavaScript (require only)', () => {
    const result = run(process.execPath, ['plain.cjs'], path.join(app, 'cjs'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual([
      'plain cjs advice: universal tel:+441217884300 tel:+441216056060',
      'plain cjs what to do starts: Universal Services will follow a wide ra',
      "plain cjs number: Children's Services, tel:+441217884300",
      'plain cjs number: Out of hours emergency, tel:+441216056060',
      'plain cjs number: Protecting Adults with Care & Support Needs, tel:+441217048007',
      `plain cjs version: ${read('solihull').version}, review due: ${read('solihull').reviewDue ?? 'not stated'}`,
      'plain cjs emergency: tel:+441216056060',
      'plain cjs frameworks: shropshire, solihull',
      'plain cjs frozen: true',
      'plain cjs tolerant: undefined',
      'plain cjs unknown: RangeError: solihull has no indicator “nowhere”',
      'plain cjs unknown: RangeError: solihull has no domain “nowhere”',
      'plain cjs unknown: RangeError: solihull has no level “nowhere”',
    ])
  })
})
