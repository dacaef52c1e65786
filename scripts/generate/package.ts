import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Framework } from '../model/types.ts'
import { schemaDir } from '../model/schemas.ts'
import { generatedFrom } from './header.ts'
import { stableJson } from '../model/order.ts'
import { markdownWords } from '../shared/markdown-words.ts'
import { packageVersionOf } from '../model/versions.ts'
import { FRAMEWORK_VERSIONS } from './umbrella-record.ts'

export const PACKAGE_NAME = '@thresholds/frameworks'

/** An `exports` entry serving ESM to `import` and CommonJS to `require`, each with its own types. */
function dual(base: string) {
  return {
    import: { types: `./${base}.d.ts`, default: `./${base}.js` },
    require: { types: `./${base}.d.cts`, default: `./${base}.cjs` },
  }
}

/**
 * package.json of the package holding every framework. `version` is the package's (model/umbrella.ts:
 * from the previous build's record); the record of each framework's version is what the next build
 * compares with.
 */
export function packageJson(frameworks: readonly Framework[], version: string): string {
  const exports: Record<string, unknown> = { '.': dual('index') }
  for (const framework of frameworks) {
    exports[`./${framework.id}`] = dual(`${framework.id}/index`)
    exports[`./${framework.id}/framework.json`] = `./${framework.id}/framework.json`
  }
  exports['./model'] = { types: './model.d.ts' }
  exports['./framework.schema.json'] = './framework.schema.json'
  exports['./package.json'] = './package.json'
  const moduleFiles = (base: string) => [`${base}.js`, `${base}.d.ts`, `${base}.cjs`, `${base}.d.cts`]
  const frameworkFiles = (id: string) => [...moduleFiles(`${id}/index`), `${id}/model.d.ts`, `${id}/framework.json`, `${id}/package.json`, `${id}/CHANGELOG.md`, `${id}/README.md`]
  return stableJson({
    '//': generatedFrom(frameworks),
    name: PACKAGE_NAME,
    version,
    [FRAMEWORK_VERSIONS]: Object.fromEntries(frameworks.map((framework) => [framework.id, frameworkPackageVersion(framework)])),
    description: `Safeguarding threshold frameworks as typed data: ${frameworks.map((f) => f.title).join('; ')}.`,
    keywords: ['safeguarding', 'threshold', 'children', 'early-help', 'continuum-of-need'],
    // The code is Thresholds' (MIT); the content is each partnership's: the README says which.
    license: 'SEE LICENSE IN README.md',
    repository: { type: 'git', url: 'git+https://github.com/thresholds/thresholds.git', directory: 'generated' },
    engines: { node: '>=20' },
    type: 'module',
    sideEffects: false,
    main: './index.cjs',
    types: './index.d.ts',
    exports,
    // The TypeScript sources stay in generated/ for reading; apps get the compiled modules.
    files: [...moduleFiles('index'), 'model.d.ts', 'framework.schema.json', 'README.md', 'CHANGELOG.md', ...frameworks.flatMap((f) => frameworkFiles(f.id))],
  })
}

/** A framework's own version as the version of its package: 1.2 → 1.2.0, 1.2.3 → 1.2.3, “not stated” → 0.0.0 (semver needs numbers; 0.x says nothing is promised). */
export const frameworkPackageVersion = (framework: Framework): string => packageVersionOf(framework.version)

/**
 * `<id>/package.json`: each framework is also a package of its own, `@thresholds/<id>`, whose
 * version is the framework's, so an app that uses one framework is not asked to take a major
 * release because another framework changed. The umbrella package holds the same folders.
 */
export function frameworkPackageJson(framework: Framework): string {
  return stableJson({
    '//': generatedFrom([framework]),
    name: `@thresholds/${framework.id}`,
    version: frameworkPackageVersion(framework),
    description: `${framework.title} (${framework.partnership}) as typed data.`,
    keywords: ['safeguarding', 'threshold', 'children', 'early-help', 'continuum-of-need'],
    license: 'SEE LICENSE IN README.md',
    repository: { type: 'git', url: 'git+https://github.com/thresholds/thresholds.git', directory: `generated/${framework.id}` },
    engines: { node: '>=20' },
    type: 'module',
    sideEffects: false,
    main: './index.cjs',
    types: './index.d.ts',
    exports: { '.': dual('index'), './framework.json': './framework.json', './package.json': './package.json' },
    files: ['index.js', 'index.d.ts', 'index.cjs', 'index.d.cts', 'model.d.ts', 'framework.json', 'README.md', 'CHANGELOG.md'],
  })
}

