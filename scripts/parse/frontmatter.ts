import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, visit, type Document, type Node as YamlNode, type Pair } from 'yaml'
import type { Root, Yaml } from 'mdast'
import type { Position } from 'unist'
import { findUnsafeCharacter, withoutUnsafeCharacters } from '../shared/characters.ts'
import { fileMessage } from '../shared/diagnostics.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { readSimpleYaml, type SimpleYaml } from './frontmatter-simple.ts'

/** How messages name the YAML read: a block of front-matter, or a whole file (rules.yaml). */
const NAMED: Readonly<Record<'front-matter' | 'file', { noun: string; Noun: string }>> = {
  'front-matter': { noun: 'the front-matter', Noun: 'The front-matter' },
  file: { noun: 'the file', Noun: 'The file' },
}

/** Front-matter read from one file, with a way to find the place of any value in it. */
export interface FrontMatter {
  data: Record<string, unknown> | undefined
  /** The whole front-matter block, `---` to `---`. */
  position: Position
  /** Place of the value at `path` (or of its nearest existing parent); `key: true` for the key itself. */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Position
}

/**
 * Parses the yaml node remark-frontmatter leaves at the top of the tree. Offsets inside the YAML
 * are shifted by the block's own start so that every message points at the author's line.
 */
export function readFrontMatter(file: SourceFile, tree: Root): FrontMatter | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml' || !node.position) return undefined
  const blockStart = node.position.start.offset ?? 0
  // The value starts on the line after the opening `---`, whatever ends that line (\n, \r\n or \r).
  const firstBreak = /\r\n|\r|\n/g
  firstBreak.lastIndex = blockStart
  const lineEnd = firstBreak.exec(file.text)
  const base = lineEnd ? lineEnd.index + lineEnd[0].length : blockStart
  return readYaml(file, (node as Yaml).value, base, { start: node.position.start, end: node.position.end }, 'front-matter')
}

/** A whole YAML file (rules.yaml), read with the same limits as front-matter. */
export function readYamlFile(file: SourceFile): FrontMatter {
  const end = file.toPoint(file.text.length)
  return readYaml(file, file.text, 0, { start: file.toPoint(0), end }, 'file')
}

/**
 * Reads YAML that starts at offset `base` of the file; `simple: false` always through the YAML
 * library, which the simple reader is tested against.
 */
export function readYaml(file: SourceFile, text: string, base: number, position: Position, what: 'front-matter' | 'file', options: { simple?: boolean } = {}): FrontMatter {
  const span = (start: number, end: number): Position => ({ start: file.toPoint(base + start), end: file.toPoint(base + end) })
  // Most front-matter is one `key: value` line per setting: read without building a YAML document.
  const simple = options.simple === false ? undefined : readSimpleYaml(text)
  if (simple) return simpleFrontMatter(simple, text, position, span)
  // The YAML parser ends lines only at \n: a lone \r (old Mac line endings) becomes \n, which
  // keeps every offset the same (the simple reader takes no \r).
  const source = text.replace(/\r(?!\n)/g, '\n')
  const doc = yamlDocument(source)

  let failed = false
  for (const error of doc.errors) {
    failed = true
    const [start = 0, end = start] = error.pos
    fileMessage(file, span(start, end), yamlMessage(error.code, error.message, source, start, what), 'yaml-syntax', 'error')
  }
  if (!failed) failed = refuseTags(file, doc, source, span, what)
  for (const warning of doc.warnings) {
    // A tag the library cannot resolve is reported once, as the refused tag above.
    if (warning.code === 'TAG_RESOLVE_FAILED' && failed) continue
    const [start = 0, end = start] = warning.pos
    fileMessage(file, span(start, end), yamlMessage(warning.code, warning.message, source, start, what), 'yaml-syntax', 'warning')
  }

  if (!failed) refuseUnsafeScalars(file, doc, span, what)

  let data: Record<string, unknown> | undefined
  if (!failed) {
    try {
      const value: unknown = doc.toJS({ maxAliasCount: 0 })
      if (value === null || value === undefined) data = {}
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>
      else fileMessage(file, position, `${NAMED[what].Noun} is not a list of settings, expected lines such as “title: Early Help”`, 'yaml-syntax', 'error')
    } catch (error) {
      // toJS refuses aliases (maxAliasCount: 0): a “billion laughs” block never expands.
      const aliasNode = findAlias(doc)
      const where = aliasNode?.range ? span(aliasNode.range[0], aliasNode.range[1]) : position
      fileMessage(file, where, `${NAMED[what].Noun} uses a YAML alias (“*name”), which is not allowed: write the value out in full`, 'yaml-syntax', 'error', {
        note: error instanceof Error ? error.message : undefined,
      })
    }
  }

  return { data, position, locate: locateIn(doc, span, position) }
}

