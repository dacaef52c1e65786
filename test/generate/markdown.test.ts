import { describe, expect, it } from 'vitest'
import { addressesOf, renderedFields } from '../../scripts/generate/markdown.ts'
import { renderField } from '../../scripts/generate/render-field.ts'
import type { Framework } from '../../scripts/model/types.ts'

/** A framework with one known link, one pending link and two contacts, and nothing else. */
function framework(summary: string): Framework {
  return {
    formatVersion: 3,
    id: 'test',
    title: 'Test',
    partnership: 'Test Partnership',
    version: '1.0',
    status: 'draft',
    indicatorLayout: 'by-level',
    summary,
    guidance: [],
    levels: [],
    domains: [],
    indicators: [],
    contacts: [
      { id: 'front-door', name: 'Front door', phones: [{ number: '0121 788 4300', e164: '+441217884300' }, { number: '0121 605 6060', e164: '+441216056060', use: 'Out of hours' }], emergency: false },
      { id: 'police', name: 'Police', phones: [{ number: '999' }], emergency: true },
    ],
    links: [
      { id: 'procedures', text: 'Procedures', url: 'https://example.org/procedures', status: 'ok' },
      { id: 'guide', text: 'Guide', status: 'pending' },
    ],
    sections: [],
  } as unknown as Framework
}

const render = (markdown: string) => renderField(markdown, addressesOf(framework(markdown)))

describe('Markdown fields as apps get them', () => {
  it('points #id links at their final address: a link entry its URL, a contact its tel:', () => {
    expect(render('See [the procedures](#procedures) or call [the front door](#front-door) or [999](#police).')).toEqual({
      markdown: 'See [the procedures](https://example.org/procedures) or call [the front door](tel:+441217884300) or [999](tel:999).',
      html: '<p>See <a href="https://example.org/procedures">the procedures</a> or call <a href="tel:+441217884300">the front door</a> or <a href="tel:999">999</a>.</p>',
      text: 'See the procedures or call the front door or 999.',
    })
  })

  it('keeps the words of a link with no address (pending, unknown id, unsafe scheme) and drops the link', () => {
    expect(render('Read [the guide](#guide), [this](#nowhere) and [that](javascript:alert(1)).')).toEqual({
      markdown: 'Read the guide, this and that.',
      html: '<p>Read the guide, this and that.</p>',
      text: 'Read the guide, this and that.',
    })
  })

  it('never turns text into markup, and gives lists and paragraphs as lines of text', () => {
    const rendered = render('A <script>alert(1)</script> b ![pic](https://example.org/x.png)\n\n- one\n- two **bold**')
    expect(rendered.html).not.toMatch(/<script|<img/)
    expect(rendered.markdown).not.toContain('<script')
    expect(rendered.text).toBe('A alert(1) b pic\n\none\ntwo bold')
  })

  it('renders every Markdown field the schema declares, each value once', () => {
    const fields = renderedFields(framework('The [summary](#procedures).'))
    expect([...fields.keys()]).toEqual(['The [summary](#procedures).'])
    expect(fields.get('The [summary](#procedures).')?.html).toBe('<p>The <a href="https://example.org/procedures">summary</a>.</p>')
  })
})
