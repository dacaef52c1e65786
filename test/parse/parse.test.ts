import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHours } from '../../scripts/parse/hours.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { closest, findAttributeBlock, slugify } from '../../scripts/shared/text.ts'
import { frameworkWith, messageLines, modelOf, parser, repoRoot } from '../helpers.ts'

describe('slugify', () => {
  it('derives ids as documented: lower case, no accents, hyphens, at most eight whole words and 40 characters', () => {
    expect(slugify('Dental & optical care')).toBe('dental-and-optical-care')
    expect(slugify('Café’s naïve rôle')).toBe('cafes-naive-role')
    expect(slugify('one two three four five six seven eight nine ten')).toBe('one-two-three-four-five-six-seven-eight')
    // Cut before the word that would pass 40 characters, never inside it.
    expect(slugify('one two three four five six seven eight nine ten', 'health')).toBe('health-one-two-three-four-five-six-seven')
    expect(slugify('Child/young person experiences persistent bullying', 'identity-and-self-esteem')).toBe('identity-and-self-esteem-child-young')
    // The first word always comes; only a single word longer than any id is cut.
    expect(slugify('Safeguarding', 'identity-and-self-esteem-and-wellbeing')).toBe('identity-and-self-esteem-and-wellbeing-safeguarding')
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(80))
  })

  it('reads text beyond ASCII through its compatibility form, and plain ASCII as it is', () => {
    // Full-width letters and a ligature become ASCII letters; combining accents are dropped.
    expect(slugify('Ｆｕｌｌ ｗｉｄｔｈ ﬁle')).toBe('full-width-file')
    expect(slugify('Cafe\u0301 ‘quoted’ words')).toBe('cafe-quoted-words')
    expect(slugify("Child's `own` words & Co")).toBe('childs-own-words-and-co')
    expect(slugify('--- ... ---')).toBe('item')
    expect(slugify('--- ... ---', 'health')).toBe('health')
  })
})

describe('attribute blocks', () => {
  it('reads an id and settings at the end of a line', () => {
    const block = findAttributeBlock('I am a baby and I cry {#cry age=baby related=a,b}')
    expect(block?.attributes).toEqual({ id: 'cry', values: { age: 'baby', related: 'a,b' } })
    expect(block?.start).toBe('I am a baby and I cry'.length)
  })

  it('leaves ordinary braces alone', () => {
    expect(findAttributeBlock('Ask {see the note}')).toBeUndefined()
  })

  it('reports an invalid id', () => {
    expect(findAttributeBlock('Text {#Early_Help}')?.problems[0]?.message).toBe('“Early_Help” is not a valid id, expected lower-case letters, digits and single hyphens such as “early-help”')
  })
})

describe('opening hours', () => {
  it('reads day ranges and times', () => {
    expect(parseHours('Mon-Thu 08:45-17:20; Fri 08:45-16:30')).toEqual({
      ok: true,
      hours: {
        text: 'Mon-Thu 08:45-17:20; Fri 08:45-16:30',
        weekly: [
          { days: ['mon', 'tue', 'wed', 'thu'], opens: '08:45', closes: '17:20' },
          { days: ['fri'], opens: '08:45', closes: '16:30' },
        ],
      },
    })
    expect(parseHours('24/7')).toMatchObject({ ok: true, hours: { always: true } })
    expect(parseHours('Out of hours (evenings and weekends)')).toMatchObject({ ok: true, hours: { outOfHours: true } })
  })

  it('refuses what it cannot read', () => {
    expect(parseHours('Mon-Fri 17:00-09:00')).toMatchObject({ ok: false, problem: '“Mon-Fri 17:00-09:00” closes before it opens' })
    expect(parseHours('Funday 09:00-10:00')).toMatchObject({ ok: false })
  })
})

describe('did you mean', () => {
  it('suggests the closest name and nothing when far off', () => {
    expect(closest('verison', ['version', 'status', 'title'])).toEqual(['version'])
    expect(closest('zzzzzz', ['version', 'status'])).toEqual([])
  })
})

