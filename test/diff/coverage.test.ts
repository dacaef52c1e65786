import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NOT_COMPARED } from '../../scripts/diff/not-compared.ts'
import { changeKinds } from '../../scripts/diff/registry.ts'
import { schemaDir } from '../../scripts/model/schemas.ts'

type SchemaNode = { $ref?: string; type?: string | string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[]; oneOf?: SchemaNode[]; allOf?: SchemaNode[] }

/**
 * Every field of the model, as a path: `levels[].consent` for a field, `levels[]` for a list
 * itself. A definition met again inside itself (a level's children are levels) is the list only.
 */
function fieldPaths(schema: SchemaNode & { $defs?: Record<string, SchemaNode> }): string[] {
  const out = new Set<string>()
  const walk = (node: SchemaNode, at: string, seen: ReadonlySet<string>) => {
    if (node.$ref) {
      const name = node.$ref.split('/').pop() as string
      if (!seen.has(name)) walk(schema.$defs?.[name] ?? {}, at, new Set([...seen, name]))
      return
    }
    for (const sub of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(sub, at, seen)
    if (node.properties) {
      for (const [name, sub] of Object.entries(node.properties)) walk(sub, at ? `${at}.${name}` : name, seen)
      return
    }
    if (node.items) {
      out.add(`${at}[]`)
      walk(node.items, `${at}[]`, seen)
      return
    }
    if (at && !node.anyOf && !node.oneOf && !node.allOf) out.add(at)
  }
  walk(schema, '', new Set())
  return [...out].sort()
}

describe('nothing in the model goes unwatched by the diff', () => {
  const schema = JSON.parse(readFileSync(path.join(schemaDir, 'framework.schema.json'), 'utf8')) as SchemaNode
  const fields = fieldPaths(schema)
  const covered = new Set(changeKinds.flatMap((kind) => kind.covers))

  it('finds the fields of schema/framework.schema.json, lists and nested definitions included', () => {
    expect(fields).toContain('contacts[].hours.text')
    expect(fields).toContain('indicators[]')
    expect(fields).toContain('levels[].children[]')
    expect(fields.length).toBeGreaterThan(90)
  })

  it('has a change kind for every field, or a reason in not-compared.ts', () => {
    expect(fields.filter((field) => !covered.has(field) && !(field in NOT_COMPARED))).toEqual([])
  })

  it('names only fields that exist, and none both watched and not compared', () => {
    expect([...covered].filter((field) => !fields.includes(field))).toEqual([])
    expect(Object.keys(NOT_COMPARED).filter((field) => !fields.includes(field) || covered.has(field))).toEqual([])
  })
})
