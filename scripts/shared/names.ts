/**
 * Names that cannot be used for a framework or a file: names the package or the website uses for
 * files of its own, and names some systems cannot hold. Sources are checked out on Windows and
 * macOS too, and generated/ is published, so a name that works only on Linux breaks elsewhere.
 */

/**
 * Framework ids the package or the site uses for itself, with what uses them. A framework's files
 * go in `generated/<id>/` and `generated/site/<id>/`, its module is exported as `./<id>`, and the
 * package's index.ts imports it under a type name (see typeName in generate/printed.ts), so
 * each of these would collide with a file, an export or a name of the package's own.
 */
export const RESERVED_FRAMEWORK_IDS: ReadonlyMap<string, string> = new Map([
  ['site', 'the website is written to generated/site/'],
  ['assets', 'the website keeps its stylesheet and script in assets/'],
  ['index', 'the package’s entry point is index.js'],
  ['model', 'the package exports its types as “./model” (model.d.ts)'],
  ['package', 'the package is described by package.json'],
  ['readme', 'the package’s README.md'],
  ['changelog', 'the package’s CHANGELOG.md'],
  ['framework', 'the package’s schema is framework.schema.json'],
  // Type names in the package's index.ts (typeName turns an id into one: `framework-id` → FrameworkId).
  ['framework-id', 'the package’s index.ts names a type FrameworkId'],
  ['framework-summary', 'the package’s index.ts names a type FrameworkSummary'],
  ['framework-modules', 'the package’s index.ts names a type FrameworkModules'],
  ['k', 'the package’s index.ts names a type parameter K'],
  ['object', 'the package’s index.ts uses Object'],
  ['promise', 'the package’s index.ts uses Promise'],
  ['range-error', 'the package’s index.ts uses RangeError'],
  ['string', 'the package’s index.ts uses String'],
  ['readonly', 'the package’s index.ts uses Readonly'],
])

/** Names Windows keeps for devices, with any extension (`con.md`, `LPT1.txt`), in any case. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *(?:\.|$)/i

/**
 * Why a file or folder name cannot be used on Windows, or undefined when it can: a device name,
 * a name ending in a dot or a space (Windows drops them, so the name changes), or a character
 * Windows refuses in names (controls, `< > : " \ | ? *`).
 */
export function windowsProblem(name: string): string | undefined {
  const device = WINDOWS_DEVICE.exec(name)
  if (device) return `Windows keeps the name “${device[1]}” for a device (with any extension)`
  if (/[. ]$/.test(name)) return 'Windows drops a dot or space at the end of a name'
  // Windows refuses these in any name; a line break or tab in a name also breaks CI annotations.
  const refused = /[\u0000-\u001f<>:"\\|?*]/.exec(name)
  if (refused) return `Windows refuses the character ${JSON.stringify(refused[0])} in a name`
  return undefined
}

/** Extensions of Markdown files, in any case: a file with one that is not exactly `.md` is not read. */
export const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn|mdx)[. ]*$/i
