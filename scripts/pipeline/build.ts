import type { CheckedFramework } from '../check/index.ts'
import type { EarlyFields } from '../generate/early-fields.ts'
import { renderInWorker } from '../generate/field-renderer.ts'
import { generateIntoFolder, generatorOf, type FrameworkOutputs, type Generator, type Histories, type SkeletonMemo } from '../generate/index.ts'
import type { FieldMemo } from '../generate/markdown.ts'
import { sourcesOf } from '../parse/read.ts'
import { filesUntouched, stampsMatch, stampsOf, type WriteResult } from '../generate/writer.ts'
import { timed } from '../shared/timing.ts'
import { withHeapGrowth } from '../shared/heap-growth.ts'

/** Results of earlier builds (the content cache), wrapped around the generate and write stages. */
export interface BuildMemo {
  /** The generator, answering what earlier builds made from the same inputs. */
  generator(inner: Generator, contexts: readonly CheckedFramework[], outDir: string, umbrellaVersion?: string): Generator
  /** The stamps (writer.ts: stampsOf) of `outDir` as the last build from the same inputs left it. */
  stamps(contexts: readonly CheckedFramework[], outDir: string): Record<string, string> | undefined
  /**
   * Keeps the stamps of `outDir` as this build left it; `frameworks`: each framework's files in it,
   * so that each framework's files are trusted on their own (frameworkStamps).
   */
  rememberStamps(contexts: readonly CheckedFramework[], outDir: string, stamps: Record<string, string>, frameworks?: ReadonlyMap<CheckedFramework, readonly string[]>): void
  /**
   * The stamps of a framework's files in `outDir` as the last build left them, when that build
   * made them from the same inputs (the framework's key): a build with another framework edited
   * keeps them without reading them.
   */
  frameworkStamps?(context: CheckedFramework, outDir: string): Readonly<Record<string, string>> | undefined
  /** Framework modules' skeletons from earlier builds, so a build whose shapes are all known needs no TypeScript compiler. */
  skeletons?: SkeletonMemo
  /** Markdown fields rendered by earlier builds, so an edited framework's unchanged fields are not parsed again. */
  fields?: FieldMemo
}

/**
 * The generate and write stages of `build`, after a check without errors: every file generated
 * into `outDir` (or with `compareOnly` compared with it). With a memo, an output folder left
 * untouched since a build from the same inputs is trusted without generating or reading anything.
 * `env` is the command's environment (THRESHOLDS_WORKERS=0: no render worker); `early`, the fields
 * rendered while the sources were checked (early-fields.ts). The texts of the
 * frameworks' files without messages are let go first: reading one afterwards throws.
 */
export async function buildRun(outDir: string, contexts: readonly CheckedFramework[], options: { memo?: BuildMemo; compareOnly?: boolean; shown?: string; histories?: Histories; umbrellaVersion?: string; env?: Readonly<Record<string, string | undefined>>; early?: EarlyFields } = {}): Promise<WriteResult> {
  const { memo, compareOnly, shown, early } = options
  // Whatever was not rendered while the sources were checked is rendered during generation.
  early?.stop()
  // Generation reads the models, never the sources' texts, and the report is made: the texts of
  // files without messages go (at 1,000 frameworks about 130 MB, a third of what was left).
  for (const context of contexts) for (const source of sourcesOf(context.folder)) if (source.vfile.messages.length === 0) source.releaseText()
  const stamps = memo && timed('cache', () => memo.stamps(contexts, outDir))
  if (stamps && timed('write', () => stampsMatch(outDir, stamps))) return { changed: [], removed: [] }
  // Without a memo every framework is generated: the render worker starts with the first.
  const plain = generatorOf(contexts, options.histories, options.umbrellaVersion, renderInWorker(options.env ?? {}), memo?.skeletons, memo?.fields, !memo, undefined, early)
  const made = new Map<CheckedFramework, readonly string[]>()
  const outputs: FrameworkOutputs | undefined = memo && {
    untouched: (context) => {
      const stamps = memo.frameworkStamps && timed('cache', () => memo.frameworkStamps?.(context, outDir))
      // A framework always has files: an empty list could only come from a damaged entry.
      return stamps && Object.keys(stamps).length > 0 && timed('write', () => filesUntouched(outDir, stamps)) ? Object.keys(stamps) : undefined
    },
    made: (context, files) => made.set(context, files),
  }
  // A large build's heap grows by less between collections (shared/heap-growth.ts): generation makes hundreds of MB of garbage.
  const result = await withHeapGrowth(contexts.length, () => generateIntoFolder(outDir, contexts, { generator: memo ? memo.generator(plain, contexts, outDir, options.umbrellaVersion) : plain, compareOnly, shown, outputs }))
  const upToDate = !compareOnly || (result.changed.length === 0 && result.removed.length === 0)
  if (memo && upToDate) timed('cache', () => memo.rememberStamps(contexts, outDir, stampsOf(outDir), made))
  return result
}
