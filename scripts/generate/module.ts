import { flatLevels } from '../model/flat.ts'
import type { Framework } from '../model/types.ts'

/**
 * The text of a framework module (`<id>/index.ts`) after its imports and id unions: types that
 * follow the framework's layout, the frozen data, and the lookups apps need. Every export is
 * annotated (each file compiles on its own, see typescript.ts). The data, the rendered Markdown
 * and the unions go in after printing, where the placeholders are.
 */
export const DATA = '__THRESHOLDS_FRAMEWORK_DATA__'
export const RENDERED = '__THRESHOLDS_RENDERED_MARKDOWN__'

export function frameworkTypes(framework: Framework): string {
  const byLevel = framework.indicatorLayout === 'by-level'
  const everyIndicatorPlaced = framework.indicators.every((indicator) => indicator.level !== undefined)
  // Typed as always present unless this framework has a level's own list, under no domain.
  const everyIndicatorInADomain = framework.indicators.every((indicator) => indicator.domain !== undefined)
  const indicatorDomain = everyIndicatorInADomain
    ? 'readonly domain: DomainId'
    : '/** Absent for an indicator a level lists under no domain: it always has a level. */\n  readonly domain?: DomainId'
  const indicatorLevel = byLevel ? (everyIndicatorPlaced ? 'readonly level: LevelId' : 'readonly level?: LevelId') : '/** Strengths and needs are not placed at a level in this framework. */\n  readonly level?: never'
  const matrix = framework.matrix
    ? `/** A row of the decision-making matrix. */
export interface MatrixFactor extends Model.DeepReadonly<Omit<Model.MatrixFactor, 'id'>> {
  readonly id: MatrixFactorId
}
/** A cell of the decision-making matrix: what a factor looks like at a level. */
export interface MatrixCell {
  readonly factor: MatrixFactorId
  readonly level: LevelId
  readonly text: string
}
export interface Matrix extends Model.DeepReadonly<Omit<Model.Matrix, 'factors' | 'columns' | 'cells'>> {
  readonly factors: readonly MatrixFactor[]
  /** The levels the columns stand for, in column order. */
  readonly columns: readonly LevelId[]
  readonly cells: readonly MatrixCell[]
}
`
    : ''
  return `/** A level of need. Every field is read-only: the data is frozen. */
export interface Level extends Model.DeepReadonly<Omit<Model.Level, 'id' | 'parent' | 'contacts' | 'links' | 'children'>> {
  readonly id: LevelId
  readonly parent?: LevelId
  readonly contacts: readonly ContactId[]
  readonly links: readonly LinkId[]
  readonly children: readonly Level[]
}
export interface Domain extends Model.DeepReadonly<Omit<Model.Domain, 'id' | 'parent' | 'children'>> {
  readonly id: DomainId
  readonly parent?: DomainId
  readonly children: readonly Domain[]
}
/** ${byLevel ? 'An indicator, placed at a level.' : 'An indicator: a strength or a need of a domain.'} */
export interface Indicator extends Model.DeepReadonly<Omit<Model.Indicator, 'id' | 'domain' | 'level' | 'related'>> {
  readonly id: IndicatorId
  ${indicatorDomain}
  ${indicatorLevel}
  readonly related?: readonly IndicatorId[]
}
/** One of a contact's numbers. \\\`tel\\\` is its \\\`tel:\\\` address, ready for a link. */
export interface Phone extends Model.DeepReadonly<Model.Phone> {
  readonly tel: string
}
/** A contact. \\\`tel\\\` is the \\\`tel:\\\` address of its first number (what a link to the contact dials); every number is in \\\`phones\\\`, each with its use, hours and \\\`tel\\\`. */
export interface Contact extends Model.DeepReadonly<Omit<Model.Contact, 'id' | 'web' | 'phones'>> {
  readonly id: ContactId
  readonly web?: LinkId
  readonly phones: readonly Phone[]
  readonly tel?: string
}
/** A link whose address is known. */
export interface KnownLink extends Model.DeepReadonly<Omit<Model.Link, 'id' | 'url' | 'status'>> {
  readonly id: LinkId
  readonly status: 'ok'
  readonly url: string
}
/** A link whose address nobody has filled in yet: show its words, without a link. */
export interface PendingLink extends Model.DeepReadonly<Omit<Model.Link, 'id' | 'url' | 'status'>> {
  readonly id: LinkId
  readonly status: 'pending'
  readonly url?: never
}
/** Check \\\`status\\\` (or \\\`url\\\`) first: only a known link has an address. */
export type Link = KnownLink | PendingLink
${matrix}export interface Framework extends Model.DeepReadonly<Omit<Model.Framework, 'id' | 'indicatorLayout' | 'levels' | 'domains' | 'indicators' | 'contacts' | 'links' | 'matrix'>> {
  readonly id: '${framework.id}'
  readonly indicatorLayout: '${framework.indicatorLayout}'
  readonly levels: readonly Level[]
  readonly domains: readonly Domain[]
  readonly indicators: readonly Indicator[]
  readonly contacts: readonly Contact[]
  readonly links: readonly Link[]
  ${framework.matrix ? 'readonly matrix: Matrix' : 'readonly matrix?: never'}
}
/** What to do at a level and whom to call. A sub-level without its own text or contacts has its parent's. */
export interface LevelAdvice {
  readonly level: Level
  readonly whatToDo?: Model.RenderedText
  readonly consent?: Model.RenderedText
  readonly familyAgreement?: Model.FamilyAgreement
  readonly contacts: readonly Contact[]
}
${byLevel ? `/** What to do when a practitioner sees an indicator: its level's advice. */
export interface IndicatorAdvice extends LevelAdvice {
  readonly indicator: Indicator
}
` : ''}`
}

