import type { Framework } from '../model/types.ts'
import { generatedFrom } from './header.ts'
import { inSchemaOrder, stableJson } from '../model/order.ts'

/** `generated/<id>/framework.json`: the canonical model, keys in schema order, marked as generated. */
export function frameworkJson(framework: Framework): string {
  return stableJson(inSchemaOrder({ ...framework, $comment: generatedFrom([framework]) }))
}
