import { RESERVED_FRAMEWORK_IDS, windowsProblem } from '../shared/names.ts'
import { settingPlace, type IdKind, type ParseContext } from './context.ts'

/** Kinds whose ids name files: a framework's folders in generated/, and the website's pages. */
const FILE_KINDS = new Set<IdKind>(['framework', 'level', 'domain', 'section'])

/**
 * Ids that cannot name a file: a framework id the package or website uses for itself (a framework
 * called `site` would be written over by the website and `build --check` would not see it), or any
 * framework, level, domain or section id Windows keeps for a device. Derived ids never are (see
 * settleDerivedIds); these are ids an author wrote.
 */
export function reportUnusableIds(context: ParseContext): void {
  for (const entry of context.ids) {
    if (!entry.explicit || !FILE_KINDS.has(entry.kind)) continue
    const reserved = entry.kind === 'framework' ? RESERVED_FRAMEWORK_IDS.get(entry.id) : undefined
    const trouble = windowsProblem(entry.id)
    if (!reserved && !trouble) continue
    const place = (entry.kind === 'framework' ? settingPlace(context, 'id') : undefined) ?? entry.place
    context.problem(
      place.file,
      place.position,
      reserved
        ? `The framework id “${entry.id}” is a name the package uses for itself (${reserved}), expected another name for the framework's folder and its id`
        : `The id “${entry.id}” cannot be used: ids of frameworks, levels, domains and sections name files of the package and the website, and ${trouble}, expected another id`,
      'portable-name',
    )
  }
}
