import path from 'node:path'
import type { Definition } from 'mdast'
import type { Link } from '../model/types.ts'
import { classifyAddress, isDrivePath, schemeOf } from '../shared/addresses.ts'
import { SuggestionIndex } from '../shared/suggestions.ts'
import { slugify } from '../shared/text.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { settleDerivedIds, assignId, type IdEntry, type AddressNode, type LinkUse, type ParseContext, type Resolution } from './context.ts'
import { serialise } from './markdown.ts'
import type { FileKind } from './read.ts'
import { definitionsOf, inlineReferences } from './references.ts'

export { schemeOf }

/** `#`, an empty target and TODO-style words are placeholders, reported by link-not-placeholder. */
export function isPlaceholder(url: string): boolean {
  return /^\s*(#?|#?(todo|tbc|tbd|xxx|fixme|link|url|placeholder)|https?:\/\/(#|example\.com\/?)?)\s*$/i.test(url)
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** `/x.md`, and `C:\x.md` from a Windows computer: paths that only mean something on the author's own disk. */
const ABSOLUTE_PATH = 'is an absolute path, not a path from this file'

/**
 * Resolves a link target the way docs/authoring.md describes: `#id` anywhere in the framework,
 * `#heading` in the same file, `other.md` or `other.md#heading` relative to the linking file.
 * Paths never leave the framework folder.
 */
export function resolveLink(context: ParseContext, url: string, from: SourceFile): Resolution {
  // The same reading as the safety check (reportUnsafeLinks), so an address is never both
  // a harmless path to it and a scheme to a browser.
  const address = classifyAddress(url)
  if (isDrivePath(url)) return { kind: 'broken', reason: ABSOLUTE_PATH, suggestions: [] }
  if (address.kind === 'scheme') return { kind: 'external', scheme: address.scheme }
  if (address.kind === 'protocol-relative') return { kind: 'external', scheme: '' }
  const hash = url.indexOf('#')
  const filePart = decode(hash === -1 ? url : url.slice(0, hash))
  const fragment = hash === -1 ? undefined : decode(url.slice(hash + 1))
  if (filePart === '' && (fragment === undefined || fragment === ''))
    return { kind: 'broken', reason: 'goes nowhere', suggestions: [] }

  let targetFile = from.relative
  if (filePart !== '') {
    if (filePart.startsWith('/')) return { kind: 'broken', reason: ABSOLUTE_PATH, suggestions: [] }
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from.relative), filePart))
    if (joined.startsWith('../') || joined === '..')
      return { kind: 'broken', reason: 'points outside the framework folder', suggestions: [] }
    targetFile = joined
    const known = context.folder.files.map((file) => file.source.relative)
    if (!known.includes(targetFile)) {
      const suggestion = suggestionsFor(context, 'files', () => known).closest(targetFile)
      return { kind: 'broken', reason: `points to “${filePart}”, which is not a file of this framework`, suggestions: suggestion.map((s) => relativeFrom(from.relative, s)) }
    }
  }
  if (fragment === undefined || fragment === '') return wholeFile(context, targetFile, filePart)

  const anchors = context.anchors.get(targetFile)
  const anchor = anchors?.get(fragment)
  const entry = context.byId.get(fragment)
  const entryFits = entry !== undefined && (filePart === '' || entry.place.file.relative === targetFile)
  // An id the author wrote as {#id} is a permanent name and wins over a heading's words: renaming
  // “Care & Support” to “Care and Support” must not turn a link to the entry {#...-care-and-support-needs}
  // into a link to the heading that now spells the same.
  if (anchor && !(entryFits && entry.explicit && anchor.node !== entry.node)) {
    const node = anchor.node
    return { kind: 'internal', entry: node ? context.byId.get(node.id) : undefined, file: targetFile, anchor: fragment }
  }
  if (entryFits) return { kind: 'internal', entry, file: entry.place.file.relative, anchor: fragment }
  // One index per file and kind of link, built once: thousands of broken links must not each go through every id.
  const candidates = suggestionsFor(context, `${filePart === '' ? 'here' : 'there'}:${targetFile}`, () =>
    filePart === '' ? [...(anchors?.keys() ?? []), ...context.byId.keys()] : [...(anchors?.keys() ?? []), ...idsIn(context, targetFile)],
  )
  return {
    kind: 'broken',
    reason: filePart === '' ? `points to “#${fragment}”, which is neither an id in this framework nor a heading in this file` : `points to “#${fragment}”, which is not a heading or id in “${targetFile}”`,
    suggestions: candidates.closest(fragment).map((s) => `${filePart}#${s}`),
  }
}

/**
 * Suggestion indexes of a framework, by what they hold. Links are resolved only once every id,
 * anchor and file is known (after settleDerivedIds), so an index never goes out of date.
 */
const indexes = new WeakMap<ParseContext, Map<string, SuggestionIndex>>()

function suggestionsFor(context: ParseContext, key: string, candidates: () => Iterable<string>): SuggestionIndex {
  let byKey = indexes.get(context)
  if (!byKey) indexes.set(context, (byKey = new Map()))
  let index = byKey.get(key)
  if (!index) byKey.set(key, (index = new SuggestionIndex(candidates())))
  return index
}

function idsIn(context: ParseContext, relative: string): string[] {
  return context.ids.filter((entry) => entry.place.file.relative === relative).map((entry) => entry.id)
}

/** What the entries of each page with no id of its own are called. */
const PAGE_ENTRIES: Partial<Record<FileKind, string>> = { contacts: 'contacts', links: 'entries', matrix: 'factors' }

