/**
 * Velite configured for the benchmark corpus, as a partnership would set it up for the same files:
 * one collection per file kind, a zod schema with the same required settings as Thresholds'
 * front-matter schemas, each body rendered from Markdown (GFM) to HTML, JSON and a typed entry
 * written out. Used by `npm run bench` (run-once.ts, mode `velite`); VELITE_ROOT is the corpus's
 * sources folder, VELITE_OUT where the data goes.
 */
import { defineCollection, defineConfig, s } from 'velite'

const id = s.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
const body = { content: s.markdown() }

export default defineConfig({
  root: process.env.VELITE_ROOT ?? 'sources',
  output: { data: process.env.VELITE_OUT ?? '.velite', assets: `${process.env.VELITE_OUT ?? '.velite'}/static`, base: '/static/', name: '[name]-[hash:8].[ext]', clean: true, format: 'esm' },
  // Thresholds resolves links between files itself; Velite would copy the linked files as assets.
  markdown: { gfm: true, removeComments: true, copyLinkedFiles: false },
  collections: {
    frameworks: defineCollection({
      name: 'Framework',
      pattern: '*/framework.md',
      schema: s.object({
        id,
        title: s.string().min(1),
        partnership: s.string().min(1),
        region: s.string().optional(),
        version: s.string().min(1).max(20),
        status: s.enum(['draft', 'consultation', 'approved', 'published', 'superseded', 'withdrawn']),
        published: s.isodate().optional(),
        reviewDue: s.isodate().optional(),
        indicatorLayout: s.enum(['by-level', 'strengths-and-needs']),
        guidance: s.array(s.object({ title: s.string().min(1), edition: s.number().int() })).optional(),
        ...body,
      }),
    }),
    levels: defineCollection({
      name: 'Level',
      pattern: '*/levels/*.md',
      schema: s.object({ id, title: s.string().min(1), rank: s.number().int(), parent: id.optional(), familyAgreement: s.string().optional(), ...body }),
    }),
    domains: defineCollection({ name: 'Domain', pattern: '*/domains/*.md', schema: s.object({ id, title: s.string().min(1), parent: id.optional(), ...body }) }),
    contacts: defineCollection({ name: 'Contacts', pattern: '*/contacts.md', schema: s.object({ title: s.string().min(1), ...body }) }),
    links: defineCollection({ name: 'Links', pattern: '*/links.md', schema: s.object({ title: s.string().min(1), ...body }) }),
    matrices: defineCollection({ name: 'Matrix', pattern: '*/matrix.md', schema: s.object({ title: s.string().min(1), rule: s.string().optional(), ...body }) }),
    sections: defineCollection({ name: 'Section', pattern: '*/sections/*.md', schema: s.object({ id, ...body }) }),
  },
})
