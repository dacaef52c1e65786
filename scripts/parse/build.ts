import type { Heading, List, ListItem, Root, RootContent, Table } from 'mdast'
import type { Position } from 'unist'
import type { Contact, Domain, DomainCell, Framework, Indicator, Level, Link, Matrix, Phone, Section } from '../model/types.ts'
import { getValidators, type FrontMatterKind } from '../model/schemas.ts'
import { schemeOf } from '../shared/addresses.ts'
import { readPhone } from '../shared/phones.ts'
import { FILE_START, type SourceFile } from '../shared/source-file.ts'
import { timed } from '../shared/timing.ts'
import { translateSchemaErrors, type TranslatedError } from '../shared/schema-messages.ts'
import type { FiledOptions } from '../shared/diagnostics.ts'
import { renderMessage } from '../shared/messages.ts'
import { quotedList, TITLE_TWICE_MESSAGES, UNKNOWN_ATTRIBUTE_MESSAGES, UNKNOWN_LABEL_MESSAGES } from '../shared/problems.ts'
import { closest, findAttributeBlock, ID_PATTERN, normaliseLabel, slugify } from '../shared/text.ts'
import { assignId, createContext, place, registerId, settleDerivedIds, type ParseContext, type Place, type RuleConfigSource } from './context.ts'
import { reportReferencedCharacters } from './characters.ts'
import { takeCompleteness } from './completeness.ts'
import { readFrontMatter, readYamlFile, type FrontMatter } from './frontmatter.ts'
import { parseHours } from './hours.ts'
import { BoundedParser } from './bounded.ts'
import { PARSE_SECONDS_VARIABLE, ParseBudget, ParseBudgetUsedError, ParseLimitError } from './budget.ts'
import { headingText, linesOf, minHeadingDepth, nestingTooDeep, plainText, splitByHeading, takeAttributes, type Attributed } from './markdown.ts'
import type { FrameworkFile, FrameworkFolder } from './read.ts'
import { finishReferences } from './resolve.ts'
import { reportUnknownLevelName } from './unknown-heading.ts'
import { reportUnusableIds } from './unusable-ids.ts'
import { notReadBecauseOfAnotherProblem, reportStrayMarkup, reportUnreadBlocks, reportUnsafeLinks } from './stray.ts'
import { addLinkUse, collectEveryAddress, collectLinks, eachNode, newSlugger, recordAnchor } from './walk.ts'

interface ParsedFile {
  file: FrameworkFile
  tree: Root
  body: RootContent[]
  frontMatter: FrontMatter | undefined
  data: Record<string, unknown> | undefined
}

/** Files are read in this order so that levels are known before domains and the matrix name them. */
const KIND_ORDER: Record<FrameworkFile['kind'], number> = { framework: 0, rules: 1, level: 2, contacts: 3, links: 4, domain: 5, matrix: 6, section: 7 }

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  indicator: ['age', 'tags', 'related', 'polarity'],
  heading: ['level'],
  cell: ['level'],
  plain: [],
}

export interface BuildOptions {
  /**
   * Turns a file's text into a syntax tree; the default is the Markdown parser in a worker thread,
   * within time and memory limits (bounded.ts). The tree is changed while the model is built, so
   * a replacement must return a fresh tree on every call (the property tests hand out copies of
   * trees already parsed from unchanged files).
   */
  parse?: (file: SourceFile) => Root
  /** The run's parse budget, shared by every framework loaded together (default: one for this framework). */
  budget?: ParseBudget
  /** The run's bounded parser, for the default `parse` (default: one for this framework, stopped when it is built). */
  parser?: BoundedParser
}

/** The Markdown files of a folder in the order they are parsed and read (see KIND_ORDER). */
export function filesToParse(folder: FrameworkFolder): FrameworkFile[] {
  return folder.files
    .map((file, index) => ({ file, index }))
    .filter(({ file }) => file.readable && file.kind !== 'rules')
    .sort((a, b) => KIND_ORDER[a.file.kind] - KIND_ORDER[b.file.kind] || a.index - b.index)
    .map(({ file }) => file)
}

/** Reads a framework folder into the canonical model, filing every problem on its source file. */
export function buildFramework(folder: FrameworkFolder, options: BuildOptions = {}): ParseContext {
  const context = createContext(folder)
  const parsed: ParsedFile[] = []
  const ordered = filesToParse(folder).map((file) => ({ file }))

  const budget = options.budget ?? ParseBudget.forBytes(ordered.reduce((sum, { file }) => sum + Buffer.byteLength(file.source.text), 0))
  const own = options.parse || options.parser ? undefined : new BoundedParser()
  const parser = options.parser ?? own
  const parse = options.parse ?? ((source: SourceFile) => (parser as BoundedParser).parse(source, budget))
  try {
    for (const { file } of ordered) {
      const result = parseFile(context, file, parse)
      if (result) parsed.push(result)
    }
  } finally {
    own?.close()
  }
  for (const item of parsed) if (item.file.kind === 'framework') readFrameworkFile(context, item)
  for (const file of folder.files) if (file.readable && file.kind === 'rules') readRulesFile(context, file)
  for (const item of parsed) if (item.file.kind === 'level') readLevelFile(context, item)
  nestLevels(context)
  for (const item of parsed) if (item.file.kind === 'contacts') readContactsFile(context, item)
  for (const item of parsed) if (item.file.kind === 'links') readLinksFile(context, item)
  for (const item of parsed) if (item.file.kind === 'domain') readDomainFile(context, item)
  nestDomains(context)
  for (const item of parsed) if (item.file.kind === 'matrix') readMatrixFile(context, item)
  for (const item of parsed) if (item.file.kind === 'section') readSectionFile(context, item)
  for (const item of parsed) reportUnreadBlocks(context, item.file.source, item.body)
  collectEveryAddress(context)
  reportUnsafeLinks(context)
  settleDerivedIds(context)
  reportUnusableIds(context)
  finishReferences(context)
  return context
}

