import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.ts'
import { allowed, layers, processAllowedIn, programs, type Allowed } from './layers.ts'

/** Every source file under scripts/, relative to the repository, with forward slashes. */
function sourceFiles(dir = 'scripts'): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = `${dir}/${entry.name}`
      if (entry.isDirectory()) return sourceFiles(relative)
      return /\.(ts|js|cjs|mjs)$/.test(entry.name) ? [relative] : []
    })
    .sort()
}

const files = sourceFiles()
const texts = new Map(files.map((file) => [file, readFileSync(path.join(repoRoot, file), 'utf8')]))

/** The files each file imports (type-only and dynamic imports included), resolved inside the repository. */
const imports = new Map(
  files.map((file) => {
    const info = ts.preProcessFile(texts.get(file) ?? '', true, true)
    const targets = info.importedFiles
      .map((entry) => entry.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)))
      .filter((target) => existsSync(path.join(repoRoot, target)))
    return [file, [...new Set(targets)]] as const
  }),
)

const trees = new Map<string, ts.SourceFile>()

/** The syntax tree of a file's text, parsed once for all the checks (parsing every file is most of their time). */
function treeOf(file: string): ts.SourceFile {
  const text = texts.get(file) ?? ''
  let tree = trees.get(file)
  if (tree?.text !== text) {
    tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    trees.set(file, tree)
  }
  return tree
}

/** scripts/parse/index.ts -> parse; scripts/cli.ts -> cli. */
function folderOf(file: string): string {
  const [, first = ''] = file.split('/')
  return first.replace(/\.[a-z]+$/, '')
}

function layerViolations(): string[] {
  const found = new Set<string>()
  for (const [file, targets] of imports)
    for (const target of targets) {
      const from = folderOf(file)
      const to = folderOf(target)
      if (from === to || !target.startsWith('scripts/')) continue
      const fromLayer = layers[from]
      const toLayer = layers[to]
      if (fromLayer === undefined || toLayer === undefined || toLayer >= fromLayer) found.add(`${from} -> ${to}`)
    }
  return [...found].sort()
}

/** Groups of files that import each other, round in a circle (Tarjan's strongly connected components). */
function cycles(): string[] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[] = []
  const visit = (file: string) => {
    index.set(file, next)
    low.set(file, next)
    next++
    stack.push(file)
    onStack.add(file)
    for (const target of imports.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0))
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0))
    }
    if (low.get(file) !== index.get(file)) return
    const group: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      group.push(member)
    } while (member !== file)
    if (group.length > 1) found.push(group.sort().join(' '))
  }
  for (const file of files) if (!index.has(file)) visit(file)
  return found.sort()
}

/** Files that use the global `process` (not a property or a key of that name). */
function processUsers(): string[] {
  return files.filter((file) => {
    if (processAllowedIn.some((prefix) => file.startsWith(prefix))) return false
    const source = treeOf(file)
    let uses = false
    const visit = (node: ts.Node): void => {
      if (uses) return
      if (ts.isIdentifier(node) && node.text === 'process') {
        const parent = node.parent
        const isName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isImportSpecifier(parent)
        if (!isName) uses = true
      }
      // `import … from 'node:process'` is the same object under another name.
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^(node:)?process$/.test(node.moduleSpecifier.text)) uses = true
      ts.forEachChild(node, visit)
    }
    visit(source)
    return uses
  })
}

/** Files that re-export (`export … from`) what a module of another folder defines. */
function reExporters(): string[] {
  return files.filter((file) => {
    const source = treeOf(file)
    return source.statements.some(
      (statement) =>
        ts.isExportDeclaration(statement) &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        statement.moduleSpecifier.text.startsWith('.') &&
        folderOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), statement.moduleSpecifier.text))) !== folderOf(file),
    )
  })
}

/** Methods that change the Map, Set or array they are called on. */
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin'])

/**
 * Mutable module-level bindings, as `<file> <name>`: a top-level `let` or `var`, or a top-level
 * `const` that the file changes (calls a mutating method on it, or assigns to a property or
 * element of it). State kept there outlives a run and is shared by every run in the process.
 */
