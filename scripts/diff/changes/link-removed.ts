import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'link-removed',
  impact: 'editorial',
  label: 'Link removed',
  covers: ['links[]'],
  inverse: 'link-added',
  description: 'An entry in links.md is gone. Where the text used it, that text change is reported too.',
  detect({ links }) {
    return links.removed.map((link) => ({ subject: { type: 'link', old: { id: link.id, label: link.text } }, old: link.url ?? null }))
  },
})
