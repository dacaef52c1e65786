import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, ts, VariableDeclarationKind, type SourceFile, type SourceFileStructure } from 'ts-morph'
import type { Framework } from '../model/types.ts'
import { codeHeader } from './header.ts'
import { frameworkCode, frameworkTypes } from './module.ts'
import { ID_UNIONS, placeholder, shapeOf, STAND_IN, standIn, union, type Files, type Skeleton } from './skeleton.ts'
import { INDEX_STAND_IN, summaryOf, typeName, type IndexEntry, type Printed } from './printed.ts'

/**
 * The typed modules of the package. Sources are built with ts-morph in one in-memory project per
 * build, then each is compiled to `.js` + `.d.ts` on its own, so JavaScript consumers work too.
 *
 * Shape (chosen by measuring consumers' `tsc`, see docs/performance.md): the data is typed by
 * interfaces over the model whose id fields are narrowed to string-literal unions, and the value
 * is `JSON.parse` of a string. The checker never sees a 300 kB object literal, so importing every
 * framework stays cheap, while a wrong level id is still a compile-time error.
 */
export interface TypescriptPrinter {
  /** `model.d.ts`: the model's types, which every framework module imports. */
  model(): Array<[string, string]>
  /** The skeleton of `<id>/index.ts`, `.js` and `.d.ts` for a framework's shape (skeleton.ts: moduleFiles fills it in). */
  skeleton(framework: Framework): Skeleton
  /** `index.ts`, `.js` and `.d.ts`: every framework of the package, loaded on demand. */
  index(): Array<[string, string]>
  /**
   * What a build needs of this printer, printed ahead for these frameworks' shapes (printed.ts):
   * the model's types, each shape's skeleton and the package's index with one stand-in framework.
   */
  printed(shapes: readonly Framework[]): Printed
}

/**
 * Paths in what the printer gives are relative to generated/. `frameworks` (every framework, by
 * id) is asked for only by the package's own files: a framework's module needs no other model.
 */