function parseFile(context: ParseContext, file: FrameworkFile, parse: (file: SourceFile) => Root): ParsedFile | undefined {
  const source = file.source
  const deep = nestingTooDeep(source.text)
  if (deep) {
    context.problem(source, { start: { line: deep.line, column: 1 }, end: { line: deep.line, column: 1 } }, `Lists or quotes are nested too deeply here, expected at most 100 levels`, 'parse-failed')
    return undefined
  }
  let tree: Root
  try {
    tree = timed('parse', () => parse(source))
  } catch (error) {
    context.problem(
      source,
      FILE_START,
      error instanceof ParseLimitError
        ? `The file cannot be read as Markdown within the run's limits (${error.message}): it is too large, or holds a pattern the parser reads slowly, such as thousands of headings underlined with “---”; split it into smaller files`
        : error instanceof ParseBudgetUsedError
          ? `The file was not read: the run's parse budget (${error.message}) was used up before its turn, expected every file to be read within it: fix the file reported as too slow to read, or raise ${PARSE_SECONDS_VARIABLE}`
          : `The file cannot be read as Markdown (${error instanceof Error ? error.message : 'unknown error'})`,
      'parse-failed',
    )
    return undefined
  }
  context.trees.set(source, tree)
  reportReferencedCharacters(context, source, tree)
  const frontMatter = timed('schema', () => readFrontMatter(source, tree))
  if (frontMatter) context.frontMatters.set(source, frontMatter)
  const body = tree.children.filter((node) => node.type !== 'yaml')
  reportStrayMarkup(context, file, body)
  const needsFrontMatter = file.kind === 'framework' || file.kind === 'level' || file.kind === 'domain'
  if (!frontMatter && needsFrontMatter)
    context.problem(source, FILE_START, `This ${file.kind} file has no front-matter, expected settings between two “---” lines at the top (see docs/authoring.md)`, 'frontmatter-missing')
  let data = frontMatter?.data
  if (frontMatter && data) {
    const kind = file.kind as FrontMatterKind
    const validate = getValidators().frontMatter[kind]
    if (!timed('schema', () => validate(data))) {
      const reported = new Set<string>()
      for (const error of translateSchemaErrors(validate.errors ?? [], data)) {
        context.problem(source, frontMatter.locate(error.path, { key: error.atKey }), error.message, 'frontmatter-schema', schemaOptions(error))
        if (error.path[0] !== undefined) reported.add(error.path[0])
      }
      context.reportedSettings.set(source, reported)
      // Keep reading a file whose id and title are sound, so one bad setting does not hide the
      // file's other problems or make every heading that names this level look unknown. Other
      // files never name framework.md by its id or title: its sound settings (the indicator
      // layout above all) are always kept, or every domain file would seem wrongly laid out.
      const { id, title } = frontMatter.data as Record<string, unknown>
      if (needsFrontMatter && file.kind !== 'framework' && !(typeof id === 'string' && typeof title === 'string' && ID_PATTERN.test(id))) data = undefined
    }
  }
  return { file, tree, body, frontMatter, data }
}

/** rules.yaml: the same settings as framework.md's `rules:`, for partnerships that keep them apart. */
function readRulesFile(context: ParseContext, file: FrameworkFile): void {
  const source = file.source
  const yaml = readYamlFile(source)
  if (!yaml.data) return
  const validate = getValidators().rules
  if (!validate(yaml.data)) {
    for (const error of translateSchemaErrors(validate.errors ?? [], yaml.data))
      context.problem(source, yaml.locate(error.path, { key: error.atKey }), error.message, 'rules-config', schemaOptions(error))
    return
  }
  context.ruleConfigs.push({ file: source, values: yaml.data as RuleConfigSource['values'], prefix: [], locate: yaml.locate })
}

/** A translated schema error's suggestions, and its message id when it has one. */
function schemaOptions(error: TranslatedError): FiledOptions {
  return { expected: error.expected ?? [], ...(error.messageId ? { messageId: error.messageId, data: error.data ?? {} } : {}) }
}

function placeOf(file: SourceFile, position: Position | undefined): Place {
  return { file, position: position ?? FILE_START }
}

