import type { Domain, Framework, Level } from './types.ts'

/** Levels least serious first, each sub-level right after its parent: the model's level order. */
export function flatLevels(framework: Framework): Level[] {
  return framework.levels.flatMap((level) => [level, ...level.children])
}

/** Domains in file order, each sub-domain right after its parent. */
export function flatDomains(framework: Framework): Domain[] {
  return framework.domains.flatMap((domain) => [domain, ...domain.children])
}
