import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'section-added',
  impact: 'editorial',
  label: 'Section added',
  covers: ['sections[]', 'sections[].id', 'sections[].children[]', 'levels[].sections[]', 'levels[].sections[].id', 'levels[].sections[].children[]'],
  inverse: 'section-removed',
  description: 'A new narrative page, sub-section, or extra section in a level’s file.',
  detect({ sections }) {
    return sections.added.map((item) => ({ subject: { type: 'section', new: { id: item.id, label: item.section.title, ...(item.level ? { level: item.level } : {}) } } }))
  },
})
