import { defineRule } from '../define-rule.ts'

/** How a line cut short ends: “and”, “or”, “and…” / “and ...”, an ellipsis, a comma, colon or semicolon. */
const CUT_SHORT = /(?:\b(?:and|or)\s*(?:…|\.{2,})?|…|\.{2,}|[,:;])$/i
const ELLIPSIS = /(?:…|\.{2,})$/

/**
 * Web pages and PDFs copied into Markdown often lose the end of a line, and the bullet then reads
 * as a whole one. A list, quote or paragraph under the bullet may carry on its sentence
 * (“Services such as:”, “A note:”), so only an ellipsis counts there.
 */
export default defineRule({
  id: 'bullet-complete',
  severity: 'warning',
  description:
    'No bullet point ends as if its words were cut short: in “and”, “or”, “and…” or “and ...”, an ellipsis, a comma, a colon or a semicolon (a list, quote or paragraph under the bullet may carry on its sentence, so there only an ellipsis counts). Where the source document itself stops there, suppress the warning and say so in the reason.',
  messages: {
    cutShort: 'This bullet point ends in “{{ending}}”, as if its words were cut short, expected the rest of its words; if the source itself stops there, suppress this warning with that reason',
  },
  check({ derived, report }) {
    for (const { file, nodes } of derived.ofType('listItem'))
      for (const node of nodes) {
        const own = node.children[0]
        if (own?.type !== 'paragraph' || !own.position) continue
        const ending = CUT_SHORT.exec(endOf(derived.plainText(own)))?.[0]
        if (!ending) continue
        if (node.children.length > 1 && !ELLIPSIS.test(ending)) continue
        report({ file, position: own.position }, 'cutShort', { ending })
      }
  },
})

/**
 * The end of a bullet's words that CUT_SHORT can match, so that it is not tried at every character
 * of a long bullet: the trailing run of spaces, dots and ellipses, and the four characters before
 * it. A match of “and” or “or” ends where that run starts (what follows it is all spaces and
 * dots), so it starts at most three characters before, and the fourth is the one its \b reads;
 * every other ending lies in the run or is the last character.
 */
function endOf(words: string): string {
  let start = words.length
  while (start > 0 && TRAILING.test(words.charAt(start - 1))) start--
  return words.slice(Math.max(0, start - 4))
}

const TRAILING = /^[\s.…]$/
