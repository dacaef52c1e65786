import { problemKinds } from '../shared/problems.ts'
import { rules } from './registry.ts'

/**
 * Integrity rules and problems: without them a framework that breaks the published package (its
 * schema, its types, its ids) or puts unsafe markup or addresses into it would be published with
 * exit 0. No `rules:` setting may lower them and no comment may suppress them.
 */
export const integrityIds: ReadonlySet<string> = new Set([
  ...rules.filter((rule) => rule.integrity).map((rule) => rule.id),
  ...problemKinds.filter((kind) => 'integrity' in kind && kind.integrity).map((kind) => kind.id),
])
