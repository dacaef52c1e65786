import { readFileSync } from 'node:fs'
import path from 'node:path'
import { schemaDir } from './schemas.ts'

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; $defs?: Record<string, SchemaNode>; oneOf?: SchemaNode[]; anyOf?: SchemaNode[] }

// One per process, on purpose: read once from the shipped schema (docs/architecture.md).
let root: SchemaNode | undefined

function schema(): SchemaNode {
  root ??= JSON.parse(readFileSync(path.join(schemaDir, 'framework.schema.json'), 'utf8')) as SchemaNode
  return root
}

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node
  for (let guard = 0; current?.$ref && guard < 10; guard++) {
    const name = current.$ref.replace('#/$defs/', '')
    current = schema().$defs?.[name]
  }
  return current
}

/**
 * Copies a model value with its keys in the order the schema declares them (id first, children
 * last), so generated JSON reads naturally and never depends on the order code set fields.
 * Keys the schema does not know go last, alphabetically.
 */
export function inSchemaOrder(value: unknown, node: SchemaNode | undefined = schema()): unknown {
  const resolved = deref(node)
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(item, resolved?.items))
  if (value === null || typeof value !== 'object') return value
  const source = value as Record<string, unknown>
  const declared = Object.keys(resolved?.properties ?? {})
  const out: Record<string, unknown> = {}
  for (const key of declared) if (Object.hasOwn(source, key) && source[key] !== undefined) out[key] = inSchemaOrder(source[key], resolved?.properties?.[key])
  for (const key of Object.keys(source).filter((k) => !declared.includes(k)).sort())
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