describe('front-matter', () => {
  it('points a schema error at the key’s own line and column, not line 1', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), '---\nid: early-help\ntitle: Early Help\nrank: two\nfamilyAgrement: needed\n---\n\n## What to do\n\n- Talk.\n')
    const lines = messageLines(dir, undefined, { suggestions: true }).filter((line) => line.includes('[frontmatter-schema]') || line.startsWith('  '))
    expect(lines).toEqual([
      'levels/01-early-help.md:4:7 error “rank” is “two”, expected a whole number [frontmatter-schema]',
      'levels/01-early-help.md:5:1 error Unknown setting “familyAgrement”, expected one of “id”, “title”, “shortTitle”, “label”, “rank”, “parent”, “familyAgreement”, “familyAgreementCondition”, “indicatorPolarity” [frontmatter-schema]',
      '  did you mean “familyAgreement”?',
    ])
  })

  it('keeps reading a level with one bad setting, so its other problems still show', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), '---\nid: early-help\ntitle: Early Help\nrnak: 1\n---\n\nSee [steps](#nowhere).\n')
    const lines = messageLines(dir)
    expect(lines).toContain('levels/01-early-help.md:7:5 error The link “steps” points to “#nowhere”, which is neither an id in this framework nor a heading in this file, expected an id, a heading in this file, or a file of this framework [link-resolves]')
    expect(lines.filter((line) => line.includes('[unknown-heading]'))).toEqual([])
  })

  it('keeps the sound settings of a framework.md with a misspelt one, so its problem is not buried under others', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'thresholds-')), 'sources/shropshire')
    cpSync(path.join(repoRoot, 'sources/shropshire'), dir, { recursive: true })
    const file = path.join(dir, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title:/m, 'titel:'))
    // One message, at the misspelling: the indicator layout and partnership still read.
    expect(messageLines(dir, undefined, { suggestions: true })).toEqual(['framework.md:3:1 error Unknown setting “titel”, and “title” is missing, expected “title” in its place [frontmatter-schema]', '  did you mean “title”?'])
  })

  it('says a misspelt required setting once, at the misspelling, in a level as in framework.md', () => {
    const { dir } = frameworkWith()
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace(/^rank:/m, 'rnak:'))
    expect(messageLines(dir, undefined, { suggestions: true })).toEqual(['levels/01-early-help.md:4:1 error Unknown setting “rnak”, and “rank” is missing, expected “rank” in its place [frontmatter-schema]', '  did you mean “rank”?'])
  })

  it('still says a required setting is missing when no unknown setting is near its name', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^partnership:/m, 'organisation:'))
    expect(messageLines(dir, undefined, { suggestions: true }).filter((line) => !line.startsWith('  '))).toEqual([
      'framework.md:2:1 error The setting “partnership” is missing, expected a line “partnership: ...” [frontmatter-schema]',
      expect.stringMatching(/^framework\.md:4:1 error Unknown setting “organisation”, expected one of “id”, “title”, “partnership”/),
    ])
  })

  it('reports YAML syntax errors at their place, with CRLF line endings too', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), '---\r\nid: early-help\r\ntitle: Early Help\r\ntitle: Again\r\nrank: 1\r\n---\r\n')
    expect(messageLines(dir).filter((line) => line.includes('[yaml-syntax]'))).toEqual([
      'levels/01-early-help.md:4:1 error The setting “title” is written twice, expected each setting once [yaml-syntax]',
    ])
  })

  it('refuses YAML aliases', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\nid: &a health\ntitle: *a\n---\n')
    expect(messageLines(dir).some((line) => line.startsWith('domains/01-health.md:3:8 error The front-matter uses a YAML alias'))).toBe(true)
  })
})

