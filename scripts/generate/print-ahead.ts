import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Framework } from '../model/types.ts'
import { toolRoot } from '../shared/paths.ts'
import { modelTypes } from './package.ts'
import { PRINTED_FILE, type Printed } from './printed.ts'
import { typescriptPrinter } from './typescript.ts'

/**
 * A framework of every shape a framework module can have (skeleton.ts: shapeOf): what the module
 * reads of a framework besides the stand-ins is its indicator layout, whether every indicator has
 * a level and a domain, and whether it has a matrix. A shape missing here only costs time: its
 * build loads the printer.
 */
export function everyShape(): Framework[] {
  const shapes: Framework[] = []
  for (const indicatorLayout of ['by-level', 'strengths-and-needs'] as const)
    for (const placed of [true, false])
      for (const inDomain of [true, false])
        for (const matrix of [true, false]) {
          const indicator = { id: 'indicator', ...(placed ? { level: 'level' } : {}), ...(inDomain ? { domain: 'domain' } : {}) }
          const framework = { id: 'shape', title: 'Shape', indicatorLayout, levels: [{ id: 'level', children: [] }], domains: [], indicators: [indicator], contacts: [], links: [], ...(matrix ? { matrix: { factors: [] } } : {}) }
          shapes.push(framework as unknown as Framework)
        }
  return shapes
}

/** Everything printed.ts keeps, printed now by the TypeScript printer from the model's types in scripts/. */
export function printAhead(): Printed {
  const types = modelTypes(readFileSync(path.join(toolRoot, 'scripts/model/types.ts'), 'utf8'))
  return typescriptPrinter(() => [], types).printed(everyShape())
}

/** Writes the prints where a build finds them (printed.ts: storedPrints); run by compile.ts. */
export function writePrintAhead(file = path.join(toolRoot, PRINTED_FILE)): void {
  writeFileSync(file, `${JSON.stringify(printAhead())}\n`)
}
