import type { Definition, Image, Link as MdLink, Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { Contact, Domain, Framework, Level } from '../model/types.ts'
import { fileMessage, type FiledOptions } from '../shared/diagnostics.ts'
import { windowsProblem } from '../shared/names.ts'
import type { ProblemId } from '../shared/problems.ts'
import type { SourceFile } from '../shared/source-file.ts'
import type { FrameworkFolder, FrameworkFile } from './read.ts'

export interface Place {
  file: SourceFile
  position: Position
}

export type IdKind = 'framework' | 'level' | 'domain' | 'indicator' | 'contact' | 'link' | 'section' | 'factor'

/** Where a link goes: a scheme outside the framework, a place in it, or nowhere (why, and what was probably meant). */
export type Resolution =
  | { kind: 'external'; scheme: string }
  | { kind: 'internal'; entry?: IdEntry; file: string; anchor?: string }
  /** `instead`: what to write in place of a link that cannot be made to work, said after the reason. */
  | { kind: 'broken'; reason: string; suggestions: string[]; instead?: string }

export interface IdEntry {
  id: string
  kind: IdKind
  node: { id: string }
  place: Place
  explicit: boolean
  /** Offset in the source where `{#id}` would be written to pin a derived id. */
  pinAt?: number
}

/** A Markdown node that holds an address: a link (autolinks included), an image, or a link reference definition. */
export type AddressNode = MdLink | Image | Definition

/** An address written in the Markdown, kept for resolution and for the link rules. */
export interface LinkUse {
  file: SourceFile
  position: Position
  url: string
  text: string
  /** The model node whose text holds the link (a level, section, contact ...). */
  owner: object | undefined
  node: AddressNode
  /** True for the address of an entry in links.md (the entry itself, not a use of it). */
  isRegistryEntry: boolean
}

export interface Anchor {
  place: Place
  /** The model node the heading introduces, when it has one (its id may be derived later). */
  node?: { id: string }
}

export interface PendingId {
  node: { id: string }
  base: string
  kind: IdKind
  place: Place
  pinAt?: number
}

export interface RuleConfigSource {
  file: SourceFile
  values: Record<string, { severity: 'error' | 'warning' | 'off'; reason: string }>
  prefix: string[]
  locate: import('./frontmatter.ts').FrontMatter['locate']
}

export interface DeferredMarkdown {
  target: object
  key: string
  nodes: RootContent[]
  file: SourceFile
}

/** Everything parsing learns about one framework, for the rules, the generators and the diff. */
export interface ParseContext {
  folder: FrameworkFolder
  framework: Framework
  /** Where each model node came from. */
  places: Map<object, Place>
  /** Every id, in file order, duplicates included (the unique-ids rule reports them). */
  ids: IdEntry[]
  byId: Map<string, IdEntry>
  pendingIds: PendingId[]
  linkUses: LinkUse[]
  /** The use recorded for each address node, so a node read twice (a level's body, then its sections) is one use. */
  usesByNode: Map<AddressNode, LinkUse>
  /** Heading anchors per file (relative path), GitHub-style slugs and `{#id}`s. */
  anchors: Map<string, Map<string, Anchor>>
  /** The node each file introduces (a level file's level), for links to the file itself. */
  fileNodes: Map<string, { id: string }>
  deferred: DeferredMarkdown[]
  /** Level lookup by id and by normalised title, for headings in domain and matrix files. */
  levelsByLabel: Map<string, Level[]>
  /** Unnested levels and domains with their parent ids, nested once all files are read. */
  flatLevels: Array<{ level: Level; file: FrameworkFile; fileIndex: number }>
  levelPolarity: Map<string, 'strength' | 'need'>
  flatDomains: Domain[]
  /** The link of each contact's “Web” detail, resolved to a link id at the end. */
  contactWeb: Map<Contact, LinkUse>
  /** Matrix cells and the factor they belong to, whose id may be derived after the cell is made. */
  matrixFactorOf: Map<{ factor: string }, { id: string }>
  /**
   * Rule settings from framework.md's `rules:` and from rules.yaml, each already checked against
   * schema/frontmatter/rules.schema.json; `prefix` is the YAML path of the settings in the file.
   */
  ruleConfigs: RuleConfigSource[]
  /** The Markdown tree of each file as parsed (attribute blocks removed), for structure rules. */
  trees: Map<SourceFile, Root>
  /** Front-matter of each file that has some, to point at a setting's line. */
  frontMatters: Map<SourceFile, import('./frontmatter.ts').FrontMatter>
  /** How each link use resolved, filled in by the final pass. */
  resolutions: Map<LinkUse, Resolution>
  /**
   * Syntax-tree nodes whose words the reader placed in the model (or reported): the
   * content-placed rule reports every other word of a file, so nothing is dropped unsaid.
   */
  placed: WeakSet<object>
  /**
   * Links written in a level's “Contacts” list. Their contacts come first in the level's
   * `contacts`, in the order written there; a contact only linked from other text (“call
   * [999](#emergency)” under “What to do”) follows.
   */
  contactListLinks: WeakSet<AddressNode>
  /**
   * Levels some of whose lists were not read because of a problem already reported (a heading
   * naming several levels, or no level under the level's own heading; a bold line taken for a
   * heading): the level is not also reported as having no indicators, so the cause is said once.
   */
  levelsWithUnreadLists: Set<string>
  /**
   * Front-matter settings the frontmatter-schema check reported, by file: the model-schema rule
   * does not report the same value a second time once it is in the model.
   */
  reportedSettings: Map<SourceFile, Set<string>>
  /** Where each entry of a list of words came from (a contact's address lines), for a message about one entry. */
  entryPlaces: Map<readonly string[], Place[]>
  /** Where a text value of a model node was written, by field (a contact's email address), for a message about that value alone. */
  fieldPlaces: Map<object, Record<string, Place>>
  /** Phrase problems for parse-stage messages. */
  problem(file: SourceFile, position: Position | undefined, reason: string, id: ProblemId, options?: FiledOptions): void
}

export function createContext(folder: FrameworkFolder): ParseContext {
  const framework: Framework = {
    formatVersion: 3,
    id: folder.id,
    title: folder.id,
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
  }
  return {
    folder,
    framework,
    places: new Map(),
    ids: [],
    byId: new Map(),
    pendingIds: [],
    linkUses: [],
    usesByNode: new Map(),
    anchors: new Map(),
    fileNodes: new Map(),
    deferred: [],
    levelsByLabel: new Map(),
    flatLevels: [],
    levelPolarity: new Map(),
    flatDomains: [],
    contactWeb: new Map(),
    matrixFactorOf: new Map(),
    resolutions: new Map(),
    trees: new Map(),
    ruleConfigs: [],
    frontMatters: new Map(),
    placed: new WeakSet(),
    contactListLinks: new WeakSet(),
    levelsWithUnreadLists: new Set(),
    reportedSettings: new Map(),
    entryPlaces: new Map(),
    fieldPlaces: new Map(),
    problem(file, position, reason, id, options) {
      fileMessage(file, position, reason, id, 'error', options)
    },
  }
}

/** Where a setting of framework.md's front-matter is written, for messages about metadata. */
export function settingPlace(context: ParseContext, key: string): Place | undefined {
  const file = context.folder.files.find((f) => f.kind === 'framework')?.source
  const frontMatter = file && context.frontMatters.get(file)
  return file && frontMatter ? { file, position: frontMatter.locate([key]) } : undefined
}

/** Records that the reader placed these nodes (and everything inside them) in the model. */
export function place(context: ParseContext, nodes: ReadonlyArray<object | undefined>): void {
  for (const node of nodes) if (node) context.placed.add(node)
}

export function registerId(context: ParseContext, entry: IdEntry): void {
  context.ids.push(entry)
  if (!context.byId.has(entry.id)) context.byId.set(entry.id, entry)
  context.places.set(entry.node, entry.place)
}

/** Gives a node its explicit id now, or queues it for a derived id once every explicit id is known. */
export function assignId(context: ParseContext, node: { id: string }, kind: IdKind, place: Place, explicit: string | undefined, base: string | (() => string), pinAt?: number): void {
  context.places.set(node, place)
  if (explicit) {
    node.id = explicit
    registerId(context, { id: explicit, kind, node, place, explicit: true })
  } else {
    // A base given as a function is derived only here: most indicators carry their own id, and deriving one from the words costs more than the rest of reading it.
    context.pendingIds.push({ node, base: typeof base === 'function' ? base() : base, kind, place, pinAt })
  }
}

/** Derived ids are handed out after explicit ones, so an explicit id always wins its name. */
export function settleDerivedIds(context: ParseContext): void {
  // The last suffix handed out per base: ids are only ever added, so every smaller suffix is still
  // taken and need not be tried again (a thousand identical bullet points would otherwise try
  // half a million ids).
  const lastSuffix = new Map<string, number>()
  for (const pending of context.pendingIds) {
    let n = lastSuffix.get(pending.base) ?? 1
    let id = n === 1 ? pending.base : `${pending.base}-${n}`
    // A name Windows keeps for a device (`con`) would name a page of the website: skip it.
    while (context.byId.has(id) || windowsProblem(id)) id = `${pending.base}-${++n}`
    lastSuffix.set(pending.base, n)
    pending.node.id = id
    registerId(context, { id, kind: pending.kind, node: pending.node, place: pending.place, explicit: false, pinAt: pending.pinAt })
  }
  context.pendingIds = []
}
