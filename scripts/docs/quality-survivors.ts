/**
 * Why each surviving mutant of the rules survives, keyed by file, mutator, the original code and
 * its replacement (scripts/docs/quality.ts `survivorKey`), so an entry stays when lines move.
 */
export const survivorReasons: Record<string, string> = {}
