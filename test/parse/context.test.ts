import { describe, expect, it } from 'vitest'
import type { Position } from 'unist'
import { assignId, createContext, place, registerId, settingPlace, settleDerivedIds, type ParseContext, type Place } from '../../scripts/parse/context.ts'
import { FILE_START } from '../../scripts/shared/source-file.ts'
import { built, folderOf } from './in-memory.ts'
import { spansOf } from './spans.ts'

/*
 * The parsing context (scripts/parse/context.ts) on its own: what a framework starts as, how a
 * parse problem is filed, where a setting of framework.md is, and how ids are registered and
 * derived ids handed out (taken names and names Windows keeps for devices skipped).
 */

const at = (position: Position): string => `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`

/** An empty context over the minimal framework's files, and a place in its framework.md. */
function fresh(): { context: ParseContext; here: Place } {
  const context = createContext(folderOf({}))
  const file = context.folder.files[0]?.source
  if (!file) throw new Error('no framework.md')
  return { context, here: { file, position: FILE_START } }
}

describe('createContext', () => {
  it('starts a framework named by its folder, with nothing read yet', () => {
    const { context } = fresh()
    expect(context.framework).toStrictEqual({
      formatVersion: 3,
      id: 'minimal',
      title: 'minimal',
      partnership: '',
      version: '0.0',
      status: 'draft',
      indicatorLayout: 'by-level',
      guidance: [],
      levels: [],
      domains: [],
      indicators: [],
      contacts: [],
      links: [],
      sections: [],
    })
    expect([context.ids, context.pendingIds, context.linkUses, context.deferred, context.flatLevels, context.flatDomains, context.ruleConfigs]).toStrictEqual([[], [], [], [], [], [], []])
    expect([context.places.size, context.byId.size, context.usesByNode.size, context.anchors.size, context.fileNodes.size, context.levelsByLabel.size, context.levelPolarity.size]).toStrictEqual([0, 0, 0, 0, 0, 0, 0])
    expect([context.contactWeb.size, context.matrixFactorOf.size, context.resolutions.size, context.trees.size, context.frontMatters.size, context.levelsWithUnreadLists.size]).toStrictEqual([0, 0, 0, 0, 0, 0])
  })

  it('files a parse problem as an error, with its place, rule and options', () => {
    const { context, here } = fresh()
    context.problem(here.file, { start: { line: 2, column: 3, offset: 6 }, end: { line: 2, column: 9, offset: 12 } }, 'Something is wrong', 'misplaced-content', { note: 'why' })
    const [message] = here.file.vfile.messages
    expect([here.file.vfile.messages.length, message?.reason, message?.fatal, message?.ruleId, message?.note, message?.place && 'start' in message.place ? at(message.place) : undefined]).toStrictEqual([
      1,
      'Something is wrong',
      true,
      'misplaced-content',
      'why',
      '2:3-2:9',
    ])
  })
})

describe('settingPlace', () => {
  it('is the value of a setting of framework.md, or all its settings for one it leaves out', () => {
    const context = built()
    const framework = context.folder.files.find((file) => file.kind === 'framework')
    const where = (key: string): [string | undefined, string | undefined] => {
      const found = settingPlace(context, key)
      return [found?.file.relative, found && at(found.position)]
    }
    expect(framework?.source.relative).toBe('framework.md')
    expect(where('title')).toStrictEqual(['framework.md', '3:8-3:25'])
    expect(where('version')).toStrictEqual(['framework.md', '5:10-5:15'])
    expect(where('region')).toStrictEqual(['framework.md', '2:1-7:26'])
  })

  it('is nowhere without framework.md, or when framework.md has no front-matter', () => {
    expect(settingPlace(built({ 'framework.md': null }), 'title')).toBeUndefined()
    const context = built({ 'framework.md': '# Minimal\n' })
    expect(context.folder.files.some((file) => file.kind === 'framework')).toBe(true)
    expect(settingPlace(context, 'title')).toBeUndefined()
  })
})

describe('place', () => {
  it('marks each node given as placed, skipping the ones that are not there', () => {
    const { context } = fresh()
    const [a, b, c] = [{}, {}, {}]
    place(context, [a, undefined, b])
    expect([context.placed.has(a), context.placed.has(b), context.placed.has(c)]).toStrictEqual([true, true, false])
  })
})