/**
 * A link to a whole file goes to what that file is: a level, a domain, a page's first section,
 * the framework for framework.md. contacts.md, links.md and matrix.md are no one thing with an
 * id, so apps could not follow such a link: it is reported with what to write instead, never
 * published as a bare “#”.
 */
function wholeFile(context: ParseContext, relative: string, written: string): Resolution {
  const node = context.fileNodes.get(relative)
  const entry = node ? context.byId.get(node.id) : undefined
  if (entry) return { kind: 'internal', entry, file: relative }
  const kind = context.folder.files.find((file) => file.source.relative === relative)?.kind
  const called = kind && PAGE_ENTRIES[kind]
  // The first id such a page holds is one of its entries: links made from web addresses written there get theirs last.
  const example = called && context.ids.find((id) => id.place.file.relative === relative)?.id
  return {
    kind: 'broken',
    reason: `points to the whole of “${written}”, which has no id to link to`,
    suggestions: [],
    instead: example ? `a link to one of its ${called} by its id, such as “#${example}”, or the words without a link` : 'a link to an id, or the words without a link',
  }
}

function relativeFrom(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to) || to
}

/**
 * Final pass once every file is read: hand out derived ids, resolve links, fill the id lists
 * that depend on links (a level's contacts), and write Markdown fields with links normalised
 * to `#id` so apps never see a path into the sources.
 */
export function finishReferences(context: ParseContext): void {
  const { framework } = context
  for (const [cell, factor] of context.matrixFactorOf) cell.factor = factor.id

  // Web addresses written inline become links of the model too, one per address.
  const byUrl = new Map<string, Link>()
  for (const link of framework.links) if (link.url && !byUrl.has(link.url)) byUrl.set(link.url, link)
  for (const use of context.linkUses) {
    // Links in the text of a model node only: not images, definitions, or addresses in parts no reader takes.
    if (use.isRegistryEntry || use.node.type !== 'link' || use.owner === undefined) continue
    const scheme = schemeOf(use.url)
    if ((scheme === 'https' || scheme === 'http') && !byUrl.has(use.url)) {
      const link: Link = { id: '', text: use.text || use.url, url: use.url, status: 'ok' }
      assignId(context, link, 'link', { file: use.file, position: use.position }, undefined, slugify(use.text || use.url))
      byUrl.set(use.url, link)
      framework.links.push(link)
    }
  }
  settleDerivedIds(context)

  const resolutions = new Map<LinkUse, Resolution>()
  for (const use of context.linkUses) if (!use.isRegistryEntry) resolutions.set(use, resolveLink(context, use.url, use.file))
  context.resolutions = resolutions

  const targetOf = (use: LinkUse): IdEntry | undefined => {
    const resolution = resolutions.get(use)
    if (resolution?.kind === 'internal') return resolution.entry
    const external = byUrl.get(use.url)
    return external ? context.byId.get(external.id) : undefined
  }

  const levels = new Set(context.flatLevels.map(({ level }) => level))
  // The contacts of a level's “Contacts” list first, as written there; then those only linked from its other text.
  const listedFirst = [...context.linkUses.filter((use) => context.contactListLinks.has(use.node)), ...context.linkUses.filter((use) => !context.contactListLinks.has(use.node))]
  for (const use of listedFirst) {
    if (use.isRegistryEntry || use.node.type !== 'link' || !use.owner || !levels.has(use.owner as never)) continue
    const level = use.owner as (typeof context.flatLevels)[number]['level']
    const target = targetOf(use)
    if (target?.kind === 'contact' && !level.contacts.includes(target.id)) level.contacts.push(target.id)
    if (target?.kind === 'link' && !level.links.includes(target.id)) level.links.push(target.id)
  }
  for (const [contact, use] of context.contactWeb) {
    const target = targetOf(use)
    if (target?.kind === 'link') contact.web = target.id
    // A Web detail that lands inside the framework but not on a link would vanish from the model
    // without a word (a broken one is reported by link-resolves).
    else if (resolutions.get(use)?.kind === 'internal') {
      const what = !target ? 'a heading, not a link' : target.node === contact ? 'the contact itself' : `the ${target.kind} “${target.id}”, not a link`
      context.problem(use.file, use.position, `The “Web” detail of “${contact.name}” points to ${what}, expected an entry of links.md (“Web: [name](#link-id)”) or a web address`, 'misplaced-content')
    }
  }

  // Markdown fields: rewrite internal links to `#id` (or drop the path when there is no id).
  const urlFor = new Map<AddressNode, string>()
  for (const [use, resolution] of resolutions) {
    if (resolution.kind !== 'internal') continue
    urlFor.set(use.node, resolution.entry ? `#${resolution.entry.id}` : `#${resolution.anchor ?? ''}`)
  }
  // Every node with a use is in the trees (collectEveryAddress went through them all).
  for (const [node, url] of urlFor) node.url = url
  const definitions = new Map<SourceFile, Map<string, Definition>>()
  const definitionsIn = (file: SourceFile): Map<string, Definition> => {
    let found = definitions.get(file)
    if (!found) {
      const tree = context.trees.get(file)
      found = tree ? definitionsOf(tree) : new Map()
      definitions.set(file, found)
    }
    return found
  }
  for (const item of context.deferred) {
    const text = serialise(inlineReferences(item.nodes, () => definitionsIn(item.file)))
    if (text) (item.target as Record<string, unknown>)[item.key] = text
  }
}
