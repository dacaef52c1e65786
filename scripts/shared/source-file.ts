import { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Point, Position } from 'unist'

/** One file of a framework's sources, with the tools to turn offsets into line and column. */
export interface SourceFile {
  /** Path as shown to users: relative to the working directory, with forward slashes. */
  path: string
  /** Path relative to the framework folder, e.g. `levels/01-universal.md`. */
  relative: string
  /** Text with a leading byte-order mark removed; positions are counted in it. */
  text: string
  vfile: VFile
  toPoint(offset: number): Point
  toOffset(point: { line: number; column: number }): number
  /**
   * Lets go of the text and of the index that turns offsets into lines, once nothing will read
   * them (a build's generation, after its report): reading either afterwards throws.
   */
  releaseText(): void
}

/**
 * `text`: the file's text, or how to read it when first asked for (a file the reader answered by
 * its stamp, parse/read.ts): the file's VFile then reads it too, so a message's excerpt always
 * quotes the text its position is counted in.
 */
export function createSourceFile(path: string, relative: string, text: string | (() => string)): SourceFile {
  let known = typeof text === 'string' ? text : undefined
  let reader = typeof text === 'string' ? undefined : text
  let released = false
  const textNow = () => {
    if (released) throw new Error(`the text of ${path} was let go once it was checked`)
    return (known ??= (reader as () => string)())
  }
  const vfile = new VFile({ path })
  Object.defineProperty(vfile, 'value', {
    get: textNow,
    set: (value: string) => {
      known = String(value)
    },
    enumerable: true,
    configurable: true,
  })
  let place: ReturnType<typeof location> | undefined
  const placeOf = () => (place ??= location(vfile))
  return {
    path,
    relative,
    get text() {
      return textNow()
    },
    vfile,
    toPoint(offset) {
      const text = textNow()
      const clamped = Math.max(0, Math.min(offset, text.length))
      const point = placeOf().toPoint(clamped)
      if (point) return { line: point.line, column: point.column, offset: clamped }
      // End of file: vfile-location answers undefined for the offset just past the last character.
      const lines = text.slice(0, clamped).split(/\r\n|\r|\n/)
      return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: clamped }
    },
    toOffset(point) {
      return placeOf().toOffset(point) ?? textNow().length
    },
    releaseText() {
      released = true
      known = undefined
      reader = undefined
      place = undefined
    },
  }
}

export const FILE_START: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }
