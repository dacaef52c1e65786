import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'

/** Human-readable report: file, line:column, severity, message, rule id (vfile-reporter). */
export function formatText(files: readonly VFile[], options: { color?: boolean; quiet?: boolean } = {}): string {
  if (files.length === 0) return ''
  return reporter([...files], { color: options.color ?? false, quiet: options.quiet ?? false, verbose: false })
}
