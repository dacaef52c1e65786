import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'section-removed',
  impact: 'editorial',
  label: 'Section removed',
  covers: ['sections[]', 'sections[].id', 'sections[].children[]', 'levels[].sections[]', 'levels[].sections[].id', 'levels[].sections[].children[]'],
  inverse: 'section-added',
  description: 'A narrative page, sub-section, or extra section in a level’s file is gone.',
  detect({ sections }) {
    return sections.removed.map((item) => ({ subject: { type: 'section', old: { id: item.id, label: item.section.title, ...(item.level ? { level: item.level } : {}) } } }))
  },
})
