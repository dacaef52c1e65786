import type { ParseContext } from './context.ts'

export interface PinEdit {
  file: string
  line: number
  id: string
}

/**
 * Writes each derived id into its source as ` {#id}`, so it no longer changes with the words.
 * Returns the new text of every file that changes; edits run from the end so offsets hold.
 */
export function pinDerivedIds(parsed: ParseContext): { texts: Map<string, string>; edits: PinEdit[] } {
  const byFile = new Map<string, Array<{ offset: number; id: string; line: number }>>()
  for (const entry of parsed.ids) {
    if (entry.explicit || entry.pinAt === undefined) continue
    const list = byFile.get(entry.place.file.path) ?? []
    list.push({ offset: entry.pinAt, id: entry.id, line: entry.place.position.start.line })
    byFile.set(entry.place.file.path, list)
  }
  const texts = new Map<string, string>()
  const edits: PinEdit[] = []
  for (const file of parsed.folder.files) {
    const list = byFile.get(file.source.path)
    if (!list) continue
    let text = file.source.text
    for (const edit of [...list].sort((a, b) => b.offset - a.offset)) {
      const before = text.slice(0, edit.offset)
      // Already an attribute block at the end ({age=baby}): the id goes into it, not into a
      // second block, which would leave the first one in the words.
      const block = /\{([^{}#\n]*)\}\s*$/.exec(before)
      text = block
        ? `${before.slice(0, block.index)}{#${edit.id} ${block[1]?.trim()}}${before.slice(block.index + block[0].length)}${text.slice(edit.offset)}`
        : `${before} {#${edit.id}}${text.slice(edit.offset)}`
    }
    texts.set(file.source.path, text)
    edits.push(...list.map((edit) => ({ file: file.source.path, line: edit.line, id: edit.id })))
  }
  edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
  return { texts, edits }
}
