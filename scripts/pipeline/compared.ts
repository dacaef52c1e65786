import { createHash } from 'node:crypto'

/**
 * Rules that compare frameworks (`compares` in a rule's definition) read something of every
 * framework of the run, and the date rules read today's date. A framework's stored result is
 * therefore only good while those inputs are what they were when it was checked: this is the one
 * place that decides it, for the content cache and for watch mode alike.
 */

/** The rules' inputs from outside any one framework: today, the rules run, and what the comparing rules read from each framework, in folder order. */
export function rulesKeyOf(today: string, only: readonly string[] | undefined, compared: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of [today, ...(only ?? ['all rules']), ...compared]) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** Indexes of results checked with other inputs than `rulesKey`: their rules must run again. */
export function staleResults(results: ReadonlyArray<{ rulesKey: string } | undefined>, rulesKey: string): number[] {
  return results.flatMap((result, index) => (result && result.rulesKey !== rulesKey ? [index] : []))
}
