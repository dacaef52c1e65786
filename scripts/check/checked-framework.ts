import type { Framework } from '../model/types.ts'
import type { FrameworkFolder } from '../parse/read.ts'

/**
 * What every stage after the check needs of a framework: its files and its model. In a file of
 * its own so that the rules and the runner can name it without importing check/index.ts, which
 * imports them (a cycle).
 */
export interface CheckedFramework {
  folder: FrameworkFolder
  framework: Framework
}
