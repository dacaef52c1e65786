/**
 * What a schema error's path is, in words a content owner recognises: “Indicator “Missing
 * immunis...””, “The name of contact “Front door””, “The setting “title””. A bare field name
 * such as “text” says neither what kind of thing is meant nor which one.
 */

/** Names the value at a path; the path's numbers are list positions. */
export type Subject = (path: readonly string[]) => string

/** A front-matter or rules.yaml value: named by the setting the author wrote, and the setting it sits under. */
export const settingSubject: Subject = (path) => {
  const named = path.filter((segment) => !/^\d+$/.test(segment))
  const setting = named.at(-1)
  if (setting === undefined) return 'The settings'
  const parent = named.at(-2)
  return `The setting “${setting}”${parent === undefined ? '' : ` under “${parent}”`}`
}

/** Lists of the model and what one entry is called; `children` takes the name of the list it is in. */
const ENTRIES: Readonly<Record<string, string>> = {
  levels: 'level',
  domains: 'domain',
  sections: 'section',
  indicators: 'indicator',
  contacts: 'contact',
  links: 'link',
  guidance: 'guidance document',
  phones: 'phone number',
  factors: 'matrix factor',
  weekly: 'opening times',
}

/** An entry's own words, which tell it apart from its neighbours. */
const NAME_FIELDS = ['title', 'name', 'text', 'number'] as const

/** Model fields in the words of the source, by name or by owner and name. */
const FIELDS: Readonly<Record<string, string>> = {
  shortTitle: 'short title',
  familyAgreementCondition: 'family agreement condition',
  whatToDo: '“What to do” text',
  consent: 'consent text',
  useFor: '“Use for” text',
  changeNote: 'change note',
  contactsTitle: 'title of the contacts page',
  linksTitle: 'title of the links page',
  factorHeading: 'factor heading',
  markdown: 'words with their formatting and links',
  body: 'text',
  email: 'email address',
  completeness: 'completeness note',
  whatToDoCompleteness: 'completeness note on “What to do”',
  consentCompleteness: 'completeness note on consent',
  hours: 'hours',
  // A domain's cells are what the source writes under one of its lists, besides the indicators.
  'domain.cells': 'words under a list',
  matrix: 'matrix',
}

/** Fields that are the entry itself: an indicator is its words, a phone number its digits. */
const SELF_FIELDS: ReadonlySet<string> = new Set(['indicator.text', 'phone number.number'])

interface Owner {
  kind: string
  value: Record<string, unknown>
}

/** Names a value of the framework model (schema/framework.schema.json) by its owner and field. */
export function modelSubject(framework: unknown): Subject {
  return (path) => {
    let current: unknown = framework
    let owner: Owner | undefined
    /** The owner's own owner: the contact of a phone number. */
    let outer: Owner | undefined
    let list: string | undefined
    /** Fields passed through since the owner, such as “hours” before “text”. */
    let fields: string[] = []
    let position: number | undefined
    for (const segment of path) {
      const next = current !== null && typeof current === 'object' && Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined
      if (Array.isArray(current) && /^\d+$/.test(segment)) {
        const kind = list === undefined ? undefined : list === 'children' ? owner?.kind : list === 'cells' && owner?.kind === 'matrix' ? 'matrix cell' : ENTRIES[list]
        if (kind !== undefined && next !== null && typeof next === 'object' && !Array.isArray(next)) {
          outer = owner
          owner = { kind, value: next as Record<string, unknown> }
          fields = []
          position = undefined
        } else position = Number(segment) + 1
      } else {
        list = segment
        if (segment === 'matrix' && fields.length === 0 && owner === undefined && next !== null && typeof next === 'object') {
          owner = { kind: 'matrix', value: next as Record<string, unknown> }
          current = next
          continue
        }
        fields.push(segment)
        position = undefined
      }
      current = next
    }
    return describe(owner, outer, fields, position)
  }
}

function describe(owner: Owner | undefined, outer: Owner | undefined, fields: readonly string[], position: number | undefined): string {
  const of = owner ? ` of ${owner.kind}${nameOf(owner)}` : ' of the framework'
  const field = fields.at(-1)
  if (field === undefined) return owner ? `${capital(owner.kind)}${nameOf(owner)}` : 'The framework'
  if (owner && fields.length === 1 && SELF_FIELDS.has(`${owner.kind}.${field}`)) return `${capital(owner.kind)}${nameOf(owner)}${outer ? ` of ${outer.kind}${nameOf(outer)}` : ''}`
  if (position !== undefined) return `${capital(line(field, owner?.kind ?? 'framework'))} ${position}${of}`
  // The hours' text is the hours; a field of a part, such as a completeness note's reason, says both.
  const within = fields.at(-2)
  const kind = owner?.kind ?? 'framework'
  const words = within === undefined ? wordsOf(field, kind) : field === 'text' ? wordsOf(within, kind) : `${wordsOf(field, kind)} in the ${wordsOf(within, kind)}`
  return `The ${words}${of}`
}

/** The entry's own words in quotes, when it has some. */
function nameOf(owner: Owner): string {
  for (const field of NAME_FIELDS) {
    const value = owner.value[field]
    if (typeof value === 'string' && value !== '') return ` “${value.length > 60 ? `${value.slice(0, 57)}...` : value}”`
  }
  return ''
}

function wordsOf(field: string, kind: string): string {
  return FIELDS[`${kind}.${field}`] ?? FIELDS[field] ?? field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)
}

/** One entry of a list of words, such as a line of an address. */
function line(field: string, kind: string): string {
  return field === 'address' ? 'address line' : `${wordsOf(field, kind)} entry`
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** 2056 as “2,056”, the way a count is read. */
export function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',')
}