/** The YAML library's document of a text whose lone \r are already \n. */
function yamlDocument(source: string): Document {
  // No line counter: with prettyErrors off the library only fills one, and places come from the file's own offsets.
  // logLevel 'error': the library's own warnings (a key written as a list) would go to the
  // process's stderr as a Node warning; every such case is reported as a message at its place.
  return parseDocument(source, { uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' })
}

/** locate() in a YAML document: the place of the value at a path, or of its nearest existing parent. */
function locateIn(doc: Document, span: (start: number, end: number) => Position, position: Position): FrontMatter['locate'] {
  return (path, options = {}) => {
    let current: unknown = doc.contents
    let best: YamlNode | null = doc.contents as YamlNode | null
    let keyNode: YamlNode | undefined
    for (const segment of path) {
      if (isMap(current)) {
        const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)) ?? collectionKeyNamed(current.items, String(segment), doc)
        if (!pair) break
        keyNode = pair.key as YamlNode
        current = pair.value
        if (pair.value && (pair.value as YamlNode).range) best = pair.value as YamlNode
        else best = keyNode
      } else if (isSeq(current)) {
        const item = current.items[Number(segment)]
        if (item === undefined) break
        current = item
        keyNode = undefined
        if ((item as YamlNode).range) best = item as YamlNode
      } else break
    }
    const target = options.key && keyNode ? keyNode : best
    if (target?.range) return span(target.range[0], target.range[1])
    return position
  }
}

/**
 * Front-matter read by the simple reader: the same settings, and the same places as locate() finds
 * in a YAML document. A scalar setting's place is known from the text; any other place (within a
 * list of settings, or the whole block when it holds one) is asked of the YAML document, built
 * only then: no setting has an error to report in most runs.
 */
function simpleFrontMatter(simple: SimpleYaml, text: string, position: Position, span: (start: number, end: number) => Position): FrontMatter {
  let documentLocate: FrontMatter['locate'] | undefined
  return {
    data: simple.data,
    position,
    locate(path, options = {}) {
      const setting = path.length ? simple.settings.find((candidate) => candidate.key === String(path[0])) : undefined
      if (setting?.list || (!setting && simple.lists)) {
        documentLocate ??= locateIn(yamlDocument(text), span, position)
        return documentLocate(path, options)
      }
      // Past the first segment, nothing: a scalar has no parts.
      if (!setting) return span(simple.start, simple.end)
      return options.key ? span(setting.keyStart, setting.keyEnd) : span(setting.valueStart, setting.valueEnd)
    },
  }
}

/**
 * A key written as a list or map (`[a]: 1`) is named by the library as it stringifies it for a
 * plain object (“[ a ]”): the pair whose key stringifies so, else the first such pair, so that its
 * message points at that line rather than at the whole front-matter.
 */
function collectionKeyNamed(items: readonly unknown[], name: string, doc: Document): Pair | undefined {
  if (!/^[[{]/.test(name)) return undefined
  const pairs = items.filter((item): item is Pair => isPair(item) && !isScalar(item.key) && item.key !== null)
  return pairs.find((pair) => stringify((pair.key as YamlNode).toJS(doc), { collectionStyle: 'flow' }).trimEnd() === name) ?? pairs[0]
}

/**
 * The raw file holds no control or bidirectional characters (read.ts refuses them), but a YAML
 * escape in double quotes writes any character (`"\e"`, `"\x9b"`, `"\u202E"`, a lone `"\uD800"`): each
 * is refused at the value that holds it, keys included. Only that value is refused: it is read on
 * without the refused characters, so the rest of the front-matter (the framework's region, its
 * `rules:` settings) still counts and the error is the only message about it. The error stops
 * the run, so nothing is published from it.
 */
function refuseUnsafeScalars(file: SourceFile, doc: Document, span: (start: number, end: number) => Position, what: 'front-matter' | 'file'): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return
      const unsafe = findUnsafeCharacter(node.value)
      if (!unsafe) return
      const [start = 0, end = start] = node.range ?? []
      fileMessage(file, span(start, end), `A value in ${NAMED[what].noun} holds ${unsafe.description}, written with a YAML escape, expected plain text: remove the escape`, 'unsafe-character', 'error')
      node.value = withoutUnsafeCharacters(node.value)
    },
  })
}

