import { defineRule } from '../define-rule.ts'

/** WCAG 2.4.4: screen-reader users list links out of context, where “click here” says nothing. */
const GENERIC = new Set([
  'click', 'click here', 'click this link', 'here', 'this', 'link', 'this link', 'more', 'read more', 'more info',
  'more information', 'find out more', 'further information', 'go', 'this page', 'website', 'this website', 'web link', 'url',
])

export default defineRule({
  id: 'link-text-descriptive',
  severity: 'warning',
  description: 'Link text says where the link goes, not “click here” or “here” (WCAG 2.4.4, link purpose).',
  messages: {
    generic: 'The link text “{{text}}” does not say where it goes, expected words naming the destination, such as “Request for help and support form”',
  },
  check({ derived, report }) {
    for (const link of derived.links()) {
      if (link.image) continue
      const words = link.text.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim()
      if (GENERIC.has(words))
        report(link.place, 'generic', { text: link.text })
    }
  },
})
