import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'link-added',
  impact: 'editorial',
  label: 'Link added',
  covers: ['links[]'],
  inverse: 'link-removed',
  description: 'A new entry in links.md. Where the text uses it, that text change is reported too.',
  detect({ links }) {
    return links.added.map((link) => ({ subject: { type: 'link', new: { id: link.id, label: link.text } }, new: link.url ?? null }))
  },
})