describe('ids', () => {
  it('registerId keeps every entry, duplicates too, and the first of a name for lookup', () => {
    const { context, here } = fresh()
    const [first, second] = [{ id: 'a' }, { id: 'a' }]
    registerId(context, { id: 'a', kind: 'level', node: first, place: here, explicit: true })
    registerId(context, { id: 'a', kind: 'domain', node: second, place: here, explicit: true })
    expect(context.ids.map((entry) => [entry.id, entry.kind])).toStrictEqual([
      ['a', 'level'],
      ['a', 'domain'],
    ])
    expect(context.byId.get('a')?.node).toBe(first)
    expect([context.places.get(first), context.places.get(second)]).toStrictEqual([here, here])
  })

  it('assignId gives an explicit id at once, and queues a derived one with where to pin it', () => {
    const { context, here } = fresh()
    const [explicit, derived] = [{ id: '' }, { id: '' }]
    assignId(context, explicit, 'indicator', here, 'pinned', 'ignored')
    assignId(context, derived, 'indicator', here, undefined, 'base', 42)
    expect(explicit.id).toBe('pinned')
    expect(derived.id).toBe('')
    expect(context.ids).toStrictEqual([{ id: 'pinned', kind: 'indicator', node: explicit, place: here, explicit: true }])
    expect(context.pendingIds).toStrictEqual([{ node: derived, base: 'base', kind: 'indicator', place: here, pinAt: 42 }])
    expect([context.places.get(explicit), context.places.get(derived)]).toStrictEqual([here, here])
  })

  it('assignId derives a base given as a function only for a node without an explicit id', () => {
    const { context, here } = fresh()
    const derivedFrom: string[] = []
    const base = (words: string) => () => {
      derivedFrom.push(words)
      return words
    }
    assignId(context, { id: '' }, 'indicator', here, 'pinned', base('never read'))
    assignId(context, { id: '' }, 'indicator', here, undefined, base('poor-diet'), 7)
    expect(derivedFrom).toStrictEqual(['poor-diet'])
    expect(context.pendingIds.map((pending) => [pending.base, pending.pinAt])).toStrictEqual([['poor-diet', 7]])
  })

  it('settleDerivedIds hands out each base, then the next free suffix, after every explicit id', () => {
    const { context, here } = fresh()
    const nodes = Array.from({ length: 6 }, () => ({ id: '' }))
    const [n0, n1, n2, n3, n4, n5] = nodes as [{ id: string }, { id: string }, { id: string }, { id: string }, { id: string }, { id: string }]
    assignId(context, n0, 'indicator', here, undefined, 'poor-diet', 7)
    assignId(context, n1, 'indicator', here, undefined, 'poor-diet')
    assignId(context, n2, 'indicator', here, undefined, 'taken')
    assignId(context, n3, 'indicator', here, 'taken', 'taken')
    assignId(context, n4, 'indicator', here, 'taken-2', 'taken-2')
    assignId(context, n5, 'indicator', here, undefined, 'poor-diet')
    settleDerivedIds(context)
    expect(nodes.map((node) => node.id)).toStrictEqual(['poor-diet', 'poor-diet-2', 'taken-3', 'taken', 'taken-2', 'poor-diet-3'])
    expect(context.pendingIds).toStrictEqual([])
    expect(context.ids.map((entry) => [entry.id, entry.explicit, entry.pinAt])).toStrictEqual([
      ['taken', true, undefined],
      ['taken-2', true, undefined],
      ['poor-diet', false, 7],
      ['poor-diet-2', false, undefined],
      ['taken-3', false, undefined],
      ['poor-diet-3', false, undefined],
    ])
    expect(context.byId.get('taken-3')?.node).toBe(n2)
  })

  it('skips a name Windows keeps for a device, and a suffix a later explicit id already took', () => {
    const { context, here } = fresh()
    const [con, con2, aux] = [{ id: '' }, { id: '' }, { id: '' }]
    assignId(context, con, 'contact', here, undefined, 'con')
    assignId(context, con2, 'contact', here, undefined, 'con')
    assignId(context, aux, 'contact', here, undefined, 'aux')
    assignId(context, { id: '' }, 'contact', here, 'con-3', 'con-3')
    settleDerivedIds(context)
    expect([con.id, con2.id, aux.id]).toStrictEqual(['con-2', 'con-4', 'aux-2'])
  })

  it('a contact called “Con” in a framework becomes “con-2”, with no message', () => {
    const context = built({
      'contacts.md':
        '---\ntitle: Contacts\n---\n\n## Front door {#front-door}\n\n- Phone: 0121 788 4300\n\n## Emergency services {#emergency}\n\n- Phone: 999\n- Emergency: yes\n\n## Con\n\n- Phone: 0121 000 0000\n',
    })
    expect(context.framework.contacts.map((contact) => contact.id)).toStrictEqual(['front-door', 'emergency', 'con-2'])
    expect(spansOf(context)).toStrictEqual([])
  })
})
