/**
 * The CLI compiled into dist/ (bin/cli-bundle.ts): its dependencies are bundled in, apart from
 * those it names, and `thresholds check` loads neither generation nor the release history.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Metafile } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleCli, LEFT_IN_NODE_MODULES } from '../../scripts/bin/cli-bundle.ts'
import { repoRoot } from '../helpers.ts'

describe('the compiled CLI', () => {
  let metafile: Metafile
  let outdir: string

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'thresholds-cli-bundle-'))
    metafile = await bundleCli(outdir)
  })
  afterAll(() => rmSync(outdir, { recursive: true, force: true }))

  const outputName = (file: string) => path.relative(path.relative(repoRoot, outdir), file).split(path.sep).join('/')

  it('loads from node_modules only the packages it leaves there', () => {
    const external = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => entry.path))
    const packages = [...new Set(external.filter((name) => !isBuiltin(name)))].sort()
    expect(packages).toEqual(['ts-morph'])
    for (const name of packages) expect(LEFT_IN_NODE_MODULES).toContain(name)
  })

  it('gives check the pipeline and its parsers, and neither generation, the release history, ts-morph nor the online checks until a command needs them', () => {
    const outputs = metafile.outputs
    const output = (file: string) => outputs[file] as Metafile['outputs'][string]
    const cli = Object.keys(outputs).find((file) => outputName(file) === 'cli.js')
    const commands = Object.keys(outputs).find((file) => 'scripts/cli/commands.ts' in output(file).inputs)
    expect(cli).toBeDefined()
    expect(commands).toBeDefined()
    // What `thresholds check` loads: cli.js, the commands' chunk, and what they import statically.
    const loaded = new Set<string>()
    const visit = (file: string) => {
      if (loaded.has(file)) return
      loaded.add(file)
      for (const entry of output(file).imports) if (entry.kind === 'import-statement' && !entry.external) visit(entry.path)
    }
    visit(cli as string)
    visit(commands as string)
    const inputs = [...loaded].flatMap((file) => Object.keys(output(file).inputs))
    const externals = [...loaded].flatMap((file) => output(file).imports.filter((entry) => entry.external && entry.kind === 'import-statement').map((entry) => entry.path))
    // What the check needs is there, bundled in.
    for (const needed of ['scripts/pipeline/check.ts', 'scripts/model/schemas.ts', 'node_modules/yaml/dist/index.js', 'node_modules/mdast-util-to-markdown/lib/index.js'])
      expect(inputs).toContain(needed)
    // What only build, diff and changelog need is in chunks of its own, loaded when they run.
    const allInputs = Object.values(outputs).flatMap((output) => Object.keys(output.inputs))
    for (const later of ['scripts/pipeline/build.ts', 'scripts/cli/history.ts', 'scripts/diff/index.ts', 'scripts/generate/render-field.ts', 'node_modules/diff/libesm/diff/base.js', 'node_modules/hast-util-to-html/lib/index.js', 'node_modules/munkres/dist/munkres.mjs']) {
      expect(allInputs).toContain(later)
      expect(inputs).not.toContain(later)
    }
    expect(externals).not.toContain('ts-morph')
    // Nor Node's HTTP, TLS and DNS modules, which only --online needs.
    expect(externals).toContain('node:worker_threads')
    for (const online of ['node:http', 'node:https', 'node:dns/promises', 'node:tls', 'http', 'https']) expect(externals).not.toContain(online)
    expect(inputs).not.toContain('scripts/online/probe.ts')
    expect(allInputs).toContain('scripts/online/probe.ts')
  })
})
