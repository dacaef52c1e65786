import { diffArrays } from 'diff'
import { compareStrings } from '../shared/text.ts'
import type { WordPart } from './types.ts'

/**
 * Merges neighbouring parts of the same kind and, within each run of changes, puts what was
 * deleted before what was inserted, so a diff reads “old words, then new words” and has one form.
 */
export function normaliseWords(parts: readonly WordPart[]): WordPart[] {
  const out: WordPart[] = []
  let deleted = ''
  let inserted = ''
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted })
    if (inserted) out.push({ op: 'insert', text: inserted })
    deleted = ''
    inserted = ''
  }
  for (const part of parts) {
    if (part.text === '') continue
    if (part.op === 'delete') deleted += part.text
    else if (part.op === 'insert') inserted += part.text
    else {
      flush()
      const last = out[out.length - 1]
      if (last?.op === 'equal') last.text += part.text
      else out.push({ op: 'equal', text: part.text })
    }
  }
  flush()
  return out
}

/** The same diff read the other way: what was deleted is inserted. */
export function invertWords(parts: readonly WordPart[]): WordPart[] {
  return normaliseWords(parts.map((part) => ({ op: part.op === 'delete' ? 'insert' : part.op === 'insert' ? 'delete' : 'equal', text: part.text })))
}

/**
 * A text as words, each with the spaces after it: punctuation stays with its word, so a diff
 * reads “~~immunisations/checks~~ **immunisations or checks**” rather than marking a lone “/”.
 */
function words(value: string): string[] {
  return value.match(/^\s+|\S+\s*/g) ?? []
}

/**
 * Word-level diff from `before` to `after` (jsdiff's diffArrays over whole words; spacing does not
 * count as a change). The diff is always computed in one direction (the smaller text first) and
 * turned round when needed, so comparing B with A gives exactly the inverse of comparing A with B.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const forward = compareStrings(before, after) <= 0
  const [a, b] = forward ? [before, after] : [after, before]
  const parts: WordPart[] = diffArrays(words(a), words(b), { comparator: (x, y) => x.trim() === y.trim() }).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value.join(''),
  }))
  return forward ? normaliseWords(parts) : invertWords(parts)
}
