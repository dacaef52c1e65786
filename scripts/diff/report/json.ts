import { stableJson } from '../../model/order.ts'
import type { DiffReport } from '../types.ts'
import { escapeJsonControls } from '../../shared/terminal.ts'

/** The report as JSON (schema/diff.schema.json), two-space indented, ending in a newline. */
export function formatDiffJson(report: DiffReport): string {
  return escapeJsonControls(stableJson(report))
}
