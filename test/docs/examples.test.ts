import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { fixtures, frameworkWith, messageLines, parser, repoRoot } from '../helpers.ts'

/*
 * The examples of docs/authoring.md marked ```markdown example="<file>"``` are read here, laid
 * over the minimal framework as that file (with its front-matter when the example has none), and
 * must read as the guide says: no error, and the model holding what the text around them promises.
 * Change an example and this test tells you whether it still works.
 */

const guide = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8')
const examples = [...guide.matchAll(/^```markdown example="([^"]+)"\n([\s\S]*?)^```$/gm)].map((match) => ({ file: match[1] as string, text: match[2] as string }))

function read(example: { file: string; text: string }) {
  const { dir } = frameworkWith()
  const minimal = readFileSync(path.join(fixtures, 'minimal', example.file), 'utf8')
  const front = /^---\n[\s\S]*?\n---\n/.exec(minimal)?.[0] ?? ''
  writeFileSync(path.join(dir, example.file), example.text.startsWith('---\n') ? example.text : `${front}\n${example.text}`)
  // Errors in the example itself: a fragment may leave other levels without indicators.
  return { errors: messageLines(dir).filter((line) => line.startsWith(`${example.file}:`) && / error /.test(line)), framework: loadFrameworks([dir], { parser })[0]?.framework }
}

describe('docs/authoring.md examples', () => {
  it('marks the examples this test reads', () => {
    expect(examples.map((example) => example.file)).toEqual(['framework.md', 'levels/01-early-help.md', 'domains/01-health.md', 'domains/01-health.md', 'domains/01-health.md', 'domains/01-health.md', 'contacts.md', 'domains/01-health.md', 'levels/01-early-help.md'])
  })

  it('a document that states no version, status or review date: “not stated”, and a month for the date it gives', () => {
    const { errors, framework } = read(examples[0] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect([framework?.version, framework?.status, framework?.published, framework?.reviewDue, framework?.summary]).toEqual(['not stated', 'not stated', '2018-09', 'not stated', 'Threshold guidance, updated September 2018.'])
  })

  it('a level’s own list, under no domain: indicators at that level with no domain', () => {
    const { errors, framework } = read(examples[1] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.indicators.filter((indicator) => indicator.domain === undefined)).toEqual([
      { id: 'early-help-routines', level: 'early-help', polarity: 'need', text: 'The family asks for help with bedtimes and routines' },
      { id: 'early-help-money-worries-are-starting-to', level: 'early-help', polarity: 'need', text: 'Money worries are starting to affect the children' },
    ])
  })

  it('resources under an indicator: kept with it, and the list’s own words with the level', () => {
    const { errors, framework } = read(examples[2] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.indicators.map((indicator) => [indicator.text, indicator.resources])).toEqual([['Missing immunisations', '- [Childline](https://www.childline.org.uk/)\n- Shelter: 0808 800 4444']])
    expect(framework?.domains[0]?.cells).toEqual([{ level: 'early-help', text: 'The family is offered support through the school nurse.' }])
  })

  it('related indicators at other levels, by id', () => {
    const { errors, framework } = read(examples[3] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.indicators.map((indicator) => [indicator.id, indicator.level, indicator.related])).toEqual([
      ['health-supervision-early', 'early-help', ['health-supervision-cp']],
      ['health-supervision-cp', 'child-protection', undefined],
    ])
  })

  it('emphasis and links in an indicator: the words as written beside the plain words', () => {
    const { errors, framework } = read(examples[4] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.indicators.map((indicator) => [indicator.text, indicator.markdown])).toEqual([
      ['Sexual behaviour that is harmful to others', 'Sexual behaviour that is **harmful** to others'],
      ['Child is being privately fostered', 'Child is being [privately fostered](https://www.gov.uk/private-fostering)'],
      ['Missing immunisations', undefined],
    ])
  })

  it('a domain titled differently at one level, by level id', () => {
    const { errors, framework } = read(examples[5] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.domains[0]?.titleAtLevel).toEqual({ 'child-protection': 'Keeping well' })
  })

  it('a list partial in the source and a list missing from it', () => {
    const { errors, framework } = read(examples[7] as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.domains[0]?.cells).toEqual([
      { level: 'early-help', completeness: { status: 'partial', reason: 'the web version stops after the first item.' } },
      { level: 'child-protection', completeness: { status: 'missing', reason: 'page 14 of the PDF was not published.' } },
    ])
  })

  it('a level’s “What to do” partial in the source and its consent text missing from it', () => {
    const { errors, framework } = read(examples[8] as (typeof examples)[number])
    expect(errors).toEqual([])
    const level = framework?.levels[0]
    expect([level?.id, level?.whatToDo, level?.consent, level?.whatToDoCompleteness, level?.consentCompleteness]).toEqual([
      'early-help',
      '- Talk to the family.',
      undefined,
      { status: 'partial', reason: 'the web version stops after the first step.' },
      { status: 'missing', reason: 'the consent page was not published.' },
    ])
  })

  it('a contact with several numbers, each with its use, one with its own hours, and a postal address', () => {
    const { errors, framework } = read(examples.find((example) => example.file === 'contacts.md') as (typeof examples)[number])
    expect(errors).toEqual([])
    expect(framework?.contacts[0]).toEqual({
      id: 'front-door',
      name: 'Front door',
      phones: [
        { number: '0121 788 4300', e164: '+441217884300' },
        { number: '0121 605 6060', e164: '+441216056060', use: 'out of hours', hours: { text: 'Outside office hours', outOfHours: true } },
        { number: '0121 496 0000', e164: '+441214960000', use: 'text phone' },
      ],
      hours: { text: 'Mon-Fri 09:00-17:00', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }] },
      email: 'front.door@example.org',
      address: ['Council House', 'Manor Square', 'Solihull B91 3QB'],
      emergency: false,
    })
  })
})
