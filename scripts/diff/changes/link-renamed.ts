import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'link-renamed',
  impact: 'editorial',
  label: 'Link renamed',
  covers: ['links[].text', 'links[].id'],
  description: 'A link’s text or id changed; where it points did not (matched by id, then address, then text).',
  detect({ links }) {
    const out: Detected[] = []
    for (const pair of links.pairs)
      if (pair.old.text !== pair.new.text || pair.old.id !== pair.new.id)
        out.push({
          subject: { type: 'link', old: { id: pair.old.id, label: pair.old.text }, new: { id: pair.new.id, label: pair.new.text } },
          match: matchOf(pair),
          old: { id: pair.old.id, title: pair.old.text },
          new: { id: pair.new.id, title: pair.new.text },
        })
    return out
  },
})
