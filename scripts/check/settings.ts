import type { ParseContext, Place } from '../parse/context.ts'

/** Where a setting of framework.md's front-matter is written, for rules about metadata. */
export function settingPlace(parsed: ParseContext, key: string): Place | undefined {
  const file = parsed.folder.files.find((f) => f.kind === 'framework')?.source
  const frontMatter = file && parsed.frontMatters.get(file)
  return file && frontMatter ? { file, position: frontMatter.locate([key]) } : undefined
}
