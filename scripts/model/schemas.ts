import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { toolRoot } from '../shared/paths.ts'

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

export const schemaDir = path.join(toolRoot, 'schema')

export type FrontMatterKind = 'framework' | 'level' | 'domain' | 'contacts' | 'links' | 'matrix' | 'section'

const frontMatterKinds: FrontMatterKind[] = ['framework', 'level', 'domain', 'contacts', 'links', 'matrix', 'section']

function load(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(schemaDir, relative), 'utf8')) as Record<string, unknown>
}

interface Validators {
  framework: ValidateFunction
  frontMatter: Record<FrontMatterKind, ValidateFunction>
  rules: ValidateFunction
}

let validators: Validators | undefined

/** One ajv instance, each schema compiled once per process (strict, all errors at once). */
export function getValidators(): Validators {
  if (validators) return validators
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: false, verbose: true })
  addFormats(ajv)
  ajv.addSchema(load('framework.schema.json'))
  ajv.addSchema(load('frontmatter/rules.schema.json'))
  for (const kind of frontMatterKinds) ajv.addSchema(load(`frontmatter/${kind}.schema.json`))
  const get = (id: string): ValidateFunction => {
    const validate = ajv.getSchema(`https://thresholds.dev/schema/${id}`)
    if (!validate) throw new Error(`Schema ${id} is missing`)
    return validate
  }
  validators = {
    framework: get('framework.schema.json'),
    rules: get('frontmatter/rules.schema.json'),
    frontMatter: Object.fromEntries(frontMatterKinds.map((kind) => [kind, get(`frontmatter/${kind}.schema.json`)])) as Record<
      FrontMatterKind,
      ValidateFunction
    >,
  }
  return validators
}

/** The property names a schema object allows, for “did you mean ...?”. */
export function allowedProperties(parentSchema: unknown): string[] {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties
  return properties ? Object.keys(properties) : []
}
