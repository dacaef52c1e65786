import type { Framework } from '../model/types.ts'
import { inSchemaOrder, stableJson } from './order.ts'

/** `generated/<id>/framework.json`: the canonical model, keys in schema order. */
export function frameworkJson(framework: Framework): string {
  return stableJson(inSchemaOrder(framework))
}
