import type { Rule } from './define-rule.ts'
import levelHasContacts from './rules/level-has-contacts.ts'
import levelHasIndicators from './rules/level-has-indicators.ts'
import levelHasWhatToDo from './rules/level-has-what-to-do.ts'
import linkNotPlaceholder from './rules/link-not-placeholder.ts'
import linkPending from './rules/link-pending.ts'
import linkReachable from './rules/link-reachable.ts'
import linkRedirected from './rules/link-redirected.ts'
import linkResolves from './rules/link-resolves.ts'
import modelSchema from './rules/model-schema.ts'
import referenceResolves from './rules/reference-resolves.ts'
import uniqueIds from './rules/unique-ids.ts'

/** Every rule, sorted by id. A test fails when a file in rules/ is missing here. */
export const rules: readonly Rule[] = [
  levelHasContacts,
  levelHasIndicators,
  levelHasWhatToDo,
  linkNotPlaceholder,
  linkPending,
  linkReachable,
  linkRedirected,
  linkResolves,
  modelSchema,
  referenceResolves,
  uniqueIds,
]
