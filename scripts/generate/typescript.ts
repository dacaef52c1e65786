import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, ts, VariableDeclarationKind, type SourceFile, type SourceFileStructure } from 'ts-morph'
import { flatDomains, flatLevels } from '../model/flat.ts'
import type { Framework } from '../model/types.ts'
import { codeHeader } from './header.ts'
import { telUri } from './markdown.ts'
import type { RenderedField } from './render-field.ts'
import { DATA, frameworkCode, frameworkTypes, RENDERED, safeDoc } from './module.ts'

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
  /** `<id>/index.ts`, `.js` and `.d.ts`: one framework's data and typed lookups; `rendered` is its Markdown fields rendered (markdown.ts: renderedFields). */
  framework(framework: Framework, rendered: ReadonlyMap<string, RenderedField>): Array<[string, string]>
  /** `index.ts`, `.js` and `.d.ts`: every framework of the package, loaded on demand. */
  index(): Array<[string, string]>
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
  const headed = (files: Files, own?: Framework): Files => files.map(([relative, text]) => [relative, `${codeHeader(own ? [own] : frameworks())}\n${text}`])

  // A framework module is the same text for every framework of one shape, apart from its id,
  // title, level order, data and id unions: it is printed and compiled once per shape, with
  // stand-ins for those, and each framework's own go in afterwards (see fill). The model's
  // types beside each module are the same for every framework: compiled once.
  const skeletons = new Map<string, Files>()
  let modelBeside: Files | undefined
  return {
    model: () => headed(compile(project.createSourceFile('/src/model.ts', modelTypes))),
    // Each framework folder is a package of its own too, so it carries the model's types beside it.
    framework: (framework, rendered) => {
      const shape = shapeOf(framework)
      let skeleton = skeletons.get(shape)
      if (!skeleton) {
        skeleton = compile(frameworkModule(project, standIn(framework)))
        skeletons.set(shape, skeleton)
      }
      modelBeside ??= compile(project.createSourceFile(`/src/${STAND_IN.id}/model.ts`, modelTypes))
      // The framework's data is made once for its files and dropped with them.
      let values: Payload | undefined
      const data = () => (values ??= payload(framework, rendered))
      const own: Files = [...skeleton.map(([relative, text]): [string, string] => [relative, fill(text, framework, data)]), ...modelBeside]
      return headed(
        own.map(([relative, text]) => [relative.replace(STAND_IN.id, framework.id), text]),
        framework,
      )
    },
    index: () => headed(compile(indexModule(project, frameworks()))),
  }
}

type Files = Array<[string, string]>

/** A framework module's shape: its source with the stand-ins, before printing (cheap to make, and whatever else of the framework it reads is part of it). */
function shapeOf(framework: Framework): string {
  const stand = standIn(framework)
  return `${frameworkTypes(stand)}\0${frameworkCode(stand)}`
}

/** Printed in place of a framework's id, title and level order; no id, title or level id holds them. */
const STAND_IN = { id: '__THRESHOLDS_FRAMEWORK_ID__', title: '__THRESHOLDS_FRAMEWORK_TITLE__', level: '__THRESHOLDS_LEVEL_ORDER__' }

