import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Framework } from '../model/types.ts'
import { compiledIsFresh } from '../shared/compiled.js'
import { toolRoot } from '../shared/paths.ts'
import { STAND_IN, type Files, type Skeleton } from './skeleton.ts'

/**
 * What the TypeScript printer (typescript.ts) makes that is the same for every build of this
 * version of Thresholds, printed ahead when the CLI is compiled (bin/compile.ts writes it to
 * dist/, see print-ahead.ts): the model's types, a skeleton per shape of framework module, and
 * the package's index with one stand-in framework, which `fillIndex` repeats for each framework.
 * A build that finds everything it needs here never loads ts-morph or the TypeScript compiler.
 */
export interface Printed {
  /** The model's types as the printer compiled them (package.ts: modelTypes). */
  modelSource: string
  /** `model.d.ts`, without its header. */
  model: Files
  /** The model's types beside each framework module (skeleton.ts: Skeleton). */
  beside: Files
  /** Each skeleton's module files, by its shape (skeleton.ts: shapeOf). */
  skeletons: Record<string, Files>
  /** The index module's files for the one framework of `INDEX_STAND_IN`, without their header. */
  index: Files
}

/** The file compile.ts writes the prints into, under the tool's folder. */
export const PRINTED_FILE = 'dist/printed.json'

/** The index module's stand-ins: a framework's id, type name and summary, and the union of every id. */
export const INDEX_STAND_IN = { id: STAND_IN.id, name: '__THRESHOLDS_FRAMEWORK_NAME__', summary: '__THRESHOLDS_FRAMEWORK_SUMMARY__', union: '__THRESHOLDS_UNION_FrameworkId__' }

/** A framework as the package's index names it: its id, its type name and its summary as JSON. */
export interface IndexEntry {
  id: string
  name: string
  summary: string
}

/**
 * A TypeScript name for a framework id (`west-midlands` → `WestMidlands`): each part capitalised,
 * and “_” before a part that starts with a digit, so no two ids share a name (`a-1` → `A_1`,
 * `a1` → `A1`). Ids whose name the package's index.ts uses itself are reserved (shared/names.ts).
 */
export function typeName(id: string): string {
  return id
    .split('-')
    .map((part) => (/^[0-9]/.test(part) ? `_${part}` : `${part.charAt(0).toUpperCase()}${part.slice(1)}`))
    .join('')
}

/** What the package's index says of a framework without loading it. */
export function summaryOf(framework: Framework): Record<string, string> {
  const summary: Record<string, string> = { id: framework.id, title: framework.title, partnership: framework.partnership, version: framework.version, status: framework.status }
  if (framework.published) summary.published = framework.published
  if (framework.reviewDue) summary.reviewDue = framework.reviewDue
  return summary
}

/**
 * A summary as the compiled JavaScript spells it: the TypeScript compiler keeps each string as
 * written in the source (JSON) and prints a one-line object literal with spaces inside its braces
 * and after each colon and comma.
 */
function compiledSummary(summary: Record<string, string>): string {
  return `{ ${Object.entries(summary)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')} }`
}

const INDEX_STAND_INS = new RegExp([INDEX_STAND_IN.id, INDEX_STAND_IN.name, INDEX_STAND_IN.summary].join('|'), 'g')
const NAMES_A_STAND_IN = new RegExp(INDEX_STAND_INS.source)

/**
 * The package's index files for `frameworks` (by id, at least one) from the index printed with one
 * stand-in framework: every line that names the stand-in is written once per framework, with its
 * id, type name and summary (as JSON in the source, as the compiler prints it in JavaScript), and
 * the union of ids goes where its placeholder is. Replacements are functions, so nothing in a
 * title is read as a pattern.
 */
export function fillIndex(index: Files, frameworks: readonly Framework[]): Files {
  const union = frameworks.map((framework) => `'${framework.id}'`).join(' | ')
  return index.map(([relative, text]): [string, string] => {
    const javascript = /\.c?js$/.test(relative)
    const lines = text.split('\n').flatMap((line) => {
      if (line.includes(`'${INDEX_STAND_IN.union}'`)) return [line.replace(`'${INDEX_STAND_IN.union}'`, () => union)]
      if (!NAMES_A_STAND_IN.test(line)) return [line]
      return frameworks.map((framework) =>
        line.replace(INDEX_STAND_INS, (found) => {
          if (found === INDEX_STAND_IN.id) return framework.id
          if (found === INDEX_STAND_IN.name) return typeName(framework.id)
          const summary = summaryOf(framework)
          return javascript ? compiledSummary(summary) : JSON.stringify(summary)
        }),
      )
    })
    return [relative, lines.join('\n')]
  })
}

/** The prints as a build reads them: a skeleton by its shape, the model's types and the index. */
export interface Prints {
  skeleton(shape: string): Skeleton | undefined
  model(): Files
  index(frameworks: readonly Framework[]): Files | undefined
}

/** `printed` for a build: undefined unless it was printed from these model types. */
export function printsOf(printed: Printed | undefined, modelSource: string): Prints | undefined {
  if (!printed || printed.modelSource !== modelSource || !wellFormed(printed)) return undefined
  const skeletons = new Map(Object.entries(printed.skeletons))
  return {
    skeleton: (shape) => {
      const module = skeletons.get(shape)
      return module && { module, beside: printed.beside }
    },
    model: () => printed.model,
    // With no framework the printer's own index is the one to use: nothing to repeat.
    index: (frameworks) => (frameworks.length > 0 ? fillIndex(printed.index, frameworks) : undefined),
  }
}

/** Whether every part of `printed` is what the printer makes (a file damaged on disk is not used). */
function wellFormed(printed: Printed): boolean {
  const files = (value: unknown) => Array.isArray(value) && value.every((file) => Array.isArray(file) && file.length === 2 && file.every((part) => typeof part === 'string'))
  const skeletons = printed.skeletons as unknown
  return files(printed.model) && files(printed.beside) && files(printed.index) && typeof skeletons === 'object' && skeletons !== null && Object.values(skeletons).every(files)
}

let stored: Printed | null | undefined

/**
 * The prints compile.ts wrote into dist/, when dist/ is at least as new as every source and
 * installed package (shared/compiled.js), so they are what the printer would make now; else
 * undefined. Read once per process.
 */
export function storedPrints(modelSource: string): Prints | undefined {
  if (stored === undefined) {
    stored = null
    if (!import.meta.url.endsWith('.ts') || compiledIsFresh(toolRoot)) {
      try {
        stored = JSON.parse(readFileSync(path.join(toolRoot, PRINTED_FILE), 'utf8')) as Printed
      } catch {
        // Absent or unreadable: the printer makes everything, as before they were printed ahead.
      }
    }
  }
  return printsOf(stored ?? undefined, modelSource)
}
