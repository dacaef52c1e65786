import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import { existingRealPath } from '../shared/real-path.ts'

/**
 * Watches a folder and every folder inside it, one non-recursive fs.watch per folder.
 *
 * Node 20's `fs.watch(dir, { recursive: true })` on Linux follows files one by one and loses a
 * file once an editor saves it by writing a new file and renaming it over the old one (as
 * `sed -i`, vim and many editors do): later saves go unseen. A watch on each folder sees every
 * change to the files in it, however they are written. New folders are watched as they appear.
 *
 * Each real folder is watched once, and only inside the watched root: a symbolic link that leads
 * back up (`sources/loop -> .`) or out of it is not followed, so a link loop cannot make the walk
 * endless (it once kept `dev` busy for over a minute, deaf to Ctrl-C).
 */
export interface TreeWatcher {
  close(): void
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory()
  } catch {
    return false
  }
}

/** Editor droppings and the like: temporary files that are not sources. */
export function ignoredName(name: string): boolean {
  return /^[.#]|~$|\.(swp|swx|swo|tmp|bak|orig)$|^\d+$/i.test(name)
}

export function watchTree(root: string, onChange: (file: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>()
  /** Real paths of the folders watched, each with the path it is watched under. */
  const real = new Map<string, string>()
  const realRoot = existingRealPath(root) ?? root

  const add = (dir: string) => {
    if (watchers.has(dir) || !isDirectory(dir)) return
    const where = existingRealPath(dir)
    if (!where || (real.has(where) && real.get(where) !== dir)) return
    if (where !== realRoot && !where.startsWith(`${realRoot}${path.sep}`)) return
    let watcher: FSWatcher
    try {
      watcher = watch(dir, (_event, name) => changed(dir, name ? name.toString() : undefined))
    } catch {
      return
    }
    watcher.on('error', () => drop(dir))
    watchers.set(dir, watcher)
    real.set(where, dir)
    let entries: string[] = []
    try {
      entries = readdirSync(dir)
    } catch {
      return
    }
    for (const name of entries) if (!ignoredName(name) && name !== 'node_modules') add(path.join(dir, name))
  }

  const drop = (dir: string) => {
    for (const [watched, watcher] of watchers)
      if (watched === dir || watched.startsWith(`${dir}${path.sep}`)) {
        watcher.close()
        watchers.delete(watched)
        for (const [where, shown] of real) if (shown === watched) real.delete(where)
      }
  }

  const changed = (dir: string, name: string | undefined) => {
    if (!name) {
      onChange(dir)
      return
    }
    if (ignoredName(name)) return
    const file = path.join(dir, name)
    const extension = path.extname(name).toLowerCase()
    if (isDirectory(file)) {
      // A new folder (or one moved in): watch it, and report it so the files already in it are read.
      if (!watchers.has(file)) add(file)
      onChange(file)
      return
    }
    if (watchers.has(file)) {
      // A watched folder was deleted or moved away.
      drop(file)
      onChange(file)
      return
    }
    if (extension === '.md' || extension === '.yaml') onChange(file)
  }

  add(root)
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    },
  }
}
