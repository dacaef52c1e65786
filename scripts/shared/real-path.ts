import { realpathSync } from 'node:fs'
import path from 'node:path'

/** The real path, with symbolic links resolved as far as the path exists (the rest kept as written). */
export function realPathOf(absolute: string): string {
  const missing: string[] = []
  let current = path.resolve(absolute)
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse())
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return path.resolve(absolute)
      missing.push(path.basename(current))
      current = parent
    }
  }
}

/** The real path of something that exists, or undefined (missing, a loop, unreadable). */
export function existingRealPath(target: string): string | undefined {
  try {
    return realpathSync.native(target)
  } catch {
    return undefined
  }
}