/** Where a pinned `{#id}` goes: the end of the node's own text. */
function endOf(node: { position?: Position; children?: Array<{ position?: Position }> }): number | undefined {
  return node.children?.at(-1)?.position?.end.offset ?? node.position?.end.offset
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Reads a `{...}` block and reports anything in it this spot does not accept. */
function attributesOf(context: ParseContext, node: Parameters<typeof takeAttributes>[0], file: SourceFile, allowed: string[]): Attributed {
  const result = takeAttributes(node, file)
  const block = result.block
  if (!block) return result
  const at = result.blockPosition
  for (const { message, ...options } of block.problems) context.problem(file, at, message, 'invalid-attributes', options)
  for (const key of Object.keys(block.attributes.values)) {
    if (!allowed.includes(key)) {
      const messageId = allowed.length ? 'unknownAttribute' : 'onlyId'
      const data: Record<string, string> = allowed.length ? { setting: key, allowed: quotedList(allowed) } : { setting: key }
      context.problem(file, at, renderMessage(UNKNOWN_ATTRIBUTE_MESSAGES[messageId], data), 'invalid-attributes', { expected: closest(key, allowed), messageId, data })
    }
  }
  return result
}

function defer(context: ParseContext, target: object, key: string, nodes: RootContent[], file: SourceFile): void {
  place(context, nodes)
  if (nodes.length) context.deferred.push({ target, key, nodes, file })
}

/* ---------------------------------------------------------------- framework.md */

function readFrameworkFile(context: ParseContext, item: ParsedFile): void {
  const { file, data } = item
  const framework = context.framework
  const source = file.source
  context.places.set(framework, placeOf(source, item.frontMatter?.position))
  if (data) {
    const id = str(data.id)
    if (id && id !== context.folder.id)
      context.problem(source, item.frontMatter?.locate(['id']), `The framework id “${id}” differs from its folder name “${context.folder.id}”, expected the two to match`, 'frontmatter-schema', {
        expected: [context.folder.id],
      })
    framework.title = str(data.title) ?? framework.title
    framework.partnership = str(data.partnership) ?? framework.partnership
    if (str(data.region)) framework.region = str(data.region)
    framework.version = str(data.version) ?? framework.version
    framework.status = (str(data.status) as Framework['status']) ?? framework.status
    if (str(data.published)) framework.published = str(data.published)
    if (str(data.reviewDue)) framework.reviewDue = str(data.reviewDue)
    if (str(data.changeNote)) framework.changeNote = str(data.changeNote)
    framework.indicatorLayout = (str(data.indicatorLayout) as Framework['indicatorLayout']) ?? framework.indicatorLayout
    // Only well-formed entries: with a bad setting elsewhere the front-matter is still read, and the
    // schema message already points at a broken entry.
    if (Array.isArray(data.guidance))
      framework.guidance = (data.guidance as unknown[]).filter(
        (entry): entry is Framework['guidance'][number] =>
          typeof entry === 'object' && entry !== null && typeof (entry as { title?: unknown }).title === 'string' && typeof (entry as { edition?: unknown }).edition === 'number',
      )
    if (data.rules && typeof data.rules === 'object' && item.frontMatter)
      context.ruleConfigs.push({ file: source, values: data.rules as RuleConfigSource['values'], prefix: ['rules'], locate: item.frontMatter.locate })
  }
  registerId(context, { id: framework.id, kind: 'framework', node: framework, place: placeOf(source, item.frontMatter?.position), explicit: true })
  // A link to framework.md goes to the framework (the website's overview page).
  context.fileNodes.set(source.relative, framework)
  const slugger = newSlugger()
  const depth = minHeadingDepth(item.body) ?? 2
  const { before: all, parts } = splitByHeading(item.body, depth)
  const { completeness, rest: before } = takeCompleteness(context, source, all)
  if (completeness) framework.completeness = completeness
  collectLinks(context, source, before, framework)
  defer(context, framework, 'summary', before, source)
  framework.sections.push(...sectionsFrom(context, source, slugger, parts, depth))
}

/* ---------------------------------------------------------------- sections */

function sectionsFrom(
  context: ParseContext,
  file: SourceFile,
  slugger: ReturnType<typeof newSlugger>,
  parts: Array<{ heading: Heading; body: RootContent[] }>,
  depth: number,
  /** An id for the first section from elsewhere (a page's front-matter); `{#id}` still wins. */
  firstId?: string,
): Section[] {
  const sections: Section[] = []
  for (const [index, { heading, body }] of parts.entries()) {
    const attributed = attributesOf(context, heading, file, ALLOWED_ATTRIBUTES.plain ?? [])
    const section: Section = { id: '', title: attributed.text || 'Untitled', body: '', children: [] }
    const explicit = attributed.block?.attributes.id ?? (index === 0 ? firstId : undefined)
    assignId(context, section, 'section', placeOf(file, heading.position), explicit, () => slugify(attributed.text || 'section'), endOf(heading))
    place(context, [heading])
    recordAnchor(context, file, slugger, heading, attributed.text, section)
    const inner = splitByHeading(body, depth + 1)
    const childDepth = minHeadingDepth(body)
    const { completeness, rest } = takeCompleteness(context, file, inner.before)
    if (completeness) section.completeness = completeness
    collectLinks(context, file, rest, section)
    defer(context, section, 'body', rest, file)
    if (childDepth !== undefined) {
      const nested = splitByHeading(body, childDepth)
      section.children = sectionsFrom(context, file, slugger, nested.parts, childDepth)
    }
    sections.push(section)
  }
  return sections
}

function readSectionFile(context: ParseContext, item: ParsedFile): void {
  const source = item.file.source
  const slugger = newSlugger()
  const depth = minHeadingDepth(item.body)
  if (depth === undefined) {
    context.problem(source, FILE_START, 'This page has no heading, expected a title line starting with “#”', 'misplaced-content')
    return
  }
  const { before, parts } = splitByHeading(item.body, depth)
  if (before.some((node) => node.type !== 'html')) {
    context.problem(source, before[0]?.position, 'Text comes before the page title, expected the file to start with its “#” heading', 'misplaced-content')
    place(context, before)
  }
  // An id in front-matter names the page's first section.
  const sections = sectionsFrom(context, source, slugger, parts, depth, str(item.data?.id))
  const first = sections[0]
  if (first) context.fileNodes.set(source.relative, first)
  // The page's title is its first heading: a `title:` setting saying otherwise would be lost.
  const firstHeading = parts[0]?.heading
  if (first && firstHeading) reportTitleTwice(context, item, firstHeading, first.title)
  context.framework.sections.push(...sections)
}

/* ---------------------------------------------------------------- levels */

const LEVEL_HEADINGS: Array<{ key: 'description' | 'whatToDo' | 'consent' | 'contacts' | 'indicators'; labels: string[] }> = [
  { key: 'description', labels: ['what it means', 'what does this mean', 'description', 'about this level'] },
  { key: 'whatToDo', labels: ['what to do', 'response', 'next steps', 'what should i do'] },
  { key: 'consent', labels: ['information sharing and consent', 'consent', 'family agreement', 'information sharing'] },
  { key: 'contacts', labels: ['contacts', 'who to contact', 'contact'] },
  { key: 'indicators', labels: ['indicators', 'indicators at this level', 'what you might see'] },
]

function readLevelFile(context: ParseContext, item: ParsedFile): void {
  const source = item.file.source
  const data = item.data
  if (!data) {
    notReadBecauseOfAnotherProblem(item.body)
    return
  }
  const level: Level = {
    id: str(data.id) ?? '',
    title: str(data.title) ?? '',
    rank: typeof data.rank === 'number' ? data.rank : 0,
    order: 0,
    contacts: [],
    links: [],
    sections: [],
    children: [],
  }
  if (str(data.shortTitle)) level.shortTitle = str(data.shortTitle)
  if (str(data.label)) level.label = str(data.label)
  if (str(data.familyAgreementCondition)) level.familyAgreementCondition = str(data.familyAgreementCondition)
  if (str(data.parent)) level.parent = str(data.parent)
  if (str(data.familyAgreement)) level.familyAgreement = data.familyAgreement as Level['familyAgreement']
  // A condition is kept in words, never flattened into “needed” or “not needed”.
  if ((level.familyAgreement === 'conditional') !== Boolean(level.familyAgreementCondition))
    context.problem(
      source,
      item.frontMatter?.locate([level.familyAgreementCondition ? 'familyAgreementCondition' : 'familyAgreement']),
      level.familyAgreementCondition
        ? `“familyAgreementCondition” needs “familyAgreement: conditional”, expected both or neither`
        : `“familyAgreement: conditional” needs the condition in words, expected a line such as “familyAgreementCondition: Not needed if the child is at immediate risk of harm”`,
      'frontmatter-schema',
    )
  if (str(data.indicatorPolarity)) context.levelPolarity.set(level.id, data.indicatorPolarity as 'strength' | 'need')
  registerId(context, { id: level.id, kind: 'level', node: level, place: placeOf(source, item.frontMatter?.locate(['id'])), explicit: true })
  context.places.set(level, placeOf(source, item.frontMatter?.locate(['title'])))
  context.fileNodes.set(source.relative, level)
  context.flatLevels.push({ level, file: item.file, fileIndex: context.flatLevels.length })
  const printed = level.label ? [normaliseLabel(level.label), normaliseLabel(`${level.label} ${level.title}`)] : []
  for (const label of [level.id, normaliseLabel(level.title), ...(level.shortTitle ? [normaliseLabel(level.shortTitle)] : []), ...printed]) {
    const list = context.levelsByLabel.get(label) ?? []
    if (!list.includes(level)) list.push(level)
    context.levelsByLabel.set(label, list)
  }

  const slugger = newSlugger()
  const depth = minHeadingDepth(item.body) ?? 2
  const { before, parts } = splitByHeading(item.body, depth)
  collectLinks(context, source, item.body, level)
  const description = [...before]
  const others: typeof parts = []
  for (const part of parts) {
    // Peek at the words only: other headings keep their `{#id}` for sectionsFrom to read.
    const words = headingText(part.heading)
    const block = findAttributeBlock(words)
    const label = normaliseLabel(block ? words.slice(0, block.start) : words)
    const known = LEVEL_HEADINGS.find((h) => h.labels.includes(label))
    if (!known) {
      others.push(part)
      continue
    }
    const attributed = attributesOf(context, part.heading, source, ALLOWED_ATTRIBUTES.plain ?? [])
    recordAnchor(context, source, slugger, part.heading, attributed.text)
    place(context, [part.heading])
    if (known.key === 'description') description.push(...part.body)
    else if (known.key === 'contacts') {
      // Contacts are the links of this list; words beside them are not kept, so the content-placed
      // rule reports them. Anything but a list is reported just below.
      place(context, part.body.filter((node) => node.type !== 'list'))
      eachNode(part.body, (node) => {
        if (node.type !== 'link') return
        place(context, [node])
        context.contactListLinks.add(node)
      })
      // Contacts are links; they are resolved with every other link once all files are read.
      if (part.body.some((node) => node.type !== 'list' && node.type !== 'html'))
        context.problem(source, part.heading.position, `The “Contacts” heading should hold only a bullet list of links to contacts, such as “- [First Point of Contact](#fpoc)”`, 'misplaced-content')
    } else if (known.key === 'indicators') readLevelIndicators(context, source, part.heading, part.body, level)
    else {
      // “Partial in the source:” under “What to do” or “Consent” marks that text, not the page.
      const { completeness, rest } = takeCompleteness(context, source, part.body)
      const field = known.key === 'whatToDo' ? 'whatToDoCompleteness' : 'consentCompleteness'
      if (completeness && level[field]) context.problem(source, context.places.get(completeness)?.position, 'This part already says the source is incomplete, expected one “Partial in the source:” or “Missing from the source:” line per list or page', 'misplaced-content')
      else if (completeness) level[field] = completeness
      defer(context, level, known.key, rest, source)
    }
  }
  const { completeness, rest } = takeCompleteness(context, source, description)
  if (completeness) level.completeness = completeness
  defer(context, level, 'description', rest, source)
  level.sections = sectionsFrom(context, source, slugger, others, depth)
}

/** A level's own list of indicators, under no domain (a short family-facing list, say). */
function readLevelIndicators(context: ParseContext, source: SourceFile, heading: Heading, body: RootContent[], level: Level): void {
  const polarity = context.levelPolarity.get(level.id) ?? 'need'
  for (const node of body) {
    if (node.type === 'list') readIndicatorList(context, source, node, undefined, level, polarity)
    else if (node.type !== 'html') {
      // Words here would belong to no field: said rather than dropped.
      context.problem(source, node.position, `The “${headingText(heading)}” heading should hold only a bullet list of indicators, expected this text under another heading such as “## What it means”`, 'misplaced-content')
      place(context, [node])
    }
  }
}

/**
 * Puts each node under its parent, one level deep. Nodes whose parent is unknown, themselves, or
 * itself a child stay at the top; the reference rules report them.
 */
function nestOneDeep<T extends { id: string; parent?: string; children: T[] }>(flat: readonly T[]): T[] {
  const byId = new Map(flat.map((node) => [node.id, node]))
  const top: T[] = []
  for (const node of flat) {
    const parent = node.parent ? byId.get(node.parent) : undefined
    if (parent && parent !== node && !parent.parent) parent.children.push(node)
    else top.push(node)
  }
  return top
}

function nestLevels(context: ParseContext): void {
  const top = nestOneDeep(context.flatLevels.map(({ level }) => level))
  const byRank = (a: Level, b: Level) => a.rank - b.rank
  top.sort(byRank)
  let order = 0
  for (const level of top) {
    level.order = order++
    level.children.sort(byRank)
    for (const child of level.children) child.order = order++
  }
  context.framework.levels = top
}

/** Finds the level a heading or column header names: `{level=id}`, then id, then title. */
function levelFor(context: ParseContext, text: string, explicit: string | undefined): { level?: Level; ambiguous?: Level[] } {
  if (explicit) {
    const found = context.levelsByLabel.get(explicit)?.find((l) => l.id === explicit)
    return found ? { level: found } : {}
  }
  const byId = context.levelsByLabel.get(text.trim())?.filter((l) => l.id === text.trim())
  if (byId?.length === 1) return { level: byId[0] }
  const matches = context.levelsByLabel.get(normaliseLabel(text.replace(/\*+$/, ''))) ?? []
  if (matches.length === 1) return { level: matches[0] }
  if (matches.length > 1) return { ambiguous: matches }
  return {}
}


/* ---------------------------------------------------------------- domains and indicators */

function polarityOf(label: string): 'strength' | 'need' | undefined {
  if (/^(strengths?|protective factors?)\b/.test(label)) return 'strength'
  if (/^(needs?|risks?|concerns?|worries)\b/.test(label)) return 'need'
  return undefined
}

/** The levels a table's header cells name, when it names any: a domain's indicators laid out as the source's table. */
function levelColumnsOf(context: ParseContext, table: Table): Level[] {
  const header = table.children[0]?.children ?? []
  return header.map((cell) => levelFor(context, plainText(cell).trim(), undefined).level).filter((level): level is Level => level !== undefined)
}

/** A paragraph that is only bold or italic words naming a level or a strengths/needs list: a heading written as emphasis. */
function boldHeadingOf(context: ParseContext, node: RootContent): { written: string; words: string; level?: Level } | undefined {
  if (node.type !== 'paragraph') return undefined
  const parts = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const [only] = parts
  if (parts.length !== 1 || !only || (only.type !== 'strong' && only.type !== 'emphasis')) return undefined
  const words = plainText(only).trim().replace(/\s*:$/, '')
  const { level } = levelFor(context, words, undefined)
  if (!words || (!polarityOf(normaliseLabel(words)) && !level)) return undefined
  const mark = only.type === 'strong' ? '**' : '*'
  return { written: `${mark}${plainText(only).trim()}${mark}`, words, ...(level ? { level } : {}) }
}

function readDomainFile(context: ParseContext, item: ParsedFile): void {
  const source = item.file.source
  const data = item.data
  if (!data) {
    notReadBecauseOfAnotherProblem(item.body)
    return
  }
  const domain: Domain = { id: str(data.id) ?? '', title: str(data.title) ?? '', children: [] }
  if (str(data.parent)) domain.parent = str(data.parent)
  // The source's heading for this domain at some levels, kept by level id; reference-resolves checks the ids.
  const titles = data.titleAtLevel
  if (titles && typeof titles === 'object' && !Array.isArray(titles)) {
    const entries = Object.entries(titles as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    if (entries.length) {
      domain.titleAtLevel = Object.fromEntries(entries)
      context.places.set(domain.titleAtLevel, placeOf(source, item.frontMatter?.locate(['titleAtLevel'])))
    }
  }
  registerId(context, { id: domain.id, kind: 'domain', node: domain, place: placeOf(source, item.frontMatter?.locate(['id'])), explicit: true })
  context.places.set(domain, placeOf(source, item.frontMatter?.locate(['title'])))
  context.fileNodes.set(source.relative, domain)
  context.flatDomains.push(domain)

  const byLevel = context.framework.indicatorLayout === 'by-level'
  const slugger = newSlugger()
  const description: RootContent[] = []
  // Words under a level or strengths/needs heading belong to that list, not to the whole domain.
  const cells = new Map<string, { cell: DomainCell; nodes: RootContent[] }>()
  // Heading context by depth: the deepest level and polarity headings above a list apply to it.
  const stack: Array<{ depth: number; level?: Level; polarity?: 'strength' | 'need' }> = []
  let seenHeading = false
  for (const node of item.body) {
    if (node.type === 'heading') {
      seenHeading = true
      while (stack.length && (stack.at(-1)?.depth ?? 0) >= node.depth) stack.pop()
      const attributed = attributesOf(context, node, source, ALLOWED_ATTRIBUTES.heading ?? [])
      place(context, [node])
      const label = normaliseLabel(attributed.text)
      const polarity = polarityOf(label)
      recordAnchor(context, source, slugger, node, attributed.text)
      if (polarity && !attributed.block?.attributes.values.level) {
        stack.push({ depth: node.depth, polarity })
        continue
      }
      const { level, ambiguous } = levelFor(context, attributed.text, attributed.block?.attributes.values.level)
      if (level) stack.push({ depth: node.depth, level })
      else {
        stack.push({ depth: node.depth })
        // The lists under an ambiguous heading are not read: the levels must not be reported as having no indicators too.
        for (const candidate of ambiguous ?? []) context.levelsWithUnreadLists.add(candidate.id)
        reportUnknownLevelName(context, source, node.position, { heading: attributed.text, alsoLists: !byLevel }, ambiguous)
      }
      continue
    }
    const columns = node.type === 'table' ? levelColumnsOf(context, node) : []
    if (columns.length) {
      // Kept as text, its cells would never be indicators: not found, not counted, not compared.
      const named = columns.map((level) => `“${level.title}”`).join(', ')
      context.problem(source, node.position, `This table’s columns name levels (${named}), but a table is not read as indicators, expected each column as a heading, such as “## ${columns[0]?.title}”, with its indicators as bullet points under it`, 'misplaced-content')
      notReadBecauseOfAnotherProblem([node])
      continue
    }
    const bold = boldHeadingOf(context, node)
    if (bold) {
      // Its bullet points would otherwise join the list above: at another level, or as strengths.
      seenHeading = true
      context.problem(source, node.position, `The line “${bold.written}” is bold text, not a heading, so the bullet points below it would join the list above it, expected a heading: “## ${bold.words}”`, 'misplaced-content')
      stack.push({ depth: 7 }) // read as a heading not understood, until the next real heading
      notReadBecauseOfAnotherProblem([node])
      // Its list is not read: its level must not be reported as having no indicators too.
      if (bold.level) context.levelsWithUnreadLists.add(bold.level.id)
      continue
    }
    // The headings above: the deepest level and polarity, and whether one of them was not understood.
    const level = [...stack].reverse().find((entry) => entry.level)?.level
    const headingPolarity = [...stack].reverse().find((entry) => entry.polarity)?.polarity
    const invalidContext = stack.some((entry) => !entry.level && !entry.polarity)
    if (node.type === 'list') {
      if (invalidContext) {
        notReadBecauseOfAnotherProblem([node]) // the heading was already reported
        // A “### Babies” under “## Early Help”: these would have been Early Help's indicators.
        for (const entry of stack) if (entry.level) context.levelsWithUnreadLists.add(entry.level.id)
        continue
      }
      if (byLevel && !level) {
        context.problem(source, node.position, `These indicators are not under a level heading, expected a heading such as “## ${context.flatLevels[0]?.level.title ?? 'Universal'}” above them`, 'misplaced-content')
        notReadBecauseOfAnotherProblem([node])
        continue
      }
      if (!byLevel && !headingPolarity && !level) {
        context.problem(source, node.position, 'These indicators are not under a “Strengths” or “Needs” heading, expected “## Strengths and protective factors” or “## Needs and risks” above them', 'misplaced-content')
        notReadBecauseOfAnotherProblem([node])
        continue
      }
      const polarity = headingPolarity ?? (level ? context.levelPolarity.get(level.id) : undefined) ?? 'need'
      readIndicatorList(context, source, node, domain, level, polarity)
      continue
    }
    if (!seenHeading) {
      description.push(node)
      continue
    }
    if (node.type === 'html') continue // an author's note, or raw HTML the raw-html check reports
    if (invalidContext) {
      notReadBecauseOfAnotherProblem([node]) // under a heading already reported
      continue
    }
    const key = `${level?.id ?? ''}\u0000${headingPolarity ?? ''}`
    let entry = cells.get(key)
    if (!entry) {
      const cell: DomainCell = {}
      if (level) cell.level = level.id
      if (headingPolarity) cell.polarity = headingPolarity
      cells.set(key, (entry = { cell, nodes: [] }))
    }
    entry.nodes.push(node)
  }
  const whole = takeCompleteness(context, source, description)
  if (whole.completeness) domain.completeness = whole.completeness
  collectLinks(context, source, whole.rest, domain)
  defer(context, domain, 'description', whole.rest, source)
  if (cells.size) domain.cells = []
  for (const { cell, nodes } of cells.values()) {
    const { completeness, rest } = takeCompleteness(context, source, nodes)
    if (completeness) cell.completeness = completeness
    collectLinks(context, source, rest, domain)
    defer(context, cell, 'text', rest, source)
    domain.cells?.push(cell)
  }
}

function readIndicatorList(context: ParseContext, file: SourceFile, list: List, domain: Domain | undefined, level: Level | undefined, polarity: 'strength' | 'need'): void {
  // A list indented under an indicator holds what the source lists for it (services, resources,
  // links): it is kept with the indicator, never read as more indicators.
  for (const item of list.children) {
    const nested = item.children.filter((child): child is List => child.type === 'list')
    const own = item.children.filter((child) => child.type !== 'list')
    const paragraph = own.find((child) => child.type === 'paragraph')
    place(context, [item])
    if (!paragraph || paragraph.type !== 'paragraph') {
      context.problem(file, item.position, 'This bullet point is empty, expected the words of an indicator', 'misplaced-content')
      continue
    }
    const attributed = attributesOf(context, paragraph, file, ALLOWED_ATTRIBUTES.indicator ?? [])
    // Most items are one paragraph, whose words takeAttributes has just read (after taking the block off, as here).
    const words = own.length === 1 && own[0] === paragraph ? attributed.text : own.map((child) => plainText(child)).join(' ').trim()
    if (!words) {
      context.problem(file, item.position, 'This bullet point is empty, expected the words of an indicator', 'misplaced-content')
      continue
    }
    const values = attributed.block?.attributes.values ?? {}
    // Key order as before a domain could be absent: the package embeds the model as built.
    const indicator: Indicator = { id: '', ...(domain ? { domain: domain.id } : {}), polarity, text: words }
    if (level) indicator.level = level.id
    if (values.polarity === 'strength' || values.polarity === 'need') indicator.polarity = values.polarity
    else if (values.polarity !== undefined)
      context.problem(file, attributed.blockPosition, `“polarity=${values.polarity}” is not a polarity, expected “polarity=strength” or “polarity=need”`, 'invalid-attributes', { expected: ['strength', 'need'] })
    if (values.age && isAge(values.age)) indicator.age = values.age
    else if (values.age !== undefined)
      context.problem(file, attributed.blockPosition, `“age=${values.age}” is not an age group, expected one of ${AGE_FORMS}`, 'invalid-attributes', { expected: ['pre-birth', 'baby', 'under-5', '11-17', 'over-13', '13-plus'] })
    if (values.tags) indicator.tags = values.tags.split(',').filter(Boolean)
    if (values.related) {
      indicator.related = values.related.split(',').filter(Boolean)
      // A broken or circular reference is reported at the `{...}` that names it.
      if (attributed.blockPosition) context.places.set(indicator.related, placeOf(file, attributed.blockPosition))
    }
    assignId(context, indicator, 'indicator', placeOf(file, item.position), attributed.block?.attributes.id, () => slugify(words, domain?.id ?? level?.id), endOf(paragraph))
    collectLinks(context, file, item.children, indicator)
    // Emphasis and links are kept as written beside the plain text, which matching and the diff read.
    if (own.some(hasFormatting)) context.deferred.push({ target: indicator, key: 'markdown', nodes: own, file })
    defer(context, indicator, 'resources', nested, file)
    context.framework.indicators.push(indicator)
  }
}

/** Whether a node holds anything but plain words: emphasis, a link, code, a line break. */
function hasFormatting(node: RootContent): boolean {
  if (node.type === 'text' || node.type === 'html') return false
  if (node.type !== 'paragraph') return true
  return node.children.some((child) => hasFormatting(child))
}

/** Ages as sources print them: before birth, babies, and ranges of years. */
const AGE_FORMS = '“pre-birth” (or “unborn”), “baby”, “under-5”, “over-13”, “13-plus” or a range of years such as “11-17”'

function isAge(age: string): boolean {
  if (/^(pre-birth|unborn|baby)$/.test(age)) return true
  const bound = /^(?:under|over)-(\d{1,2})$|^(\d{1,2})-plus$/.exec(age)
  if (bound) return Number(bound[1] ?? bound[2]) <= 25
  const range = /^(\d{1,2})-(\d{1,2})$/.exec(age)
  return Boolean(range && Number(range[1]) < Number(range[2]) && Number(range[2]) <= 25)
}

function nestDomains(context: ParseContext): void {
  context.framework.domains = nestOneDeep(context.flatDomains)
}

/* ---------------------------------------------------------------- contacts */

/**
 * The page title of contacts.md or links.md: a “#” heading written before anything else but
 * comments, the only one of its depth. In contacts.md deeper headings must follow it (they are
 * the contacts); a lone “# Front door” is still a contact.
 */
function takePageTitle(body: RootContent[], needsDeeperHeadings: boolean): { title?: Heading; rest: RootContent[] } {
  const index = body.findIndex((node) => node.type !== 'html')
  const first = body[index]
  if (first?.type !== 'heading' || first.depth !== 1) return { rest: body }
  const rest = body.slice(index + 1)
  if (rest.some((node) => node.type === 'heading' && node.depth === 1)) return { rest: body }
  if (needsDeeperHeadings && !rest.some((node) => node.type === 'heading')) return { rest: body }
  return { title: first, rest }
}

/**
 * The title of contacts.md or links.md: the “#” heading, else the front-matter `title`. When both
 * are written and differ, the setting would be lost without a word: that is reported at it.
 */
function pageTitle(context: ParseContext, item: ParsedFile, slugger: ReturnType<typeof newSlugger>, heading: Heading | undefined): string | undefined {
  const setting = str(item.data?.title)
  if (!heading) return setting
  const text = titleOf(context, item.file.source, slugger, heading)
  reportTitleTwice(context, item, heading, text)
  return text
}

/** A front-matter `title` that says something other than the heading published as the page's title. */
function reportTitleTwice(context: ParseContext, item: ParsedFile, heading: Heading, text: string): void {
  const setting = str(item.data?.title)
  if (setting === undefined || setting.trim() === text) return
  const source = item.file.source
  const data = { setting, heading: text }
  context.problem(source, item.frontMatter?.locate(['title']), renderMessage(TITLE_TWICE_MESSAGES.titleTwice, data), 'title-twice', {
    messageId: 'titleTwice',
    data,
    ...(heading.position ? { cause: { file: source, position: heading.position, message: 'the “#” heading that titles the page' } } : {}),
  })
}

/** A page title's words; links may point at it like at any heading. */
function titleOf(context: ParseContext, file: SourceFile, slugger: ReturnType<typeof newSlugger>, heading: Heading): string {
  const text = headingText(heading)
  recordAnchor(context, file, slugger, heading, text)
  place(context, [heading])
  return text
}

const CONTACT_LABELS: Record<string, 'phone' | 'hours' | 'web' | 'email' | 'address' | 'emergency' | 'useFor'> = {
  phone: 'phone', telephone: 'phone', tel: 'phone', 'phone number': 'phone',
  hours: 'hours', 'opening hours': 'hours', open: 'hours',
  web: 'web', website: 'web', portal: 'web', url: 'web', 'web form': 'web', 'online form': 'web',
  email: 'email', 'e mail': 'email',
  address: 'address', 'postal address': 'address', post: 'address',
  emergency: 'emergency',
  'use for': 'useFor', 'when to use': 'useFor', for: 'useFor',
}

function readContactsFile(context: ParseContext, item: ParsedFile): void {
  const source = item.file.source
  // A “#” heading above “##” contacts is the page's title, not a contact.
  const slugger = newSlugger()
  const titled = takePageTitle(item.body, true)
  const title = pageTitle(context, item, slugger, titled.title)
  if (title) context.framework.contactsTitle = title
  const depth = minHeadingDepth(titled.rest)
  if (depth === undefined) return
  const { parts } = splitByHeading(titled.rest, depth)
  for (const { heading, body } of parts) {
    const attributed = attributesOf(context, heading, source, ALLOWED_ATTRIBUTES.plain ?? [])
    const contact: Contact = { id: '', name: attributed.text, phones: [], emergency: false }
    assignId(context, contact, 'contact', placeOf(source, heading.position), attributed.block?.attributes.id, () => slugify(attributed.text), endOf(heading))
    recordAnchor(context, source, slugger, heading, attributed.text, contact)
    place(context, [heading])
    const description: RootContent[] = []
    const seen = new Map<string, ListItem>()
    for (const node of body) {
      if (node.type !== 'list') {
        description.push(node)
        continue
      }
      place(context, node.children)
      for (const entry of node.children) readContactDetail(context, source, contact, entry, seen)
    }
    collectLinks(context, source, description, contact)
    defer(context, contact, 'description', description, source)
    context.framework.contacts.push(contact)
  }
}

const DETAIL_NAMES: Record<string, string> = { hours: 'hours', web: 'a “Web” link', email: 'an email address', address: 'an address', emergency: 'an “Emergency” line', useFor: 'a “Use for” line' }

/** “Phone (out of hours)”: the label, and the number's use in brackets after it. */
const LABEL_WITH_USE = /^([^(]*?)\s*\(([^)]*)\)\s*$/

/**
 * The place of the line `index` (of `count`) of a paragraph's words, from its first word to its
 * end; none when the paragraph's words do not run over exactly `count` lines of the source.
 */
function lineOfParagraph(file: SourceFile, node: { position?: Position }, index: number, count: number): Place | undefined {
  const start = node.position?.start
  const end = node.position?.end
  if (start?.offset === undefined || end?.offset === undefined || end.line - start.line + 1 !== count) return undefined
  let from = index === 0 ? start.offset : file.toOffset({ line: start.line + index, column: 1 })
  while (file.text[from] === ' ' || file.text[from] === '\t') from++
  const lineEnd = /\r\n|\r|\n/g
  lineEnd.lastIndex = from
  const to = Math.min(lineEnd.exec(file.text)?.index ?? end.offset, end.offset)
  return placeOf(file, { start: file.toPoint(from), end: file.toPoint(to) })
}

/**
 * The place of a detail's value as written after its label's colon in `node` (an address inside
 * `<…>` or after `mailto:`), or undefined when the words are not there as read (escaped).
 */
function writtenAt(file: SourceFile, node: { position?: Position }, value: string): Place | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || value === '') return undefined
  const colon = file.text.indexOf(':', start)
  const at = colon === -1 ? -1 : file.text.indexOf(value, colon + 1)
  if (at === -1 || at + value.length > end) return undefined
  return placeOf(file, { start: file.toPoint(at), end: file.toPoint(at + value.length) })
}

