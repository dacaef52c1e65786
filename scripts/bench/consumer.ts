/**
 * What the generated package costs a downstream app's `tsc --noEmit`: an app that imports every
 * framework through the package, against the same app importing the same data as plain JSON
 * (`resolveJsonModule`), typed with the model's types.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { summarise, round, type Summary } from './stats.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ConsumerResult {
  name: string
  frameworks: number
  packageMs: Summary
  jsonMs: Summary
  ratio: number
  /** The rejected shape: each framework as an `as const` literal module (measured on small corpora only). */
  asConstMs?: Summary
}

function run(args: string[], cwd: string) {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stdout}${result.stderr}`)
  return performance.now() - start
}

function typeCheck(app: string, config: string, runs: number): Summary {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc')
  run([tsc, '-p', config], app)
  return summarise(Array.from({ length: runs }, () => run([tsc, '-p', config], app)))
}

export function measureConsumers(corpora: Array<{ name: string; sources: string }>, work: string, runs: number): ConsumerResult[] {
  return corpora.map(({ name, sources }) => {
    const base = path.join(work, `consumer-${name.replace(/\W+/g, '-')}`)
    rmSync(base, { recursive: true, force: true })
    const out = path.join(base, 'generated')
    run([path.join(root, 'scripts/bin/thresholds.js'), 'build', '--out', out, path.relative(root, sources)], root)
    const ids = JSON.parse(spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(path.join(out, 'package.json'))}).files.filter(f => f.endsWith('/')).map(f => f.slice(0, -1))))`], { encoding: 'utf8' }).stdout) as string[]
    const app = path.join(base, 'app')
    mkdirSync(path.join(app, 'node_modules/@thresholds'), { recursive: true })
    symlinkSync(out, path.join(app, 'node_modules/@thresholds/frameworks'), 'dir')
    writeFileSync(path.join(app, 'package.json'), '{ "type": "module", "private": true }\n')
    const name_ = (i: number) => `f${i}`
    writeFileSync(
      path.join(app, 'package-app.ts'),
      [
        ...ids.map((id, i) => `import * as ${name_(i)} from '@thresholds/frameworks/${id}'`),
        `export const levels = [${ids.map((_, i) => `${name_(i)}.levelById(${name_(i)}.levelOrder[0]!).title`).join(', ')}]`,
        `export const counts = [${ids.map((_, i) => `${name_(i)}.framework.indicators.length`).join(', ')}]`,
      ].join('\n'),
    )
    writeFileSync(
      path.join(app, 'json-app.ts'),
      [
        `import type { Framework } from '@thresholds/frameworks/model'`,
        ...ids.map((id, i) => `import ${name_(i)}Data from '@thresholds/frameworks/${id}/framework.json' with { type: 'json' }`),
        ...ids.map((_, i) => `const ${name_(i)}: Framework = ${name_(i)}Data as Framework`),
        `export const levels = [${ids.map((_, i) => `${name_(i)}.levels[0]!.title`).join(', ')}]`,
        `export const counts = [${ids.map((_, i) => `${name_(i)}.indicators.length`).join(', ')}]`,
      ].join('\n'),
    )
    const options = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], lib: ['ES2022'], skipLibCheck: false }
    writeFileSync(path.join(app, 'tsconfig.package.json'), JSON.stringify({ compilerOptions: options, files: ['package-app.ts'] }))
    writeFileSync(path.join(app, 'tsconfig.json-data.json'), JSON.stringify({ compilerOptions: { ...options, resolveJsonModule: true }, files: ['json-app.ts'] }))
    const packageMs = typeCheck(app, 'tsconfig.package.json', runs)
    const jsonMs = typeCheck(app, 'tsconfig.json-data.json', runs)
    let asConstMs: Summary | undefined
    if (ids.length <= 10) {
      mkdirSync(path.join(app, 'as-const'), { recursive: true })
      for (const id of ids) writeFileSync(path.join(app, 'as-const', `${id}.ts`), `export const framework = ${readFileSync(path.join(out, id, 'framework.json'), 'utf8').trimEnd()} as const\n`)
      writeFileSync(
        path.join(app, 'as-const-app.ts'),
        [
          ...ids.map((id, i) => `import { framework as ${name_(i)} } from './as-const/${id}.js'`),
          `export const levels = [${ids.map((_, i) => `${name_(i)}.levels[0].title`).join(', ')}]`,
          `export const counts = [${ids.map((_, i) => `${name_(i)}.indicators.length`).join(', ')}]`,
        ].join('\n'),
      )
      writeFileSync(path.join(app, 'tsconfig.as-const.json'), JSON.stringify({ compilerOptions: options, files: ['as-const-app.ts'] }))
      asConstMs = typeCheck(app, 'tsconfig.as-const.json', runs)
    }
    return { name, frameworks: ids.length, packageMs, jsonMs, ratio: round(packageMs.median / jsonMs.median, 2), ...(asConstMs ? { asConstMs } : {}) }
  })
}
