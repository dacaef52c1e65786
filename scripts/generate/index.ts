import { readFileSync } from 'node:fs'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import type { Framework } from '../model/types.ts'
import type { CheckedFramework } from '../check/index.ts'
import { compareStrings } from '../shared/text.ts'
import { addTime, timed } from '../shared/timing.ts'
import { FieldRenderer, type RenderedBefore } from './field-renderer.ts'
import type { FieldMemo } from './markdown.ts'
import { frameworkJson } from './json.ts'
import { openOutput, type WriteResult } from './writer.ts'
import type { TypescriptPrinter } from './typescript.ts'
import { moduleFiles, shapeOf, type Skeleton } from './skeleton.ts'
import { storedPrints, type Prints } from './printed.ts'
import { codeHeader } from './header.ts'
import { frameworkChangelog, umbrellaChangelog } from './changelog.ts'
import { FIRST_UMBRELLA_VERSION } from '../model/umbrella.ts'
import { frameworkPackageJson, frameworkReadme, modelTypes, packageJson, packageReadme, schemaJson } from './package.ts'

/** Each framework's history (see changelog.ts), by id: Markdown the build read from git. */
export type Histories = ReadonlyMap<string, string>

/** Files by path relative to generated/, in the order they were made. */
export type Files = Array<[string, string]>

/**
 * What the generate stage makes: per framework its JSON, typed module and package files, and
 * the package around them. The content cache wraps it (cache/generate.ts) to answer frameworks
 * and the package from earlier builds.
 */
export interface Generator {
  frameworkFiles(context: CheckedFramework): Promise<Files>
  packageFiles(): Promise<Files>
  /** Lets go of what generation held (the render worker), once every file is made or generation failed. */
  close?(): void
}

/** Skeletons of framework modules from earlier builds (the content cache), by their shape (skeleton.ts: shapeOf). */
export interface SkeletonMemo {
  get(shape: string): Skeleton | undefined
  set(shape: string, skeleton: Skeleton): void
}

/** Takes each generated file as it is made, by path relative to generated/ (see writer.ts). */
export type FileSink = (relative: string, text: string) => void

/** What a build knows of each framework's files in the output folder (the content cache's stamps). */
export interface FrameworkOutputs {
  /**
   * The framework's files, when all of them are in the output folder as a build from the same
   * inputs left them (untouched since): kept without being made, read or compared.
   */
  untouched(context: CheckedFramework): readonly string[] | undefined
  /** The framework's files in this build's output, kept or made. */
  made(context: CheckedFramework, files: readonly string[]): void
}

/**
 * What `build` does after the check: every file generated straight into `outDir` (see
 * `openOutput`), or with `compareOnly` only compared with it. `outDir` is left as it was when
 * generation fails.
 */
export async function generateIntoFolder(outDir: string, contexts: readonly CheckedFramework[], options: { generator?: Generator; compareOnly?: boolean; shown?: string; histories?: Histories; umbrellaVersion?: string; outputs?: FrameworkOutputs } = {}): Promise<WriteResult> {
  const { compareOnly, shown } = options
  // Files kept by their stamps are not carried into a new tree: the folder is updated in place.
  const output = openOutput(outDir, { compareOnly, kind: 'package', shown, inPlace: options.outputs !== undefined })
  try {
    await generateInto(contexts, (relative, text) => output.add(relative, text), options.generator ?? generatorOf(contexts, options.histories, options.umbrellaVersion), options.outputs && { ...options.outputs, keep: (relative) => output.keep(relative) })
    return output.finish()
  } catch (error) {
    output.abort()
    throw error
  }
}

/** Every file the build writes under generated/, by path, in path order (see `generateInto`). */
export async function generateFiles(contexts: readonly CheckedFramework[], histories: Histories = new Map(), umbrellaVersion = FIRST_UMBRELLA_VERSION): Promise<Map<string, string>> {
  const files: Files = []
  await generateInto(contexts, (relative, text) => files.push([relative, text]), generatorOf(contexts, histories, umbrellaVersion))
  return new Map(files.sort(([a], [b]) => compareStrings(a, b)))
}

/**
 * Makes every file the build writes under generated/ (per framework its JSON and typed module,
 * and the package around them) and hands each to `sink` as soon as it is made: a large build
 * then never holds all its output at once (1,000 frameworks make about 0.3 GB of text).
 */
async function generateInto(contexts: readonly CheckedFramework[], sink: FileSink, generator: Generator, outputs?: FrameworkOutputs & { keep(relative: string): void }): Promise<void> {
  try {
    for (const context of contexts) {
      const untouched = outputs?.untouched(context)
      if (untouched) {
        for (const relative of untouched) outputs?.keep(relative)
        outputs?.made(context, untouched)
        continue
      }
      const files = await generator.frameworkFiles(context)
      for (const [relative, text] of files) sink(relative, text)
      outputs?.made(context, files.map(([relative]) => relative))
    }
    for (const [relative, text] of await generator.packageFiles()) sink(relative, text)
  } finally {
    generator.close?.()
  }
}