describe('model', () => {
  it('places indicators at levels named by title or id; nested bullets are the indicator’s resources', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: Health\n---\n\n## early-help\n\n- Parent {#p age=baby}\n  - Child item\n\n## Child Protection\n\n- Serious {#s polarity=strength}\n')
    const [parsed] = loadFrameworks([dir], { parser })
    expect(parsed?.framework.indicators).toEqual([
      { id: 'p', domain: 'health', level: 'early-help', polarity: 'need', text: 'Parent', age: 'baby', resources: '- Child item' },
      { id: 's', domain: 'health', level: 'child-protection', polarity: 'strength', text: 'Serious' },
    ])
  })

  it('orders levels by rank, not by file name', () => {
    const { dir } = frameworkWith()
    mkdirSync(path.join(dir, 'levels'), { recursive: true })
    writeFileSync(path.join(dir, 'levels/00-universal.md'), '---\nid: universal\ntitle: Universal\nrank: 0\n---\n\n## What to do\n\n- Nothing extra.\n\n## Contacts\n\n- [Front door](#front-door)\n')
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), '---\nid: early-help\ntitle: Early Help\nrank: 5\n---\n\n## What to do\n\n- Talk.\n\n## Contacts\n\n- [Front door](#front-door)\n')
    const [parsed] = loadFrameworks([dir], { parser })
    expect(parsed?.framework.levels.map((l) => [l.id, l.order])).toEqual([
      ['universal', 0],
      ['child-protection', 1],
      ['early-help', 2],
    ])
  })

  it('rewrites internal links in Markdown fields to #id and drops author comments', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), '---\nid: early-help\ntitle: Early Help\nrank: 1\n---\n\n<!-- note for editors -->\nCall the [front door](../contacts.md#front-door).\n\n## What to do\n\n- Talk.\n\n## Contacts\n\n- [Front door](#front-door)\n')
    const [parsed] = loadFrameworks([dir], { parser })
    const level = parsed?.framework.levels.find((l) => l.id === 'early-help')
    expect(level?.description).toBe('Call the [front door](#front-door).')
    expect(level?.contacts).toEqual(['front-door'])
  })

  it('derives ids from words and makes clashes unique in file order', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Poor diet\n- Poor diet!\n\n## Child protection\n\n- Injury {#health-poor-diet-3}\n')
    const [parsed] = loadFrameworks([dir], { parser })
    expect(parsed?.framework.indicators.map((i) => i.id)).toEqual(['health-poor-diet', 'health-poor-diet-2', 'health-poor-diet-3'])
  })
})

describe('thresholds ids --write (pinDerivedIds)', () => {
  it('pins a derived id into the attribute block a line already has, so the block is still read', async () => {
    const { pinDerivedIds } = await import('../../scripts/parse/pin-ids.ts')
    const { dir } = frameworkWith()
    const domain = path.join(dir, 'domains/01-health.md')
    writeFileSync(domain, '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Missing immunisations {age=under-5}\n- Missed dental checks\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n')
    const [parsed] = loadFrameworks([dir], { parser })
    if (!parsed) throw new Error('not loaded')
    const { texts } = pinDerivedIds(parsed)
    const pinned = texts.get(parsed.folder.files.find((f) => f.source.relative === 'domains/01-health.md')?.source.path ?? '')
    expect(pinned).toContain('- Missing immunisations {#health-missing-immunisations age=under-5}\n')
    expect(pinned).toContain('- Missed dental checks {#health-missed-dental-checks}\n')
    writeFileSync(domain, pinned ?? '')
    const [again] = loadFrameworks([dir], { parser })
    expect(again?.framework.indicators.find((i) => i.id === 'health-missing-immunisations')).toMatchObject({ text: 'Missing immunisations', age: 'under-5' })
  })
})

