import { getValidators } from '../../model/schemas.ts'
import { pathOf, translateSchemaErrors } from '../../shared/schema-messages.ts'
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
    for (const error of translateSchemaErrors(validate.errors ?? [], framework)) {
      // Link addresses and the version have rules of their own with better messages.
      if (error.path.at(-1) === 'url' || (error.path.length === 1 && error.path[0] === 'version')) continue
      // Point at the nearest model node that came from a source file.
      let node: unknown = framework
      let target: object = framework
      for (const segment of pathOf('/' + error.path.join('/'))) {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) break
        node = (node as Record<string, unknown>)[segment]
        if (node && typeof node === 'object' && parsed.places.has(node)) target = node
      }
      report(target, 'schema', { problem: error.message }, { expected: error.expected })
    }
  },
})
