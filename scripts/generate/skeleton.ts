import { flatDomains, flatLevels } from '../model/flat.ts'
import type { Framework } from '../model/types.ts'
import { codeHeader } from './header.ts'
import { telUri } from './markdown.ts'
import type { RenderedField } from './rendered-field.ts'
import { DATA, frameworkCode, frameworkTypes, RENDERED, safeDoc } from './module.ts'

/**
 * A framework module's skeleton: its source and compiled forms printed once per shape, with
 * stand-ins for what differs between frameworks of one shape (typescript.ts prints it with
 * ts-morph and the TypeScript compiler). Filling one in needs neither, so a build whose
 * skeletons are all known (the content cache keeps them) never loads them.
 */

export type Files = Array<[string, string]>

/** A framework module's shape: its source with the stand-ins, before printing (cheap to make, and whatever else of the framework it reads is part of it). */
export function shapeOf(framework: Framework): string {
  const stand = standIn(framework)
  return `${frameworkTypes(stand)}\0${frameworkCode(stand)}`
}

/** Printed in place of a framework's id, title and level order; no id, title or level id holds them. */
export const STAND_IN = { id: '__THRESHOLDS_FRAMEWORK_ID__', title: '__THRESHOLDS_FRAMEWORK_TITLE__', level: '__THRESHOLDS_LEVEL_ORDER__' }

/** The framework as the skeleton of its shape is printed: its id, title and levels replaced by stand-ins. */
export function standIn(framework: Framework): Framework {
  const level = { ...framework.levels[0], id: STAND_IN.level, children: [] } as Framework['levels'][number]
  return { ...framework, id: STAND_IN.id, title: STAND_IN.title, levels: [level] }
}

/**
 * The data goes in after printing (see module.ts): ts-morph re-parses a file after every change,
 * and a 300 kB string literal in it from the start made generation quadratic in practice.
 */
export const placeholder = (name: string) => `__THRESHOLDS_UNION_${name}__`

/** The id unions of a framework module: each type's name, its doc comment, and its ids. */
export const ID_UNIONS: Array<{ name: string; doc: string; ids: (framework: Framework) => string[] }> = [
  { name: 'LevelId', doc: 'A level of this framework, sub-levels included.', ids: (f) => flatLevels(f).map((l) => l.id) },
  { name: 'DomainId', doc: 'A domain (area of a child’s life) of this framework.', ids: (f) => flatDomains(f).map((d) => d.id) },
  { name: 'IndicatorId', doc: 'An indicator of this framework.', ids: (f) => f.indicators.map((i) => i.id) },
  { name: 'ContactId', doc: 'A contact of this framework.', ids: (f) => f.contacts.map((c) => c.id) },
  { name: 'LinkId', doc: 'An entry of this framework’s links.', ids: (f) => f.links.map((l) => l.id) },
  { name: 'MatrixFactorId', doc: 'A row (factor) of this framework’s decision-making matrix.', ids: (f) => f.matrix?.factors.map((factor) => factor.id) ?? [] },
]

/** Every stand-in and placeholder a skeleton holds (the payload and unions in their quotes), found in one pass. */
const STAND_INS = new RegExp(
  [STAND_IN.id, STAND_IN.title, `'${STAND_IN.level}'`, `'${DATA}'`, `'${RENDERED}'`, ...ID_UNIONS.map(({ name }) => `'${placeholder(name)}'`)].join('|'),
  'g',
)

/**
 * Puts the framework's id, title, level order, data and id unions (thousands of literals) where
 * the stand-ins and placeholders are, in one pass over the skeleton as printed: nothing put in is
 * searched again, so a title that spells a stand-in stays as written, and no search goes through
 * the data (hundreds of kB per framework). The id, title and level order go wherever they stand;
 * the data, rendered fields and each union where they first stand. The data is made only for the
 * forms that carry it (not the model's types beside the module).
 */
function fill(text: string, framework: Framework, values: () => Payload): string {
  const unions = new Map(ID_UNIONS.map(({ name, ids }) => [`'${placeholder(name)}'`, ids]))
  const put = new Set<string>()
  const value = (found: string): string => {
    if (found === STAND_IN.id) return framework.id
    if (found === STAND_IN.title) return safeDoc(framework.title)
    if (found === `'${STAND_IN.level}'`) return flatLevels(framework).map((level) => `'${level.id}'`).join(', ')
    if (put.has(found)) return found
    put.add(found)
    if (found === `'${DATA}'`) return values().data
    if (found === `'${RENDERED}'`) return values().rendered
    return union((unions.get(found) as (framework: Framework) => string[])(framework))
  }
  // Joined, not replaced: the data (hundreds of kB) is then copied once, when the file is written, not also here.
  let filled = ''
  let from = 0
  for (const match of text.matchAll(STAND_INS)) {
    filled += text.slice(from, match.index) + value(match[0])
    from = match.index + match[0].length
  }
  return filled + text.slice(from)
}

/** A framework module's data and rendered Markdown, each as the string literal that goes in the code. */
interface Payload {
  data: string
  rendered: string
}

function payload(framework: Framework, rendered: ReadonlyMap<string, RenderedField>): Payload {
  const { $comment: _comment, ...model } = framework
  // The module's data is the model's, with each number's tel: address beside it, and the first
  // number's on the contact (what a link to the contact dials).
  const data = {
    ...model,
    contacts: model.contacts.map((contact) => {
      const phones = contact.phones.map((phone) => ({ ...phone, tel: telUri(phone.number, phone.e164) }))
      return phones[0] ? { ...contact, tel: phones[0].tel, phones } : contact
    }),
  }
  const fields = Object.fromEntries([...rendered].map(([markdown, field]) => [markdown, [field.markdown, field.html, field.text]]))
  return { data: JSON.stringify(JSON.stringify(data)), rendered: JSON.stringify(JSON.stringify(fields)) }
}

export function union(ids: readonly string[]): string {
  return ids.length === 0 ? 'never' : ids.map((id) => `'${id}'`).join(' | ')
}

/** The printed and compiled forms of one shape: the module's (with stand-ins) and the model's types beside it. */
export interface Skeleton {
  module: Files
  beside: Files
}

/**
 * A framework's module files: its skeleton filled in, under its own folder, each with the header
 * naming it; `rendered` is its Markdown fields rendered (markdown.ts: renderedFields).
 */
export function moduleFiles(framework: Framework, skeleton: Skeleton, rendered: ReadonlyMap<string, RenderedField>): Files {
  // The framework's data is made once for its files and dropped with them.
  let values: Payload | undefined
  const data = () => (values ??= payload(framework, rendered))
  const own: Files = [...skeleton.module.map(([relative, text]): [string, string] => [relative, fill(text, framework, data)]), ...skeleton.beside]
  return own.map(([relative, text]) => [relative.replace(STAND_IN.id, framework.id), `${codeHeader([framework])}\n${text}`])
}