/** The tags that give a value JSON has too, each with the kind of value it must have given. */
const JSON_TAGS: Readonly<Record<string, (node: YamlNode) => boolean>> = {
  'tag:yaml.org,2002:str': (node) => isScalar(node) && typeof node.value === 'string',
  'tag:yaml.org,2002:int': (node) => isScalar(node) && typeof node.value === 'number',
  'tag:yaml.org,2002:float': (node) => isScalar(node) && typeof node.value === 'number',
  'tag:yaml.org,2002:bool': (node) => isScalar(node) && typeof node.value === 'boolean',
  'tag:yaml.org,2002:null': (node) => isScalar(node) && node.value === null,
  'tag:yaml.org,2002:map': (node) => isMap(node),
  'tag:yaml.org,2002:seq': (node) => isSeq(node),
}

/**
 * A YAML tag can turn a value into something a framework has no place for (`!!binary` bytes,
 * `!!set`, `!!timestamp`), or name something the library cannot read (`!custom`, `!!float 1`),
 * which it reads on as plain text with only a warning: each is refused at the tag, and the
 * front-matter is not read. Tags that give what JSON has (`!!str 1.0`, `!!int 3`) are read.
 */
function refuseTags(file: SourceFile, doc: Document, source: string, span: (start: number, end: number) => Position, what: 'front-matter' | 'file'): boolean {
  let refused = false
  visit(doc, {
    Node(_key, node) {
      if (!node.tag || JSON_TAGS[node.tag]?.(node)) return
      refused = true
      const [valueStart = 0, valueEnd = valueStart] = node.range ?? []
      // The tag is written just before its value (`!!binary aGVsbG8=`): point at it.
      let tagStart = source.lastIndexOf('!', valueStart)
      while (tagStart > 0 && source[tagStart - 1] === '!') tagStart -= 1
      const written = tagStart >= 0 ? /^!\S*/.exec(source.slice(tagStart))?.[0] : undefined
      const where = written && tagStart >= 0 ? span(tagStart, tagStart + written.length) : span(valueStart, valueEnd)
      fileMessage(file, where, `${NAMED[what].Noun} uses the YAML tag “${written ?? node.tag}”, which is not allowed: remove the tag (and put the value in quotes if it must stay text)`, 'yaml-syntax', 'error')
    },
  })
  return refused
}

function findAlias(doc: Document): YamlNode | undefined {
  let found: YamlNode | undefined
  visit(doc, {
    Alias(_key, node) {
      found = node
      return visit.BREAK
    },
  })
  return found
}

/** Plain-English versions of the YAML library's error codes. */
function yamlMessage(code: string, original: string, source: string, offset: number, what: 'front-matter' | 'file'): string {
  const { noun, Noun } = NAMED[what]
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(source.slice(offset))?.[0]?.trim()
      return `The setting “${key ?? ''}” is written twice, expected each setting once`
    }
    case 'TAB_AS_INDENT':
      return `A tab is used to indent ${noun}, expected spaces`
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `${Noun} cannot be read here (${firstSentence(original)}), expected “setting: value” lines indented with spaces`
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A setting spreads over several lines without quotes, expected the value in quotes or on one line'
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `${Noun} uses a YAML alias (“*name”), which is not allowed: write the value out in full`
    case 'MULTIPLE_DOCS':
      return `${Noun} holds more than one YAML document, expected one block of settings`
    default:
      return `${Noun} cannot be read here (${firstSentence(original)})`
  }
}

function firstSentence(message: string): string {
  return (message.split(/\n/)[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '')
}
