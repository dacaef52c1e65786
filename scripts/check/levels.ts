import type { Framework, Level } from '../model/types.ts'

/**
 * Levels that lack something a level must have. A parent is covered when one of its sub-levels
 * has it, and a sub-level when its parent has it (Family Help's two columns share one route).
 */
export function levelsLacking(framework: Framework, has: (level: Level) => boolean): Level[] {
  const lacking: Level[] = []
  for (const level of framework.levels) {
    if (!has(level) && !level.children.some(has)) lacking.push(level)
    for (const child of level.children) if (!has(child) && !has(level)) lacking.push(child)
  }
  return lacking
}
