import type { Position } from 'unist'
import { defineRule } from '../define-rule.ts'

const MARKER = /\bTODO\b|\bTB[ACD]\b/g
/** Words standing in for a whole paragraph or bullet that is still to be written, as authors of real documents mark it. */
const STAND_IN = /^(?:details\s+)?(?:to follow|to be (?:confirmed|added|agreed|completed|written)|coming soon)[.!]?$/i

/** The words from the marker to the end of the line, shortened, for the message. */
function quote(text: string, at: number): string {
  const line = text.slice(at).split(/\r\n|\r|\n/)[0]?.trim() ?? 'TODO'
  return line.length > 60 ? `${line.slice(0, 59).trimEnd()}…` : line
}

/**
 * `thresholds new` writes “TODO: …” wherever a new framework needs its own words; until each is
 * replaced, the framework would publish instructions to its editors instead of guidance.
 */
export default defineRule({
  id: 'content-placeholder',
  severity: 'warning',
  description: 'No “TODO”, “TBC”, “TBA” or “TBD” placeholder is left in the text or the settings (`thresholds new` writes “TODO” wherever a new framework needs its own words), and no paragraph or bullet says only “To follow”, “To be confirmed” or “Coming soon”. Notes in comments are not checked.',
  messages: {
    inText: 'This still says “{{words}}”, expected the framework\'s own words in its place',
    inSetting: 'The setting “{{setting}}” still says “{{words}}”, expected the framework\'s own value',
    standIn: 'This says only “{{words}}”, expected the framework\'s own words, or “Missing from the source: …” with the reason when the source does not have them yet',
  },
  check({ parsed, derived, report }) {
    for (const { file, nodes } of derived.nodes()) {
      // Every marker holds “TODO” or “TB”: a file without either has none in any of its texts.
      const mayHoldMarker = file.text.includes('TODO') || file.text.includes('TB')
      for (const node of nodes) {
        // Only a whole paragraph, bullet or cell: “the steps to follow” in a sentence is the framework's own words,
        // also when the sentence has emphasis or a link before them (its last text node is then only “to follow.”).
        if ((node.type === 'paragraph' || node.type === 'tableCell') && node.position) {
          const words = derived.plainText(node)
          if (STAND_IN.test(words)) report({ file, position: node.position }, 'standIn', { words })
        }
        if (!mayHoldMarker || node.type !== 'text' || node.position?.start.offset === undefined || node.position.end.offset === undefined) continue
        const start = node.position.start.offset
        const source = file.text.slice(start, node.position.end.offset)
        for (const match of source.matchAll(MARKER)) {
          const at = start + match.index
          const position: Position = { start: file.toPoint(at), end: file.toPoint(at + match[0].length) }
          report({ file, position }, 'inText', { words: quote(source, match.index) })
        }
      }
      const frontMatter = parsed.frontMatters.get(file)
      if (!frontMatter?.data) continue
      const visit = (value: unknown, path: Array<string | number>) => {
        if (typeof value === 'string') {
          const found = value.search(MARKER)
          if (found !== -1) report({ file, position: frontMatter.locate(path) }, 'inSetting', { setting: path.join('.'), words: quote(value, found) })
        } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]))
        else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key])
      }
      visit(frontMatter.data, [])
    }
  },
})