/**
 * The generator of these frameworks, with `umbrellaVersion` the version of the package holding
 * them all (model/umbrella.ts; the first one when not given). ts-morph is loaded on first use, so that `check` never pays
 * for it, and the models are read only then: a wrapper that answers every file from the cache
 * loads neither. With `renderWorker`, Markdown fields are rendered ahead on a worker thread
 * (field-renderer.ts), from the first framework on when `everyFramework` says every framework of
 * `contexts` is to be generated (no content cache answers any); those of `early` were rendered
 * while the sources were checked (early-fields.ts).
 */
export function generatorOf(contexts: readonly CheckedFramework[], histories: Histories = new Map(), umbrellaVersion = FIRST_UMBRELLA_VERSION, renderWorker = true, skeletons?: SkeletonMemo, fields?: FieldMemo, everyFramework = false, printedAhead: (modelSource: string) => Prints | undefined = storedPrints, early?: RenderedBefore): Generator {
  // Every model, by id: read only for the package's own files (a framework's files need its model alone).
  let all: Framework[] | undefined
  const frameworks = () => (all ??= contexts.map((context) => context.framework).sort((a, b) => compareStrings(a.id, b.id)))
  let types: string | undefined
  const modelSource = () => (types ??= modelTypes(readFileSync(path.join(toolRoot, 'scripts/model/types.ts'), 'utf8')))
  // What compiling the CLI printed ahead (printed.ts), looked up once.
  let ahead: { prints: Prints | undefined } | undefined
  const prints = () => (ahead ??= { prints: timed('generate-ts', () => printedAhead(modelSource())) }).prints
  let loaded: Promise<TypescriptPrinter> | undefined
  const printer = () =>
    (loaded ??= (async () => {
      const start = performance.now()
      const { typescriptPrinter } = await import('./typescript.ts')
      addTime('generate-ts', performance.now() - start)
      return timed('generate-ts', () => typescriptPrinter(frameworks, modelSource()))
    })())
  // A skeleton known from an earlier build (its shape's source is its key) or printed ahead needs no printer.
  const skeletonOf = async (framework: Framework): Promise<Skeleton> => {
    const shape = timed('generate-ts', () => shapeOf(framework))
    const known = skeletons?.get(shape) ?? prints()?.skeleton(shape)
    if (known) return known
    const typescript = await printer()
    const skeleton = timed('generate-ts', () => typescript.skeleton(framework))
    skeletons?.set(shape, skeleton)
    return skeleton
  }
  // The package's model types and index, from the prints when they have them.
  const headed = (files: Files): Files => files.map(([relative, text]) => [relative, `${codeHeader(frameworks())}\n${text}`])
  const packageModules = async (): Promise<Files> => {
    const ahead = prints()
    const index = ahead && timed('generate-ts', () => ahead.index(frameworks()))
    if (ahead && index) return timed('generate-ts', () => headed([...ahead.model(), ...index]))
    const typescript = await printer()
    return timed('generate-ts', () => [...typescript.model(), ...typescript.index()])
  }
  // The contexts themselves, not their models: a model answered from the cache is read only if its fields are rendered.
  const renderer = new FieldRenderer(contexts, renderWorker, { fromFirst: everyFramework, early }, fields)
  return {
    async frameworkFiles(context) {
      const framework = context.framework
      // Asked for first, so the worker starts rendering ahead while ts-morph loads (when the skeleton is not known).
      let start = performance.now()
      const rendering = renderer.rendered(context)
      addTime('generate-ts', performance.now() - start)
      const skeleton = await skeletonOf(framework)
      start = performance.now()
      const rendered = await rendering
      addTime('generate-ts', performance.now() - start)
      return [
        [`${framework.id}/framework.json`, timed('generate-json', () => frameworkJson(framework))],
        // The framework's own package files count as generate-ts, as the package's do (docs/performance.md: Method).
        ...timed('generate-ts', (): Files => [
          ...moduleFiles(framework, skeleton, rendered),
          [`${framework.id}/package.json`, frameworkPackageJson(framework)],
          [`${framework.id}/CHANGELOG.md`, frameworkChangelog(framework, histories.get(framework.id))],
          [`${framework.id}/README.md`, frameworkReadme(framework)],
        ]),
      ]
    },
    async packageFiles() {
      const modules = await packageModules()
      return timed('generate-ts', () => [
        ...modules,
        ['package.json', packageJson(frameworks(), umbrellaVersion)],
        ['README.md', packageReadme(frameworks(), umbrellaVersion)],
        ['CHANGELOG.md', umbrellaChangelog(frameworks(), histories, umbrellaVersion)],
        ['framework.schema.json', schemaJson(frameworks())],
      ])
    },
    close: () => renderer.close(),
  }
}
