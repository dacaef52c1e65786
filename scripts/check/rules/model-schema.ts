import { getValidators, loadSchema } from '../../model/schemas.ts'
import type { ParseContext, Place } from '../../parse/context.ts'
import { pathOf, translateSchemaErrors } from '../../shared/schema-messages.ts'
import { modelSubject } from '../../shared/schema-subjects.ts'
import { defineRule } from '../define-rule.ts'

/**
 * The assembled model must match schema/framework.schema.json, the contract downstream apps rely
 * on. Most problems are caught earlier with a better message; this is the safety net.
 */
export default defineRule({
  id: 'model-schema',
  severity: 'error',
  integrity: true,
  description: 'The framework, once read, matches the published JSON Schema of the model.',
  messages: {
    // The schema error translated into words (shared/schema-messages.ts), as for front-matter.
    schema: '{{problem}}',
  },
  check({ framework, parsed, report }) {
    const validate = getValidators().framework
    if (validate(framework)) return
    for (const error of translateSchemaErrors(validate.errors ?? [], framework, modelSubject(framework))) {
      // Link addresses and the version have rules of their own with better messages.
      if (error.path.at(-1) === 'url' || (error.path.length === 1 && error.path[0] === 'version')) continue
      // A required setting framework.md does not give was reported there (missing, or misspelt) already.
      if (error.path.length === 1 && unstatedSetting(parsed, error.path[0] as string)) continue
      // Point at the nearest model node that came from a source file, or the entry of a list of words or the value that did.
      let node: unknown = framework
      let owner: unknown
      let target: object | Place = framework
      for (const segment of pathOf('/' + error.path.join('/'))) {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) break
        owner = node
        node = (node as Record<string, unknown>)[segment]
        if (node && typeof node === 'object' && parsed.places.has(node)) target = node
        else if (Array.isArray(owner)) target = parsed.entryPlaces.get(owner)?.[Number(segment)] ?? target
        // A text value with a place of its own (a contact's email address): that place.
        else target = parsed.fieldPlaces.get(owner as object)?.[segment] ?? target
      }
      const field = error.path.at(-1)
      // A setting front-matter gave as it is, already reported there (frontmatter-schema): said once.
      if (owner === target && field !== undefined && reportedSetting(parsed, target, field, node)) continue
      report(target, 'schema', { problem: error.message }, { expected: error.expected })
    }
  },
})

/** Whether the value of `field` of `node` is the front-matter setting of that name its file gave, reported there already. */
function reportedSetting(parsed: ParseContext, node: object, field: string, value: unknown): boolean {
  const file = parsed.places.get(node)?.file
  if (!file || !parsed.reportedSettings.get(file)?.has(field)) return false
  const data = parsed.frontMatters.get(file)?.data
  return data !== undefined && Object.hasOwn(data, field) && data[field] === value
}

/** Whether `key` is a setting framework.md must give and does not (its front-matter errors say so). */
function unstatedSetting(parsed: ParseContext, key: string): boolean {
  const required = (loadSchema('frontmatter/framework.schema.json').required ?? []) as string[]
  if (!required.includes(key)) return false
  const file = parsed.folder.files.find((f) => f.kind === 'framework')?.source
  const data = file ? parsed.frontMatters.get(file)?.data : undefined
  return !(data && typeof data === 'object' && Object.hasOwn(data, key))
}
