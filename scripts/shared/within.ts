import path from 'node:path'

/**
 * True when `inner` is `outer` or inside it, by the paths as written: a relative path is taken
 * from the working folder, `.`/`..` segments and trailing separators are resolved away, and a
 * folder whose name merely starts with two dots (`..x`, `...`) is inside like any other.
 * Symbolic links are not followed here: callers pass real paths when links matter.
 */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner))
  if (relative === '') return true
  if (path.isAbsolute(relative)) return false // another drive on Windows
  return relative !== '..' && !relative.startsWith(`..${path.sep}`)
}
