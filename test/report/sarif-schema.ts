import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

/**
 * The official SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it in the SARIF Multitool npm
 * packages (one per platform, each with the same sarif-2.1.0.json). That copy declares JSON Schema
 * 2020-12, so it is compiled with Ajv's 2020 class; `strict: false` because the schema keeps the
 * older `definitions` keyword, which Ajv resolves through `$ref` but does not know by name.
 */
export function sarifValidator() {
  const require = createRequire(import.meta.url)
  const platform = process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux'
  const schema = JSON.parse(readFileSync(require.resolve(`@microsoft/sarif-multitool-${platform}/sarif-2.1.0.json`), 'utf8')) as Record<string, unknown>
  if (schema.title !== 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema') throw new Error('not the SARIF 2.1.0 schema')
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(schema)
}
