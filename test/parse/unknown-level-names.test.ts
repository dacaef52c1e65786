import { describe, expect, it } from 'vitest'
import { built, MINIMAL } from './in-memory.ts'

/*
 * A domain heading or a matrix column that names no level, or several levels sharing a name
 * (scripts/parse/unknown-heading.ts): the message says what was expected, and the names it may
 * have meant are its suggestions (“did you mean”). Built in memory on this thread.
 */

const HEALTH = MINIMAL['domains/01-health.md'] as string
const EARLY = MINIMAL['levels/01-early-help.md'] as string

/** The unknown-heading messages of a build: place, text and suggestions. */
function reported(files: Record<string, string | null>): Array<[string, string, string[]]> {
  return built(files)
    .folder.files.flatMap((file) => file.source.vfile.messages.map((message) => ({ file: file.source.relative, message })))
    .filter(({ message }) => message.ruleId === 'unknown-heading')
    .map(({ file, message }) => [`${file}:${message.line}:${message.column}`, message.reason, message.expected ?? []])
}

/** A third and fourth level titled “Early Help”, the first of them with a label. */
const SHARED_TITLE = {
  'levels/03-early-help-again.md': '---\nid: eh3\ntitle: Early Help\nlabel: Level 3\nrank: 3\n---\n\nAgain.\n\n## Contacts\n\n- [Front door](#front-door)\n',
  'levels/04-early-help-more.md': '---\nid: eh4\ntitle: Early Help\nrank: 4\n---\n\nMore.\n\n## Contacts\n\n- [Front door](#front-door)\n',
}

describe('a heading that names no level', () => {
  it('suggests the nearest level’s name', () => {
    expect(reported({ 'domains/01-health.md': HEALTH.replace('## Early Help', '## Early Hlp') })).toEqual([
      ['domains/01-health.md:6:1', "The heading “Early Hlp” names no level, expected a level's title or id", ['Early Help']],
    ])
  })
})

const AMBIGUOUS_HEADING: [string, string, string[]] = [
  'domains/01-health.md:6:1',
  "The heading “Early Help” could be any of 3 levels with that name, “Early Help” (early-help), “Level 3: Early Help” (eh3) and “Early Help” (eh4), expected one: add the level's id, such as “Early Help {level=early-help}”",
  ['Early Help {level=early-help}', 'Level 3', 'Early Help {level=eh4}'],
]

describe('a heading several levels share', () => {
  it('names them all and suggests each one’s label, or its title with its id', () => {
    expect(reported({ ...SHARED_TITLE })).toEqual([AMBIGUOUS_HEADING])
  })
})

describe('a matrix column', () => {
  it('that names no level suggests the nearest level’s name, a label among them', () => {
    expect(reported({ 'matrix.md': '---\ntitle: Matrix\n---\n\n| Factor | Level 33 |\n| --- | --- |\n| How severe? {#severity} | Severe |\n', ...SHARED_TITLE })).toEqual([
      AMBIGUOUS_HEADING,
      ['matrix.md:5:10', "The column “Level 33” names no level, expected a level's title or id", ['Level 3']],
    ])
  })

  it('that several levels share names them, and when the first has a label, says to write it', () => {
    const levels = '“Level 1: Early Help” (early-help), “Level 3: Early Help” (eh3) and “Early Help” (eh4)'
    expect(reported({ 'matrix.md': '---\ntitle: Matrix\n---\n\n| Factor | Early Help |\n| --- | --- |\n| How severe? {#severity} | Severe |\n', 'levels/01-early-help.md': EARLY.replace('rank: 1', 'rank: 1\nlabel: Level 1'), ...SHARED_TITLE })).toEqual([
      ['domains/01-health.md:6:1', `The heading “Early Help” could be any of 3 levels with that name, ${levels}, expected one: write the level's label, such as “## Level 1”, or add {level=early-help}`, ['Level 1', 'Level 3', 'Early Help {level=eh4}']],
      ['matrix.md:5:10', `The column “Early Help” could be any of 3 levels with that name, ${levels}, expected one: write the level's label, such as “Level 1”, or add {level=early-help}`, ['Level 1', 'Level 3', 'Early Help {level=eh4}']],
    ])
  })
})

describe('in a framework of strengths and needs', () => {
  it('a heading that names no level is also said not to be a list', () => {
    expect(reported({ 'framework.md': (MINIMAL['framework.md'] as string).replace('by-level', 'strengths-and-needs'), 'domains/01-health.md': HEALTH.replace('## Early Help', '## Strenghts') })).toEqual([
      ['domains/01-health.md:6:1', "The heading “Strenghts” names no level and is not “Strengths” or “Needs”, expected a level's title or id, or “Strengths and protective factors” / “Needs and risks”", []],
    ])
  })
})