export function typescriptPrinter(frameworks: () => readonly Framework[], modelTypes: string): TypescriptPrinter {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Single, useTrailingCommas: true },
  })
  // Each module is printed, compiled and dropped from the project before the next is made, so a
  // build holds one module at a time, not a thousand.
  const compile = (source: SourceFile): Files => {
    const relative = source.getFilePath().replace(/^\/src\//, '')
    const text = source.getFullText()
    project.removeSourceFile(source)
    const base = relative.replace(/\.ts$/, '')
    // Each file compiles on its own (every export is annotated, as isolatedDeclarations
    // requires), so no program or type-checker is built: cost stays linear in the content.
    const declarations: [string, string] = [`${base}.d.ts`, ts.transpileDeclaration(text, { fileName: relative, compilerOptions: COMPILE }).outputText]
    if (relative.endsWith('model.ts')) return [declarations] // types only: no module for apps to load, no source to keep
    // The CommonJS copy (for `require`) loads the other CommonJS modules; its types say so too.
    const commonText = text.replace(/(['"])(\.\.?\/(?:[^'"]*\/)?index)\.js\1/g, '$1$2.cjs$1')
    const commonFile = relative.replace(/\.ts$/, '.cts')
    return [
      declarations,
      [relative, text],
      [`${base}.js`, ts.transpileModule(text, { fileName: relative, compilerOptions: COMPILE }).outputText],
      [`${base}.d.cts`, ts.transpileDeclaration(commonText, { fileName: commonFile, compilerOptions: COMPILE }).outputText],
      [`${base}.cjs`, ts.transpileModule(commonText, { fileName: commonFile, compilerOptions: COMMONJS }).outputText],
    ]
  }
  // The header goes on last: ts-morph would put imports above a comment it was given first.
  const headed = (files: Files): Files => files.map(([relative, text]) => [relative, `${codeHeader(frameworks())}\n${text}`])

  // A framework module is the same text for every framework of one shape, apart from its id,
  // title, level order, data and id unions: it is printed and compiled once per shape, with
  // stand-ins for those, and each framework's own go in afterwards (skeleton.ts). The model's
  // types beside each module are the same for every framework: compiled once.
  const skeletons = new Map<string, Files>()
  let modelBeside: Files | undefined
  return {
    model: () => headed(compile(project.createSourceFile('/src/model.ts', modelTypes))),
    // Each framework folder is a package of its own too, so it carries the model's types beside it.
    skeleton: (framework) => {
      const shape = shapeOf(framework)
      let printed = skeletons.get(shape)
      if (!printed) {
        printed = compile(frameworkModule(project, standIn(framework)))
        skeletons.set(shape, printed)
      }
      modelBeside ??= compile(project.createSourceFile(`/src/${STAND_IN.id}/model.ts`, modelTypes))
      return { module: printed, beside: modelBeside }
    },
    index: () => headed(compile(indexModule(project, frameworks().map((f) => ({ id: f.id, name: typeName(f.id), summary: JSON.stringify(summaryOf(f)) })), union(frameworks().map((f) => f.id))))),
    printed(shapes) {
      const printed: Printed = { modelSource: modelTypes, model: compile(project.createSourceFile('/src/model.ts', modelTypes)), beside: [], skeletons: {}, index: [] }
      for (const framework of shapes) {
        const skeleton = this.skeleton(framework)
        printed.skeletons[shapeOf(framework)] = skeleton.module
        printed.beside = skeleton.beside
      }
      printed.index = compile(indexModule(project, [{ id: INDEX_STAND_IN.id, name: INDEX_STAND_IN.name, summary: INDEX_STAND_IN.summary }], `'${INDEX_STAND_IN.union}'`))
      return printed
    },
  }
}

const COMPILE: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
}

const COMMONJS: ts.CompilerOptions = { ...COMPILE, module: ts.ModuleKind.CommonJS, esModuleInterop: true }

type Statements = Exclude<SourceFileStructure['statements'], string | ((...args: never[]) => unknown) | undefined> extends infer T ? (T extends readonly (infer U)[] ? U[] : never) : never

function frameworkModule(project: Project, framework: Framework): SourceFile {
  const statements: Statements = [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: 'Model', moduleSpecifier: './model.js' }]
  // Unions go in after printing, like the data: see `fill`.
  for (const { name, doc } of ID_UNIONS) statements.push({ kind: StructureKind.TypeAlias, name, isExported: true, type: `'${placeholder(name)}'`, docs: [doc] })
  statements.push(frameworkTypes(framework), frameworkCode(framework))
  // One structure, printed once: adding statements one by one re-parses the file each time.
  return project.createSourceFile(`/src/${framework.id}/index.ts`, { statements })
}

/** The package's index module; `frameworks` by id, each with its type name and summary (a JSON object), and `ids` their union. */
function indexModule(project: Project, frameworks: readonly IndexEntry[], ids: string): SourceFile {
  const statements: Statements = []
  for (const framework of frameworks)
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: framework.name, moduleSpecifier: `./${framework.id}/index.js` })
  statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './model.js' })
  statements.push({ kind: StructureKind.TypeAlias, name: 'FrameworkId', isExported: true, type: ids, docs: ['Every framework in this package.'] })
  statements.push({ kind: StructureKind.Interface,
    name: 'FrameworkSummary',
    isExported: true,
    properties: [
      { name: 'id', type: 'FrameworkId' },
      { name: 'title', type: 'string' },
      { name: 'partnership', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'status', type: `import('./model.js').Status` },
      { name: 'published', type: 'string', hasQuestionToken: true },
      { name: 'reviewDue', type: 'string', hasQuestionToken: true },
    ],
  })
  statements.push({ kind: StructureKind.Interface,
    name: 'FrameworkModules',
    isExported: true,
    docs: ['The module of each framework, as `loadFramework` returns it.'],
    properties: frameworks.map((f) => ({ name: `'${f.id}'`, type: `typeof ${f.name}` })),
  })
  const summaries = frameworks.map((f) => f.summary)
  statements.push({ kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ['What is in the package, without loading any framework.'],
    declarations: [{ name: 'frameworks', type: 'readonly Readonly<FrameworkSummary>[]', initializer: `Object.freeze([\n${summaries.map((s) => `  Object.freeze(${s})`).join(',\n')},\n])` }],
  })
  statements.push({ kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: 'loaders',
        type: '{ [K in FrameworkId]: () => Promise<FrameworkModules[K]> }',
        initializer: `{\n${frameworks.map((f) => `  '${f.id}': () => import('./${f.id}/index.js'),`).join('\n')}\n}`,
      },
    ],
  })
  statements.push({ kind: StructureKind.Function,
    name: 'loadFramework',
    isExported: true,
    docs: ['Loads one framework’s module (data and typed lookups) on demand.'],
    typeParameters: [{ name: 'K', constraint: 'FrameworkId' }],
    parameters: [{ name: 'id', type: 'K' }],
    returnType: 'Promise<FrameworkModules[K]>',
    statements: `if (!Object.hasOwn(loaders, id)) return Promise.reject(new RangeError(\`No framework “\${String(id)}” in this package\`))
return loaders[id]()`,
  })
  return project.createSourceFile('/src/index.ts', { statements })
}
