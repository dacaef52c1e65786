import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Ajv2020 as Ajv2020Type, ValidateFunction } from 'ajv/dist/2020.js'
import { toolRoot } from '../shared/paths.ts'


export const schemaDir = path.join(toolRoot, 'schema')

export type FrontMatterKind = 'framework' | 'level' | 'domain' | 'contacts' | 'links' | 'matrix' | 'section'

export const FRONT_MATTER_KINDS: FrontMatterKind[] = ['framework', 'level', 'domain', 'contacts', 'links', 'matrix', 'section']
const frontMatterKinds = FRONT_MATTER_KINDS

export const SCHEMA_BASE = 'https://thresholds.dev/schema/'

/** Strict, every error at once, with the schema in each error (for plain-English messages). */
export const AJV_OPTIONS = { strict: true, allErrors: true, allowUnionTypes: false, verbose: true } as const

/** Every schema file, relative to schema/: the model's, the rule settings', one per front-matter kind. */
export const SCHEMA_FILES = ['framework.schema.json', 'frontmatter/rules.schema.json', ...FRONT_MATTER_KINDS.map((kind) => `frontmatter/${kind}.schema.json`)]

// One per process, on purpose: the shipped schema files do not change while the tool runs (docs/architecture.md).
let texts: Map<string, string> | undefined

/** The schema files' text, read once per process (the digest and the schemas come from the same bytes). */
function schemaTexts(): Map<string, string> {
  texts ??= new Map(SCHEMA_FILES.map((relative) => [relative, readFileSync(path.join(schemaDir, relative), 'utf8')]))
  return texts
}

export function loadSchema(relative: string): Record<string, unknown> {
  return JSON.parse(schemaTexts().get(relative) ?? readFileSync(path.join(schemaDir, relative), 'utf8')) as Record<string, unknown>
}


interface Validators {
  framework: ValidateFunction
  frontMatter: Record<FrontMatterKind, ValidateFunction>
  rules: ValidateFunction
}

// One per process, on purpose: compiled once from the shipped schemas (docs/architecture.md).
let validators: Validators | undefined

/**
 * The validators, precompiled into scripts/model/validators.cjs (ajv standalone); when that file
 * is missing or out of date they are compiled here instead, with the same options.
 */
export function getValidators(): Validators {
  if (validators) return validators
  validators = precompiled() ?? compileValidators()
  return validators
}

/** A digest of every schema file, so precompiled validators are used only for the schemas they came from. */
export function schemaDigest(): string {
  const hash = createHash('sha256')
  for (const [relative, text] of schemaTexts()) hash.update(relative).update('\0').update(text)
  return hash.digest('hex')
}

function precompiled(): Validators | undefined {
  try {
    const compiled = createRequire(import.meta.url)(path.join(toolRoot, 'scripts/model/validators.cjs')) as Record<string, ValidateFunction> & { schemaDigest?: string }
    if (compiled.schemaDigest !== schemaDigest()) return undefined
    const frontMatter = Object.fromEntries(frontMatterKinds.map((kind) => [kind, compiled[`frontMatter_${kind}`]]))
    if (!compiled.framework || !compiled.rules || Object.values(frontMatter).some((v) => !v)) return undefined
    // Standalone code carries no `.schema`; readers of it (“did you mean” a setting) get the file's.
    compiled.framework.schema = loadSchema('framework.schema.json')
    compiled.rules.schema = loadSchema('frontmatter/rules.schema.json')
    for (const kind of frontMatterKinds) (frontMatter[kind] as ValidateFunction).schema = loadSchema(`frontmatter/${kind}.schema.json`)
    return { framework: compiled.framework, rules: compiled.rules, frontMatter: frontMatter as Record<FrontMatterKind, ValidateFunction> }
  } catch {
    return undefined
  }
}

export function compileValidators(): Validators {
  // Loaded only here: with the precompiled validators the compiler is never needed at run time.
  const require = createRequire(import.meta.url)
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const addFormats = require('ajv-formats') as (ajv: Ajv2020Type) => Ajv2020Type
  const ajv = new Ajv2020({ ...AJV_OPTIONS })
  addFormats(ajv)
  for (const relative of SCHEMA_FILES) ajv.addSchema(loadSchema(relative))
  const get = (id: string): ValidateFunction => {
    const validate = ajv.getSchema(`https://thresholds.dev/schema/${id}`)
    if (!validate) throw new Error(`Schema ${id} is missing`)
    return validate
  }
  return {
    framework: get('framework.schema.json'),
    rules: get('frontmatter/rules.schema.json'),
    frontMatter: Object.fromEntries(frontMatterKinds.map((kind) => [kind, get(`frontmatter/${kind}.schema.json`)])) as Record<
      FrontMatterKind,
      ValidateFunction
    >,
  }
}

/** The property names a schema object allows, for “did you mean ...?”. */
export function allowedProperties(parentSchema: unknown): string[] {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties
  return properties ? Object.keys(properties) : []
}