/** `<id>/README.md`: the framework's own package. */
export function frameworkReadme(framework: Framework): string {
  const name = `@thresholds/${framework.id}`
  return [
    `<!-- ${generatedFrom([framework])} -->`,
    '',
    `# ${name}`,
    '',
    `${md(framework.title)} (${md(framework.partnership)}), version ${framework.version}, as typed, validated data. Its`,
    `package version is the framework's (${frameworkPackageVersion(framework)}). The same module is in \`@thresholds/frameworks/${framework.id}\`.`,
    '',
    '```ts',
    `import { adviceForLevel, emergencyContacts, framework, levelOrder } from '${name}'`,
    `// CommonJS: const { adviceForLevel, ... } = require('${name}')`,
    '',
    'console.log(framework.version, adviceForLevel(levelOrder[0]!).contacts.map((contact) => contact.tel))',
    '```',
    '',
    '## Licence',
    '',
    `The code of this package (its lookups and types) is MIT-licensed, like Thresholds. The content belongs to ${md(framework.partnership)},`,
    'which published it; check its terms before you republish the text.',
    '',
  ].join('\n')
}

/** The model's JSON Schema, for consumers in other languages, marked as generated. */
export function schemaJson(frameworks: readonly Framework[]): string {
  const schema = JSON.parse(readFileSync(path.join(schemaDir, 'framework.schema.json'), 'utf8')) as Record<string, unknown>
  return stableJson({ $comment: `Copied from schema/framework.schema.json. ${generatedFrom(frameworks)}`, ...schema })
}

/** model.ts of the package: the model's types (scripts/model/types.ts, without its banner) and the package's own. */
export function modelTypes(typesSource: string): string {
  return `${typesSource.replace(/^\/\*[\s\S]*?\*\/\s*/, '').trimEnd()}\n${PACKAGE_TYPES}`
}

const PACKAGE_TYPES = `
/** The package's data is frozen: every field of every object, at any depth, is read-only. */
export type DeepReadonly<T> = T extends (infer Item)[] ? readonly DeepReadonly<Item>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T
/** A Markdown field as an app shows it (see \`render\`). */
export interface RenderedText {
  /** The Markdown, with \`#id\` links pointed at their final address and links without one reduced to their words. */
  readonly markdown: string
  /** Sanitised HTML: only https, mailto and tel links, no images, no raw HTML. */
  readonly html: string
  /** Plain text: paragraphs apart by a blank line, each list item on a line of its own. */
  readonly text: string
}
`

/** Text as words in Markdown (see shared/markdown-words.ts). */
export const md = markdownWords