/** The framework as the skeleton of its shape is printed: its id, title and levels replaced by stand-ins. */
function standIn(framework: Framework): Framework {
  const level = { ...framework.levels[0], id: STAND_IN.level, children: [] } as Framework['levels'][number]
  return { ...framework, id: STAND_IN.id, title: STAND_IN.title, levels: [level] }
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

/**
 * The data goes in after printing (see module.ts): ts-morph re-parses a file after every change,
 * and a 300 kB string literal in it from the start made generation quadratic in practice.
 */
const placeholder = (name: string) => `__THRESHOLDS_UNION_${name}__`

/** The id unions of a framework module: each type's name, its doc comment, and its ids. */
const ID_UNIONS: Array<{ name: string; doc: string; ids: (framework: Framework) => string[] }> = [
  { name: 'LevelId', doc: 'A level of this framework, sub-levels included.', ids: (f) => flatLevels(f).map((l) => l.id) },
  { name: 'DomainId', doc: 'A domain (area of a child’s life) of this framework.', ids: (f) => flatDomains(f).map((d) => d.id) },
  { name: 'IndicatorId', doc: 'An indicator of this framework.', ids: (f) => f.indicators.map((i) => i.id) },
  { name: 'ContactId', doc: 'A contact of this framework.', ids: (f) => f.contacts.map((c) => c.id) },
  { name: 'LinkId', doc: 'An entry of this framework’s links.', ids: (f) => f.links.map((l) => l.id) },
  { name: 'MatrixFactorId', doc: 'A row (factor) of this framework’s decision-making matrix.', ids: (f) => f.matrix?.factors.map((factor) => factor.id) ?? [] },
]

/** Puts the framework's id, title, level order, data and id unions (thousands of literals) where the stand-ins and placeholders are. */
function fill(text: string, framework: Framework, values: () => Payload): string {
  let out = text
    .split(STAND_IN.id)
    .join(framework.id)
    .split(STAND_IN.title)
    .join(safeDoc(framework.title))
    .split(`'${STAND_IN.level}'`)
    .join(flatLevels(framework).map((level) => `'${level.id}'`).join(', '))
  // The data is made only for the forms that carry it (not the model's types beside the module).
  if (out.includes(`'${DATA}'`)) out = out.replace(`'${DATA}'`, () => values().data)
  if (out.includes(`'${RENDERED}'`)) out = out.replace(`'${RENDERED}'`, () => values().rendered)
  for (const { name, ids } of ID_UNIONS) out = out.replace(`'${placeholder(name)}'`, () => union(ids(framework)))
  return out
}

/** A framework module's data and rendered Markdown, each as the string literal that goes in the code. */
interface Payload {
  data: string
  rendered: string
}

function payload(framework: Framework, rendered: ReadonlyMap<string, RenderedField>): Payload {
  const { $comment: _comment, ...model } = framework
  // The module's data is the model's, with each number's tel: address beside it, and the first
  // number's on the contact (what a link to the contact dials).
  const data = {
    ...model,
    contacts: model.contacts.map((contact) => {
      const phones = contact.phones.map((phone) => ({ ...phone, tel: telUri(phone.number, phone.e164) }))
      return phones[0] ? { ...contact, tel: phones[0].tel, phones } : contact
    }),
  }
  const fields = Object.fromEntries([...rendered].map(([markdown, field]) => [markdown, [field.markdown, field.html, field.text]]))
  return { data: JSON.stringify(JSON.stringify(data)), rendered: JSON.stringify(JSON.stringify(fields)) }
}

type Statements = Exclude<SourceFileStructure['statements'], string | ((...args: never[]) => unknown) | undefined> extends infer T ? (T extends readonly (infer U)[] ? U[] : never) : never

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

function union(ids: readonly string[]): string {
  return ids.length === 0 ? 'never' : ids.map((id) => `'${id}'`).join(' | ')
}


function frameworkModule(project: Project, framework: Framework): SourceFile {
  const statements: Statements = [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: 'Model', moduleSpecifier: './model.js' }]
  // Unions go in after printing, like the data: see `fill`.
  for (const { name, doc } of ID_UNIONS) statements.push({ kind: StructureKind.TypeAlias, name, isExported: true, type: `'${placeholder(name)}'`, docs: [doc] })
  statements.push(frameworkTypes(framework), frameworkCode(framework))
  // One structure, printed once: adding statements one by one re-parses the file each time.
  return project.createSourceFile(`/src/${framework.id}/index.ts`, { statements })
}

function indexModule(project: Project, frameworks: readonly Framework[]): SourceFile {
  const statements: Statements = []
  for (const framework of frameworks)
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: typeName(framework.id), moduleSpecifier: `./${framework.id}/index.js` })
  statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './model.js' })
  statements.push({ kind: StructureKind.TypeAlias, name: 'FrameworkId', isExported: true, type: union(frameworks.map((f) => f.id)), docs: ['Every framework in this package.'] })
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
    properties: frameworks.map((f) => ({ name: `'${f.id}'`, type: `typeof ${typeName(f.id)}` })),
  })
  const summaries = frameworks.map((f) => {
    const summary: Record<string, string> = { id: f.id, title: f.title, partnership: f.partnership, version: f.version, status: f.status }
    if (f.published) summary.published = f.published
    if (f.reviewDue) summary.reviewDue = f.reviewDue
    return JSON.stringify(summary)
  })
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
