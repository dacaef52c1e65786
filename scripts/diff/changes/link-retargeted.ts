import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'link-retargeted',
  impact: 'practice',
  label: 'Link retargeted',
  covers: ['links[].url', 'links[].status'],
  description: 'A link points somewhere else (null: the address is pending): a referral portal or procedure practitioners open has moved.',
  detect({ links }) {
    const out: Detected[] = []
    for (const pair of links.pairs)
      if ((pair.old.url ?? null) !== (pair.new.url ?? null))
        out.push({
          subject: { type: 'link', old: { id: pair.old.id, label: pair.old.text }, new: { id: pair.new.id, label: pair.new.text } },
          match: matchOf(pair),
          old: pair.old.url ?? null,
          new: pair.new.url ?? null,
        })
    return out
  },
})