export function frameworkCode(framework: Framework): string {
  const byLevel = framework.indicatorLayout === 'by-level'
  // A level's own list (no domain) is in no domain's indicators.
  const inDomain = framework.indicators.every((indicator) => indicator.domain !== undefined) ? 'wanted.has(indicator.domain)' : 'indicator.domain !== undefined && wanted.has(indicator.domain)'
  const levels = flatLevels(framework).map((level) => `'${level.id}'`).join(', ')
  const lookups: Array<[string, string, string]> = [
    ['Level', 'level', 'levels'],
    ['Domain', 'domain', 'domains'],
    ['Indicator', 'indicator', 'indicators'],
    ['Contact', 'contact', 'contacts'],
    ['Link', 'link', 'links'],
  ]
  const code = [`function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/** ${safeDoc(framework.title)}: the data of framework.json, with a \`tel\` address on each number, and on each contact that has one. Frozen. */
export const framework: Framework = deepFreeze(JSON.parse('${DATA}') as Framework)

/** Every level id from the lowest need to the highest, each sub-level right after its parent. Compare levels with \`compareLevels\`. */
export const levelOrder: readonly LevelId[] = Object.freeze([${levels}] as const)

const byId = {
  levels: new Map<string, Level>(),
  domains: new Map<string, Domain>(),
  indicators: new Map<string, Indicator>(framework.indicators.map((indicator) => [indicator.id, indicator])),
  contacts: new Map<string, Contact>(framework.contacts.map((contact) => [contact.id, contact])),
  links: new Map<string, Link>(framework.links.map((link) => [link.id, link])),
}
const addLevels = (list: readonly Level[]): void => list.forEach((level) => { byId.levels.set(level.id, level); addLevels(level.children) })
addLevels(framework.levels)
const addDomains = (list: readonly Domain[]): void => list.forEach((domain) => { byId.domains.set(domain.id, domain); addDomains(domain.children) })
addDomains(framework.domains)

function known<T>(map: Map<string, T>, kind: string, id: unknown): T {
  // TypeScript callers cannot pass an unknown id; JavaScript callers get the same error from every lookup.
  const value = typeof id === 'string' ? map.get(id) : undefined
  if (value === undefined) throw new RangeError(\`${framework.id} has no \${kind} “\${String(id)}”\`)
  return value
}`]
  for (const [type, kind, map] of lookups) {
    code.push(`
/** The ${kind} with this id; a RangeError for an id that is not one (possible only from JavaScript or a cast). */
export function ${kind}ById(id: ${type}Id): ${type} {
  return known(byId.${map}, '${kind}', id)
}
/** The ${kind} with this id, or undefined: for ids from outside (a URL, a form, storage). */
export function find${type}(id: string): ${type} | undefined {
  return typeof id === 'string' ? byId.${map}.get(id) : undefined
}
/** True when \`value\` is the id of a ${kind} of this framework. */
export function is${type}Id(value: unknown): value is ${type}Id {
  return typeof value === 'string' && byId.${map}.has(value)
}`)
  }
  code.push(byLevel
    ? `
/** Indicators of a domain (and its sub-domains), optionally only those at one level, in source order. */
export function indicatorsFor(domain: DomainId, level?: LevelId): readonly Indicator[] {
  const wanted = new Set<string>([domain, ...domainById(domain).children.map((child) => child.id)])
  if (level !== undefined) levelById(level)
  return framework.indicators.filter((indicator) => ${inDomain} && (level === undefined || indicator.level === level))
}`
    : `
/** Indicators of a domain (and its sub-domains), optionally only its strengths or its needs, in source order. This framework does not place indicators at levels. */
export function indicatorsFor(domain: DomainId, polarity?: Model.Polarity): readonly Indicator[] {
  const wanted = new Set<string>([domain, ...domainById(domain).children.map((child) => child.id)])
  if (polarity !== undefined && polarity !== 'strength' && polarity !== 'need') {
    const why = isLevelId(polarity) ? \`places no indicator at a level (“\${polarity}” is a level)\` : \`has no polarity “\${String(polarity)}”\`
    throw new RangeError(\`${framework.id} \${why}: filter by “strength” or “need”\`)
  }
  return framework.indicators.filter((indicator) => ${inDomain} && (polarity === undefined || indicator.polarity === polarity))
}`)
  code.push(`
/** Who to contact at a level. A sub-level without contacts of its own uses its parent’s, as the framework’s rules allow. */
export function contactsFor(level: LevelId): readonly Contact[] {
  const own = levelById(level)
  const ids = own.contacts.length === 0 && own.parent ? levelById(own.parent).contacts : own.contacts
  return ids.map((id) => contactById(id))
}

/** The contacts for emergencies (999, out-of-hours lines), in the framework's order. */
export function emergencyContacts(): readonly Contact[] {
  return framework.contacts.filter((contact) => contact.emergency)
}

/** Negative when \`a\` is a lower level of need than \`b\`, positive when higher, 0 when the same. */
export function compareLevels(a: LevelId, b: LevelId): number {
  return levelOrder.indexOf(levelById(a).id) - levelOrder.indexOf(levelById(b).id)
}

const rendered = JSON.parse('${RENDERED}') as Record<string, [string, string, string]>

/**
 * A Markdown field of this framework (any of them: a level's \`whatToDo\`, a section's \`body\`, ...)
 * as an app shows it: \`#id\` links pointed at their final address (a link's URL, a contact's
 * \`tel:\`), sanitised HTML, and plain text. A RangeError for text that is not one of its fields.
 */
export function render(markdown: string): Model.RenderedText
export function render(markdown: string | undefined): Model.RenderedText | undefined
export function render(markdown: string | undefined): Model.RenderedText | undefined {
  if (markdown === undefined || markdown === '') return undefined
  const found = typeof markdown === 'string' && Object.hasOwn(rendered, markdown) ? rendered[markdown] : undefined
  if (found === undefined) throw new RangeError('${framework.id} has no Markdown field with this text')
  return Object.freeze({ markdown: found[0], html: found[1], text: found[2] })
}

/** What to do at a level, whether the family must agree, and whom to call. */
export function adviceForLevel(id: LevelId): LevelAdvice {
  const level = levelById(id)
  const parent = level.parent ? levelById(level.parent) : undefined
  const whatToDo = render(level.whatToDo ?? parent?.whatToDo)
  const consent = render(level.consent ?? parent?.consent)
  const familyAgreement = level.familyAgreement ?? parent?.familyAgreement
  return Object.freeze({
    level,
    ...(whatToDo ? { whatToDo } : {}),
    ...(consent ? { consent } : {}),
    ...(familyAgreement ? { familyAgreement } : {}),
    contacts: contactsFor(id),
  })
}`)
  if (byLevel)
    code.push(`
/** What to do when a practitioner sees this indicator: its level, what to do, consent and whom to call. */
export function adviceFor(id: IndicatorId): IndicatorAdvice {
  const indicator = indicatorById(id)
  if (indicator.level === undefined) throw new RangeError(\`${framework.id} does not place indicator “\${indicator.id}” at a level\`)
  return Object.freeze({ indicator, ...adviceForLevel(indicator.level) })
}`)
  return code.join('\n')
}

/** Titles are content: keep them from closing the doc comment they sit in. */
export function safeDoc(text: string): string {
  return text.replace(/\*\//g, '*\\/')
}