export function packageReadme(frameworks: readonly Framework[], version: string): string {
  const first = frameworks[0]
  const lines = [
    `<!-- ${generatedFrom(frameworks)} -->`,
    '',
    `# ${PACKAGE_NAME}`,
    '',
    'Safeguarding threshold frameworks as typed, validated data: every level, domain, indicator, contact and',
    'rule of each framework, checked by Thresholds before it was published here.',
    '',
    '| Framework | Partnership | Version | Status | Levels | Domains | Indicators | Contacts |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...frameworks.map((f) => {
      const levels = f.levels.reduce((n, l) => n + 1 + l.children.length, 0)
      const domains = f.domains.reduce((n, d) => n + 1 + d.children.length, 0)
      return `| \`${f.id}\`: ${md(f.title)} | ${md(f.partnership)} | ${f.version} | ${f.status} | ${levels} | ${domains} | ${f.indicators.length} | ${f.contacts.length} |`
    }),
    '',
    '## Use',
    '',
    '```ts',
    first
      ? `import { framework, levelById, indicatorsFor, contactsFor, adviceForLevel, emergencyContacts } from '${PACKAGE_NAME}/${first.id}'
// CommonJS: const { framework, ... } = require('${PACKAGE_NAME}/${first.id}')

const highest = framework.levels.at(-1)!
const advice = adviceForLevel(highest.id)
console.log(highest.title, advice.whatToDo?.text, advice.contacts.map((contact) => contact.tel))
console.log(emergencyContacts().map((contact) => contact.tel))
console.log(indicatorsFor('${first.domains[0]?.id ?? 'domain-id'}').length)
console.log(framework.version, framework.reviewDue)
levelById('no-such-level') // compile-time error: not a level of this framework`
      : `import { frameworks } from '${PACKAGE_NAME}'`,
    '```',
    '',
    'All frameworks, loaded on demand:',
    '',
    '```ts',
    `import { frameworks, loadFramework } from '${PACKAGE_NAME}'`,
    '',
    'for (const summary of frameworks) {',
    '  const { framework } = await loadFramework(summary.id)',
    '  console.log(framework.title, framework.version)',
    '}',
    '```',
    '',
    'Each framework module exports `framework` (the data, frozen), `levelOrder`; for levels, domains,',
    'indicators, contacts and links a lookup (`levelById`: a RangeError for an unknown id), a tolerant',
    'one (`findLevel`: undefined) and a type guard (`isLevelId`); `indicatorsFor`, `contactsFor(levelId)`,',
    '`emergencyContacts()`, `compareLevels(a, b)`, `adviceForLevel(levelId)`, `adviceFor(indicatorId)` (for',
    'frameworks that place indicators at levels) and `render(markdown)` (any Markdown field as resolved',
    'Markdown, sanitised HTML and plain text). Each contact with a number has a `tel:` address in `tel`.',
    'Types: `LevelId`, `DomainId`, `IndicatorId`, `ContactId`, `LinkId`, `MatrixFactorId`, `Level`, `Domain`,',
    '`Indicator`, `Contact`, `Link` (`KnownLink` with a `url`, or `PendingLink`), `Framework`, `LevelAdvice`.',
    '',
    'Without TypeScript or JavaScript: each framework is also plain JSON (`<id>/framework.json`), described',
    'by `framework.schema.json` (JSON Schema 2020-12). Markdown fields are CommonMark with GFM and hold no',
    'HTML.',
    '',
    '## Licence',
    '',
    'The code of this package (its lookups and types) is MIT-licensed, like Thresholds. The content of each',
    'framework belongs to the partnership named above, which published it; check its terms before you',
    'republish the text.',
    '',
    '## Versions',
    '',
    `This is version ${version}. Each framework has its own version, and so has its own package (\`@thresholds/<id>\`). The`,
    'version of this package never goes down: it goes up by the largest step any framework took since the last',
    'release, a new MAJOR when a framework is removed or its practice changed (an indicator moved level, a number',
    'changed), a new MINOR when one is added or has a change a person should review, a new PATCH for an editorial',
    'change. The same frameworks at the same versions keep the same version.',
    '',
  ]
  return `${lines.join('\n')}`
}

/**
 * What the package files around the frameworks (index, package.json, README, CHANGELOG, schema,
 * headers) read of one framework. The content cache keys those files by these fields alone, so
 * editing an indicator's words or a contact's number leaves them as they were and a warm build
 * makes only the edited framework's own files (test/generate/package-fields.test.ts changes every
 * field of a model and checks that any change of the package files shows here).
 */
export function packageFields(framework: Framework): string {
  const count = <T extends { children: readonly unknown[] }>(list: readonly T[]) => list.reduce((n, item) => n + 1 + item.children.length, 0)
  return JSON.stringify([
    framework.id,
    framework.title,
    framework.partnership,
    framework.version,
    framework.status,
    framework.published ?? null,
    framework.reviewDue ?? null,
    framework.changeNote ?? null,
    count(framework.levels),
    count(framework.domains),
    framework.indicators.length,
    framework.contacts.length,
    framework.domains[0]?.id ?? null,
  ])
}
