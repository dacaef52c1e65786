import type { Domain, Framework, Level } from './types.ts'

/** Levels least serious first, each sub-level right after its parent: the model's level order. */
export function flatLevels(framework: Framework): Level[] {
  return framework.levels.flatMap((level) => [level, ...level.children])
}

/** Domains in file order, each sub-domain right after its parent. */
export function flatDomains(framework: Framework): Domain[] {
  return framework.domains.flatMap((domain) => [domain, ...domain.children])
}

/**
 * A level as printed: its label and title (“Level 3b: Early Help”), or the title alone. Two levels
 * may share a title; every message and page names a level this way so they can be told apart.
 */
export function levelName(level: Pick<Level, 'title' | 'label'>): string {
  if (!level.label) return level.title
  return level.title.toLowerCase().startsWith(level.label.toLowerCase()) ? level.title : `${level.label}: ${level.title}`
}
