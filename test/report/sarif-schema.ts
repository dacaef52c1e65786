import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

/** The digest of the copy in test/fixtures/sarif (see its README for where it comes from). */
export const SARIF_SCHEMA_SHA256 = '1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c'

/**
 * The official SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it. That copy declares JSON
 * Schema 2020-12, so it is compiled with Ajv's 2020 class; `strict: false` because the schema keeps
 * the older `definitions` keyword, which Ajv resolves through `$ref` but does not know by name.
 */
export function sarifValidator() {
  const bytes = readFileSync(new URL('../fixtures/sarif/sarif-2.1.0.json', import.meta.url))
  if (createHash('sha256').update(bytes).digest('hex') !== SARIF_SCHEMA_SHA256) throw new Error('test/fixtures/sarif/sarif-2.1.0.json is not the recorded copy of the SARIF 2.1.0 schema')
  const schema = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  if (schema.title !== 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema') throw new Error('not the SARIF 2.1.0 schema')
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(schema)
}
