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
 * Word-level diff from `before` to `after` (jsdiff's diffArrays over whole words). The equal and
 * deleted parts spell `before` exactly and the equal and inserted parts spell `after` exactly: a
 * word in both whose following spaces differ is an equal word, then its old spaces deleted and
 * its new ones inserted (so “development” at the end of one text and “development needs” in the
 * other keep the space before “needs”). The diff is always computed in one direction (the smaller
 * text first) and turned round when needed, so comparing B with A gives exactly the inverse of
 * comparing A with B.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const forward = compareStrings(before, after) <= 0
  const [a, b] = forward ? [before, after] : [after, before]
  const left = words(a)
  const right = words(b)
  const parts: WordPart[] = []
  let i = 0
  let j = 0
  for (const part of diffArrays(left, right, { comparator: (x, y) => x.trim() === y.trim() })) {
    const count = part.count ?? part.value.length
    if (part.added) {
      parts.push({ op: 'insert', text: right.slice(j, j + count).join('') })
      j += count
    } else if (part.removed) {
      parts.push({ op: 'delete', text: left.slice(i, i + count).join('') })
      i += count
    } else {
      for (let k = 0; k < count; k++) {
        const [, word = '', oldSpace = ''] = /^(\S*)(\s*)$/.exec(left[i + k] as string) ?? []
        const [, , newSpace = ''] = /^(\S*)(\s*)$/.exec(right[j + k] as string) ?? []
        parts.push({ op: 'equal', text: word })
        if (oldSpace === newSpace) parts.push({ op: 'equal', text: oldSpace })
        else parts.push({ op: 'delete', text: oldSpace }, { op: 'insert', text: newSpace })
      }
      i += count
      j += count
    }
  }
  return forward ? normaliseWords(parts) : invertWords(parts)
}
