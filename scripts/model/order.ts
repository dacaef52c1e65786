import { readFileSync } from 'node:fs'
import path from 'node:path'
import { schemaDir } from './schemas.ts'

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; $defs?: Record<string, SchemaNode>; oneOf?: SchemaNode[]; anyOf?: SchemaNode[] }

// One per process, on purpose: read once from the shipped schema (docs/architecture.md), with
// what each of its nodes resolves to and the keys it declares: the same few nodes are met for
// every value of every model (hundreds of thousands in a build of 100 frameworks), so each is
// worked out once.
let root: { schema: SchemaNode; resolved: Map<SchemaNode, SchemaNode | undefined>; declared: Map<SchemaNode, { keys: string[]; known: Set<string> }> } | undefined

function memo(): NonNullable<typeof root> {
  root ??= { schema: JSON.parse(readFileSync(path.join(schemaDir, 'framework.schema.json'), 'utf8')) as SchemaNode, resolved: new Map(), declared: new Map() }
  return root
}

function schema(): SchemaNode {
  return memo().schema
}

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node
  const { resolved } = memo()
  if (resolved.has(node)) return resolved.get(node)
  let current: SchemaNode | undefined = node
  for (let guard = 0; current?.$ref && guard < 10; guard++) {
    const name: string = current.$ref.replace('#/$defs/', '')
    current = schema().$defs?.[name]
  }
  resolved.set(node, current)
  return current
}

function declaredOf(node: SchemaNode | undefined): { keys: string[]; known: Set<string> } {
  if (!node) return { keys: [], known: new Set() }
  const memos = memo().declared
  let declared = memos.get(node)
  if (!declared) {
    const keys = Object.keys(node.properties ?? {})
    declared = { keys, known: new Set(keys) }
    memos.set(node, declared)
  }
  return declared
}

/**
 * Copies a model value with its keys in the order the schema declares them (id first, children
 * last), so generated JSON reads naturally and never depends on the order code set fields.
 * Keys the schema does not know go last, alphabetically.
 */
export function inSchemaOrder(value: unknown, node: SchemaNode | undefined = schema()): unknown {
  if (value === null || typeof value !== 'object') return value
  const resolved = deref(node)
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(item, resolved?.items))
  const source = value as Record<string, unknown>
  const declared = declaredOf(resolved)
  const out: Record<string, unknown> = {}
  for (const key of declared.keys) if (Object.hasOwn(source, key) && source[key] !== undefined) out[key] = inSchemaOrder(source[key], resolved?.properties?.[key])
  for (const key of Object.keys(source).filter((k) => !declared.known.has(k)).sort())
    if (source[key] !== undefined) out[key] = inSchemaOrder(source[key], undefined)
  return out
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/**
 * Every value of a model object that the schema declares as Markdown (`$ref: #/$defs/Markdown`),
 * wherever it sits, so a Markdown field added to the schema is rendered without a code change.
 */
export function markdownValues(value: unknown, node: SchemaNode | undefined = schema(), found: Set<string> = new Set()): Set<string> {
  if (node?.$ref === '#/$defs/Markdown') {
    if (typeof value === 'string' && value !== '') found.add(value)
    return found
  }
  const resolved = deref(node)
  if (!resolved || value === null || typeof value !== 'object') return found
  for (const alternative of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) markdownValues(value, alternative, found)
  if (Array.isArray(value)) {
    for (const item of value) markdownValues(item, resolved.items, found)
    return found
  }
  const source = value as Record<string, unknown>
  for (const [key, child] of Object.entries(resolved.properties ?? {})) if (Object.hasOwn(source, key)) markdownValues(source[key], child, found)
  return found
}