describe('parsing on worker threads', () => {
  it('gives the same trees as parsing in this thread, in input order', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs')
    const { parseInWorkers } = await import('../../scripts/parse/workers.ts')
    const { markdownProcessor } = await import('../../scripts/parse/markdown.ts')
    const { repoRoot } = await import('../helpers.ts')
    const { ParseBudget } = await import('../../scripts/parse/budget.ts')
    const files = (d: string): string[] => readdirSync(d).sort().flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? files(path.join(d, n)) : [path.join(d, n)]))
    const texts = files(path.join(repoRoot, 'sources/solihull')).map((file) => readFileSync(file, 'utf8'))
    // A budget no machine load can use up: this test is about the trees, not the limits.
    const trees = await parseInWorkers(texts, 2, new ParseBudget({ seconds: 1e6, memoryMb: 1024 }))
    expect(trees).toHaveLength(texts.length)
    trees.forEach((tree, i) => expect(tree).toEqual(markdownProcessor().parse(texts[i] ?? '')))
  })

  it('spends the budget from the first worker ready to parse, not while the threads start and load the parser', async () => {
    const { parseInWorkers } = await import('../../scripts/parse/workers.ts')
    const { ParseBudget } = await import('../../scripts/parse/budget.ts')
    const budget = new ParseBudget({ seconds: 1e6, memoryMb: 1024 })
    const started = performance.now()
    await parseInWorkers(['# One', '- two'], 2, budget)
    const elapsed = performance.now() - started
    const spent = 1e9 - budget.remainingMs()
    // Loading the Markdown parser into a fresh thread takes tens of milliseconds even on a fast,
    // idle machine, and longer on a busy one; parsing two lines takes well under one.
    expect(spent).toBeGreaterThan(0)
    expect(spent).toBeLessThan(elapsed - 5)
  })

  it('stops a file still being parsed when the time runs out, while the other worker reads the rest', async () => {
    const { parseInWorkers } = await import('../../scripts/parse/workers.ts')
    const { markdownProcessor } = await import('../../scripts/parse/markdown.ts')
    const { ParseBudget, ParseLimitError } = await import('../../scripts/parse/budget.ts')
    // 16,000 headings underlined with “-” take over a minute; 10 s is ample for two short files on a busy machine.
    const slow = 'a\n-\n'.repeat(16_000)
    const results = await parseInWorkers([slow, '# One', '- two'], 2, new ParseBudget({ seconds: 10, memoryMb: 1024 }))
    expect(results[0]).toBeInstanceOf(ParseLimitError)
    expect((results[0] as Error).message).toBe('parsing may take 10 s for all files of the run and 1024 MB')
    expect(results.slice(1)).toEqual([markdownProcessor().parse('# One'), markdownProcessor().parse('- two')])
  })

  it('gives a file whose worker runs out of memory a ParseLimitError, and parses the next on a fresh worker', async () => {
    const { parseInWorkers } = await import('../../scripts/parse/workers.ts')
    const { markdownProcessor } = await import('../../scripts/parse/markdown.ts')
    const { ParseBudget, ParseLimitError } = await import('../../scripts/parse/budget.ts')
    // 2 MB of short bullet points need several GB; the one worker may use 64 MB.
    const results = await parseInWorkers(['# Before', '- x\n'.repeat(500_000), '# After'], 1, new ParseBudget({ seconds: 1e6, memoryMb: 64 }))
    expect(results[0]).toEqual(markdownProcessor().parse('# Before'))
    expect(results[1]).toBeInstanceOf(ParseLimitError)
    expect(results[2]).toEqual(markdownProcessor().parse('# After'))
  })
})

describe('over-long ids', () => {
  it('are reported as too long, with a short suggestion of whole words', () => {
    const id = 'identity-and-self-esteem-child-young-person-experiences-persistent-bullying-and-discrimination'
    expect(findAttributeBlock(`Bullied {#${id}}`)?.problems[0]?.message).toBe(
      `“identity-and-self-esteem-child-young…” is ${id.length} characters long, expected an id of at most 80 such as “identity-and-self-esteem-child-young”`,
    )
  })
})

describe('hours in words', () => {
  it('keeps words as text, with structured hours only where they can be read', () => {
    expect(parseHours('Outside office hours')).toEqual({ ok: true, hours: { text: 'Outside office hours', outOfHours: true } })
    expect(parseHours('24 hours, 7 days')).toEqual({ ok: true, hours: { text: '24 hours, 7 days', always: true } })
    expect(parseHours('School term time only')).toEqual({ ok: true, hours: { text: 'School term time only' } })
    expect(parseHours('Mondays 9 till 5')).toMatchObject({ ok: false })
  })
})

describe('ages', () => {
  it('accepts the age groups sources print, and refuses others with the accepted forms', () => {
    const { dir } = frameworkWith()
    writeFileSync(
      path.join(dir, 'domains/01-health.md'),
      '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Unborn {#a age=pre-birth}\n- Small {#b age=under-5}\n- Teen {#c age=11-17}\n- Older {#d age=over-13}\n- Odd {#e age=teenager}\n- Backwards {#f age=17-11}\n\n## Child protection\n\n- Serious {#s}\n',
    )
    expect(modelOf(dir).indicators.map((indicator) => [indicator.id, indicator.age])).toEqual([
      ['a', 'pre-birth'], ['b', 'under-5'], ['c', '11-17'], ['d', 'over-13'], ['e', undefined], ['f', undefined], ['s', undefined],
    ])
    const accepted = 'expected one of “pre-birth” (or “unborn”), “baby”, “under-5”, “over-13”, “13-plus” or a range of years such as “11-17” [invalid-attributes]'
    expect(messageLines(dir, [])).toEqual([
      `domains/01-health.md:12:7 error “age=teenager” is not an age group, ${accepted}`,
      `domains/01-health.md:13:13 error “age=17-11” is not an age group, ${accepted}`,
    ])
  })
})