function readContactDetail(context: ParseContext, file: SourceFile, contact: Contact, entry: ListItem, seen: Map<string, ListItem>): void {
  // Only a number may have details of its own (its hours), in a list under it.
  const own = entry.children[0]?.type === 'paragraph' ? entry.children[0] : entry
  const text = plainText(own)
  const colon = text.indexOf(':')
  const written = colon === -1 ? '' : text.slice(0, colon)
  const withUse = LABEL_WITH_USE.exec(written)
  const label = normaliseLabel(withUse ? (withUse[1] ?? '') : written)
  const key = CONTACT_LABELS[label]
  if (!key || (withUse && key !== 'phone')) {
    const suggestion = closest(label || text.split(' ')[0] || '', ['Phone', 'Hours', 'Web', 'Email', 'Address', 'Emergency', 'Use for'])
    const [messageId, data]: [keyof typeof UNKNOWN_LABEL_MESSAGES, Record<string, string>] =
      colon === -1 ? ['noLabel', {}] : key ? ['useOnlyForPhone', { label: written.replace(/\s*\(.*$/, ''), use: withUse?.[2] ?? '' }] : ['unknownLabel', { label: written }]
    context.problem(file, entry.position, renderMessage(UNKNOWN_LABEL_MESSAGES[messageId], data), 'unknown-label', { expected: key ? [] : suggestion, messageId, data })
    return
  }
  const value = text.slice(colon + 1).trim()
  if (key === 'phone') {
    readPhoneDetail(context, file, contact, entry, value, withUse ? (withUse[2] ?? '').trim() : undefined)
    return
  }
  if (own !== entry && entry.children.length > 1)
    context.problem(file, entry.children[1]?.position, `Only a phone number has details of its own under it, expected this “${written}:” line on one line, or the details as lines of the contact's list`, 'misplaced-content')
  const first = seen.get(key)
  if (first) {
    // One value per detail: a second line would replace the first without a word.
    const line = first.position?.start.line
    context.problem(
      file,
      entry.position,
      key === 'hours'
        ? `“${contact.name}” already has hours${line ? ` (line ${line})` : ''}, expected one “Hours:” line per contact: the hours of one number go in a list under it, such as “  - Hours: Outside office hours”`
        : `“${contact.name}” already has ${DETAIL_NAMES[key]}${line ? ` (line ${line})` : ''}, expected one “${written}:” line per contact: write the second as a contact of its own, such as “## ${contact.name} (out of hours)”`,
      'misplaced-content',
    )
    return
  }
  seen.set(key, entry)
  const placeAt = placeOf(file, entry.position)
  switch (key) {
    case 'address': {
      // Line by line as written: the lines after the first are indented under it.
      // A hard line break (two spaces or “\\” at a line's end) parts two lines too, never joins them.
      const written = linesOf(own)
      written[0] = written[0]?.slice(written[0].indexOf(':') + 1) ?? ''
      const lines = written.map((line, index) => ({ text: line.replace(/\s+/g, ' ').trim(), index })).filter((line) => line.text)
      if (lines.length) {
        contact.address = lines.map((line) => line.text)
        // Each line's own place, so a message about one line (one too long) points at that line.
        context.places.set(contact.address, placeAt)
        context.entryPlaces.set(contact.address, lines.map((line) => lineOfParagraph(file, own, line.index, written.length) ?? placeAt))
      } else context.problem(file, entry.position, `The address of “${contact.name}” is empty, expected its lines after “Address:”, such as “Address: Council House, Manor Square, Solihull B91 3QB”`, 'misplaced-content')
      break
    }
    case 'hours': {
      const result = parseHours(value)
      contact.hours = result.hours
      context.places.set(contact.hours, placeAt)
      break
    }
    case 'web': {
      const [use] = collectLinks(context, file, entry.children, contact)
      if (!use) context.problem(file, entry.position, 'The “Web” detail has no link, expected “Web: [name](#link-id)” or “Web: https://...”', 'misplaced-content')
      else context.contactWeb.set(contact, use)
      break
    }
    case 'email': {
      contact.email = value.replace(/^mailto:/i, '')
      context.fieldPlaces.set(contact, { ...context.fieldPlaces.get(contact), email: writtenAt(file, own, contact.email) ?? placeAt })
      // Apps make a mailto: link of it: the same gate as every other address.
      const scheme = schemeOf(contact.email)
      if (scheme) context.problem(file, entry.position, `The email address of “${contact.name}” starts with “${scheme}:”, which apps must not open, expected an address such as help@example.org`, 'link-scheme')
      break
    }
    case 'emergency': {
      const yes = /^(yes|true|y)$/i.test(value)
      if (!yes && !/^(no|false|n)$/i.test(value))
        context.problem(file, entry.position, renderMessage(UNKNOWN_LABEL_MESSAGES.emergencyValue, { value }), 'unknown-label', { expected: ['yes', 'no'], messageId: 'emergencyValue', data: { value } })
      contact.emergency = yes
      break
    }
    case 'useFor': {
      const paragraph = entry.children.find((child) => child.type === 'paragraph')
      collectLinks(context, file, entry.children, contact)
      if (paragraph && paragraph.type === 'paragraph') {
        // Drop the “Use for:” label itself, keep the formatting of the rest.
        const first = paragraph.children[0]
        if (first?.type === 'text') first.value = first.value.replace(/^[^:]*:\s*/, '')
        defer(context, contact, 'useFor', [paragraph], file)
      }
      break
    }
  }
}

/**
 * “Phone: 0121 788 4300”, or “Phone (out of hours): 0121 605 6060” with the number's use, and
 * optionally its own hours in a list under it. Every number is kept, in the source's order (two
 * numbers may share a use, or both have none: the source lists them so).
 */
function readPhoneDetail(context: ParseContext, file: SourceFile, contact: Contact, entry: ListItem, value: string, use: string | undefined): void {
  const phone: Phone = { number: value }
  // The same reading as the phone rules: a valid UK number gets its international form.
  const reading = readPhone(value)
  if (reading.ok && reading.number) phone.e164 = reading.number.number
  if (use) phone.use = use
  else if (use === '') context.problem(file, entry.position, `The brackets after “Phone” are empty, expected what the number is for, such as “Phone (out of hours): ${value}”`, 'misplaced-content')
  context.places.set(phone, placeOf(file, entry.position))
  for (const child of entry.children.slice(1)) {
    const details = child.type === 'list' ? child.children : []
    if (child.type !== 'list') context.problem(file, child.position, `Under a phone number only its hours are read, expected “- Hours: Outside office hours” in a list under the number`, 'misplaced-content')
    for (const detail of details) {
      const words = plainText(detail)
      const colon = words.indexOf(':')
      // Said as what it is: an email under a number with hours is not a second “Hours:” line.
      const isHours = colon !== -1 && CONTACT_LABELS[normaliseLabel(words.slice(0, colon))] === 'hours'
      if (!isHours || phone.hours) {
        context.problem(file, detail.position, isHours ? `This number already has its hours, expected one “Hours:” line under it` : `Under a phone number only its hours are read, expected “- Hours: Outside office hours”; write other details as lines of the contact's list`, 'misplaced-content')
        continue
      }
      phone.hours = parseHours(words.slice(colon + 1).trim()).hours
      context.places.set(phone.hours, placeOf(file, detail.position))
    }
  }
  contact.phones.push(phone)
}

/* ---------------------------------------------------------------- links.md */

function readLinksFile(context: ParseContext, item: ParsedFile): void {
  const source = item.file.source
  const slugger = newSlugger()
  // A “#” heading above the entries is the page's title; other headings group the entries.
  const titled = takePageTitle(item.body, false)
  const title = pageTitle(context, item, slugger, titled.title)
  if (title) context.framework.linksTitle = title
  for (const node of titled.rest) {
    if (node.type === 'heading') {
      // Headings only group the entries for editors (documented in docs/authoring.md).
      recordAnchor(context, source, slugger, node, headingText(node))
      place(context, [node])
      continue
    }
    if (node.type !== 'list') continue // the content-placed rule reports it
    for (const entry of node.children) {
      const paragraph = entry.children[0]
      const mdLink = paragraph?.type === 'paragraph' ? paragraph.children.find((child) => child.type === 'link') : undefined
      if (!paragraph || paragraph.type !== 'paragraph' || !mdLink || mdLink.type !== 'link') {
        context.problem(source, entry.position, 'Each entry in links.md should be a link, expected “- [Name](https://...) {#id}”', 'misplaced-content')
        place(context, [entry])
        continue
      }
      // The link is the entry; words beside it are not kept, so content-placed reports them.
      place(context, [mdLink])
      const attributed = attributesOf(context, paragraph, source, ALLOWED_ATTRIBUTES.plain ?? [])
      const text = plainText(mdLink) || attributed.text
      const link: Link = { id: '', text: text || mdLink.url, status: 'ok' }
      if (/^pending:/i.test(mdLink.url)) link.status = 'pending'
      else link.url = mdLink.url
      assignId(context, link, 'link', placeOf(source, entry.position), attributed.block?.attributes.id, () => slugify(text || mdLink.url), endOf(paragraph))
      if (mdLink.position)
        addLinkUse(context, { file: source, position: mdLink.position, url: mdLink.url, text, owner: link, node: mdLink, isRegistryEntry: true })
      context.framework.links.push(link)
    }
  }
}

/* ---------------------------------------------------------------- matrix.md */

function readMatrixFile(context: ParseContext, item: ParsedFile): void {
  const source = item.file.source
  const tableIndex = item.body.findIndex((node) => node.type === 'table')
  if (tableIndex === -1) {
    context.problem(source, FILE_START, 'matrix.md has no table, expected a table with factors down the side and levels across the top', 'misplaced-content')
    return
  }
  const table = item.body[tableIndex] as Table
  place(context, [table])
  const matrix: Matrix = { title: str(item.data?.title) ?? 'Decision-making matrix', factors: [], columns: [], cells: [] }
  if (str(item.data?.rule)) matrix.rule = str(item.data?.rule)
  context.places.set(matrix, placeOf(source, table.position))
  const before = item.body.slice(0, tableIndex)
  const after = item.body.slice(tableIndex + 1)
  if (after.some((node) => node.type === 'table')) {
    const second = after.find((node) => node.type === 'table')
    context.problem(source, second?.position, 'matrix.md has a second table, expected one matrix per framework', 'misplaced-content')
    place(context, [second])
  }
  collectLinks(context, source, [...before, ...after], matrix)
  defer(context, matrix, 'description', before, source)
  defer(context, matrix, 'notes', after, source)

  const [header, ...rows] = table.children
  // The factors' column header is the author's words too (“Factor”, “Area of concern”).
  const factorHeading = header?.children[0] ? plainText(header.children[0]) : ''
  if (factorHeading) matrix.factorHeading = factorHeading
  const columns: Array<Level | undefined> = []
  header?.children.slice(1).forEach((cell) => {
    const attributed = attributesOf(context, cell, source, ALLOWED_ATTRIBUTES.cell ?? [])
    const { level, ambiguous } = levelFor(context, attributed.text, attributed.block?.attributes.values.level)
    columns.push(level)
    if (level) matrix.columns.push(level.id)
    else reportUnknownLevelName(context, source, cell.position, { column: attributed.text }, ambiguous)
  })
  for (const row of rows) {
    const [first, ...cells] = row.children
    if (!first) continue
    const attributed = attributesOf(context, first, source, ALLOWED_ATTRIBUTES.plain ?? [])
    const factor = { id: '', title: attributed.text }
    assignId(context, factor, 'factor', placeOf(source, first.position), attributed.block?.attributes.id, () => slugify(attributed.text), first.children.at(-1)?.position?.end.offset)
    matrix.factors.push(factor)
    cells.forEach((cell, index) => {
      // A cell past the last column has no level to go under; Markdown keeps it, the matrix could not.
      if (index >= columns.length) {
        if (plainText(cell)) context.problem(source, cell.position, `The row “${attributed.text}” has more cells than the table has columns, so “${plainText(cell)}” would be lost, expected one cell under each level's column`, 'misplaced-content')
        return
      }
      const level = columns[index]
      if (!level) return
      const text = plainText(cell)
      const entry = { factor: factor.id, level: level.id, text }
      // Factor ids may be derived later; the cell keeps a live reference to fill in.
      context.matrixFactorOf.set(entry, factor)
      context.places.set(entry, placeOf(source, cell.position))
      matrix.cells.push(entry)
    })
  }
  context.framework.matrix = matrix
}