function moduleState(): string[] {
  const found: string[] = []
  for (const file of files) {
    // A program's top level is its body, run once per process: its variables are the program's own.
    if (programs.some((prefix) => file.startsWith(prefix))) continue
    const source = treeOf(file)
    const constants = new Set<string>()
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue
      const mutable = (statement.declarationList.flags & ts.NodeFlags.Const) === 0
      for (const declaration of statement.declarationList.declarations)
        for (const name of bindingNames(declaration.name)) mutable ? found.push(`${file} ${name}`) : constants.add(name)
    }
    const changed = new Set<string>()
    const rootName = (node: ts.Expression): string | undefined => (ts.isIdentifier(node) ? node.text : undefined)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
        const name = rootName(node.expression.expression)
        if (name && constants.has(name)) changed.add(name)
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        const target = node.left
        const name = ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) ? rootName(target.expression) : undefined
        if (name && constants.has(name)) changed.add(name)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
    for (const name of [...changed].sort()) found.push(`${file} ${name}`)
  }
  return found.sort()
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text]
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)))
}

const allowedOf = (kind: Allowed['kind']) => allowed.filter((entry) => entry.kind === kind).map((entry) => entry.what).sort()

describe('layers of scripts/ (shared <- model <- parse <- check <- generate / diff / site <- cli)', () => {
  it('gives every folder of scripts/ a layer', () => {
    const folders = [...new Set(files.map(folderOf))].sort()
    expect(folders.filter((folder) => layers[folder] === undefined)).toEqual([])
  })

  it('imports only from lower layers, apart from the listed exceptions', () => {
    expect(layerViolations()).toEqual(allowedOf('layer'))
  })

  it('has no import cycle between files, apart from the listed exceptions', () => {
    expect(cycles()).toEqual(allowedOf('cycle'))
  })

  it('uses `process` only in the programs (cli/, bin/, bench/), apart from the listed exceptions', () => {
    expect(processUsers()).toEqual(allowedOf('process'))
  })

  it('keeps no mutable state at module level, apart from the listed exceptions', () => {
    expect(moduleState()).toEqual(allowedOf('state'))
  })

  it('re-exports nothing from another folder, apart from the listed exceptions', () => {
    expect(reExporters()).toEqual(allowedOf('re-export'))
  })

  it('gives a reason for every exception', () => {
    expect(allowed.filter((entry) => entry.reason.length < 20)).toEqual([])
  })
})

describe('the layer checks themselves', () => {
  it('see an upward import, a cycle, `process` and a re-export in a file', () => {
    const file = 'scripts/shared/example.ts'
    const text = "import type { Level } from '../model/types.ts'\nexport { rules } from '../check/registry.ts'\nexport const cwd = () => process.cwd()\nconst skip = { process: 1 }.process\n"
    texts.set(file, text)
    imports.set(file, ['scripts/model/types.ts', 'scripts/check/registry.ts'])
    imports.set('scripts/model/types.ts', [...(imports.get('scripts/model/types.ts') ?? []), file])
    files.push(file)
    try {
      expect(layerViolations()).toEqual(expect.arrayContaining(['shared -> check', 'shared -> model']))
      expect(cycles().some((cycle) => cycle.includes(file) && cycle.includes('scripts/model/types.ts'))).toBe(true)
      expect(processUsers()).toContain(file)
      expect(reExporters()).toContain(file)
    } finally {
      files.pop()
      texts.delete(file)
      imports.delete(file)
      imports.set('scripts/model/types.ts', (imports.get('scripts/model/types.ts') ?? []).filter((target) => target !== file))
    }
  })

  it('see a module-level `let`, and a module-level Map, object or pattern the module changes, but not one it only reads', () => {
    const file = 'scripts/shared/state-example.ts'
    const text = [
      'let count = 0',
      'var [first, , second] = [1, 2, 3]',
      'const seen = new Map<string, number>()',
      'const table: Record<string, number> = {}',
      'const PATTERN = /a/y',
      "const FIXED = new Set(['a'])",
      'const list: number[] = []',
      'export function remember(key: string): boolean {',
      '  let local = 0',
      '  const mine = new Map<string, number>()',
      '  mine.set(key, local++)',
      '  seen.set(key, count++)',
      "  table['x'] = 1",
      '  PATTERN.lastIndex = 0',
      '  return FIXED.has(key) && list.includes(first + second)',
      '}',
    ].join('\n')
    texts.set(file, text)
    files.push(file)
    try {
      expect(moduleState().filter((entry) => entry.startsWith(`${file} `))).toEqual([`${file} PATTERN`, `${file} count`, `${file} first`, `${file} second`, `${file} seen`, `${file} table`])
    } finally {
      files.pop()
      texts.delete(file)
    }
  })
})
