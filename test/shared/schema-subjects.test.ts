import { describe, expect, it } from 'vitest'
import { count, modelSubject, settingSubject } from '../../scripts/shared/schema-subjects.ts'
import { translateSchemaErrors } from '../../scripts/shared/schema-messages.ts'
import type { ErrorObject } from 'ajv'

const framework = {
  title: 'Minimal',
  matrix: { title: 'Factors', cells: [{ text: 'Some risk' }] },
  contacts: [{ name: 'Front door', address: ['1 High Street'], phones: [{ number: '0121 788 4300', hours: { text: 'Mon-Fri' } }], hours: { text: 'Always' } }],
  levels: [{ title: 'Early Help', completeness: { reason: 'Pages lost' }, children: [{ title: 'Targeted', whatToDo: 'Call' }] }],
  domains: [{ title: 'Health', cells: [{ text: 'Also see' }] }],
  indicators: [{ text: 'Missing immunisations', markdown: '*Missing* immunisations', tags: ['baby'] }],
}

describe('what a schema error is about, named for a content owner', () => {
  const name = modelSubject(framework)
  it.each([
    [['title'], 'The title of the framework'],
    [['indicators', '0', 'text'], 'Indicator “Missing immunisations”'],
    [['indicators', '0', 'markdown'], 'The words with their formatting and links of indicator “Missing immunisations”'],
    [['indicators', '0', 'tags', '0'], 'Tags entry 1 of indicator “Missing immunisations”'],
    [['contacts', '0', 'name'], 'The name of contact “Front door”'],
    [['contacts', '0', 'address', '0'], 'Address line 1 of contact “Front door”'],
    [['contacts', '0', 'phones', '0', 'number'], 'Phone number “0121 788 4300” of contact “Front door”'],
    [['contacts', '0', 'phones', '0', 'hours', 'text'], 'The hours of phone number “0121 788 4300”'],
    [['contacts', '0', 'hours', 'text'], 'The hours of contact “Front door”'],
    [['levels', '0', 'completeness', 'reason'], 'The reason in the completeness note of level “Early Help”'],
    [['levels', '0', 'children', '0', 'whatToDo'], 'The “What to do” text of level “Targeted”'],
    [['domains', '0', 'cells', '0', 'text'], 'The words under a list of domain “Health”'],
    [['matrix', 'title'], 'The title of matrix “Factors”'],
    [['matrix', 'cells', '0', 'text'], 'The text of matrix cell “Some risk”'],
  ])('%j is “%s”', (path, expected) => {
    expect(name(path)).toBe(expected)
  })

  it('quotes at most 60 characters of an entry’s own words', () => {
    const long = `Missing ${'very '.repeat(20)}immunisations`
    expect(modelSubject({ indicators: [{ text: long }] })(['indicators', '0', 'text'])).toBe(`Indicator “${long.slice(0, 57)}...”`)
  })

  it('names a front-matter value by its setting and the setting it is under', () => {
    expect(settingSubject(['title'])).toBe('The setting “title”')
    expect(settingSubject(['rules', 'link-scheme', 'reason'])).toBe('The setting “reason” under “link-scheme”')
    expect(settingSubject(['guidance', '0', 'title'])).toBe('The setting “title” under “guidance”')
  })

  it('writes counts with thousands separated', () => {
    expect([count(7), count(999), count(2000), count(2021), count(200000), count(1234567)]).toEqual(['7', '999', '2,000', '2,021', '200,000', '1,234,567'])
  })
})

describe('size limits say what is too long, how long it is, and the limit', () => {
  const error = (keyword: string, instancePath: string, limit: number): ErrorObject => ({ keyword, instancePath, schemaPath: '', params: { limit } })
  it('for the model', () => {
    const data = { indicators: [{ text: 'x'.repeat(2021) }], contacts: [{ name: 'Front door', address: ['a', 'b', 'c'] }] }
    const messages = translateSchemaErrors([error('maxLength', '/indicators/0/text', 2000), error('maxItems', '/contacts/0/address', 2)], data, modelSubject(data)).map((e) => e.message)
    expect(messages).toEqual([`Indicator “${'x'.repeat(57)}...” is too long: 2,021 characters, expected at most 2,000 characters`, 'The address of contact “Front door” has too many entries: 3, expected at most 2'])
  })

  it('for settings, counting characters rather than UTF-16 units', () => {
    const data = { title: '😀'.repeat(6), rules: { 'link-scheme': { reason: 'short' } } }
    const messages = translateSchemaErrors([error('maxLength', '/title', 5), error('minLength', '/rules/link-scheme/reason', 10)], data).map((e) => e.message)
    expect(messages).toEqual(['The setting “title” is too long: 6 characters, expected at most 5 characters', 'The setting “reason” under “link-scheme” is too short: 5 characters, expected at least 10 characters'])
  })
})
