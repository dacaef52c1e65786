import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { schemaDir } from '../model/schemas.ts'

// One per process, on purpose: compiled once from the shipped schema (docs/architecture.md).
let validate: ValidateFunction | undefined

/** Validates a diff report against schema/diff.schema.json (the tests check every report they make). */
export function diffReportValidator(): ValidateFunction {
  validate ??= new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(path.join(schemaDir, 'diff.schema.json'), 'utf8')) as object)
  return validate
}
