import { FOLDERS, ROOT_FILES } from '../../parse/read.ts'
import { FILE_START } from '../../shared/source-file.ts'
import { defineRule } from '../define-rule.ts'

/** Whether the reader reads a folder, or a file at the top of a framework folder (the names looked up here are Markdown ones, never rules.yaml). */
const isFolder = (name: string) => Object.hasOwn(FOLDERS, name)
const isRootFile = (name: string) => Object.hasOwn(ROOT_FILES, name)

/**
 * Markdown files the reader passes over (see `unread` in parse/read.ts): without this, a level
 * saved as `03-child-in-need.MD` or in `Levels/` would be left out of the package with exit 0.
 */
export default defineRule({
  id: 'file-not-read',
  severity: 'warning',
  description: 'Every Markdown file in a framework folder is one Thresholds reads: a name ending in `.MD`, `.markdown` or `.mdx`, or a file in a folder Thresholds does not read (`notes/`, `Levels/`), is reported rather than left out without a word.',
  messages: {
    folderCase: '“{{file}}” is not read: Thresholds reads “{{folder}}/”, in lower case, not “{{written}}/”, expected the file in “{{folder}}/”',
    otherFolder: '“{{file}}” is not read: it is in a folder Thresholds does not read, expected it directly in levels/, domains/ or sections/ (or kept outside the framework folder)',
    extension: '“{{file}}” is not read: Thresholds reads only names ending in “.md”, in lower case, expected “{{expected}}”',
    unknownFile: '“{{file}}” is not read: it is not a file Thresholds reads, expected framework.md, contacts.md, links.md, matrix.md, or a file in levels/, domains/ or sections/',
  },
  check({ parsed, report }) {
    for (const file of parsed.folder.unread) {
      const [first = '', ...rest] = file.relative.split('/')
      const name = rest.at(-1) ?? first
      const folder = rest.length && !isFolder(first) ? first : undefined
      const at = { file, position: FILE_START }
      if (folder !== undefined && isFolder(folder.toLowerCase())) report(at, 'folderCase', { file: file.relative, folder: folder.toLowerCase(), written: folder })
      else if (folder !== undefined || rest.length > 1) report(at, 'otherFolder', { file: file.relative })
      else if (rest.length || isRootFile(name.replace(/\.[^.]+$/, '.md').toLowerCase())) {
        const renamed = name.replace(/\.[^.]+$/, '.md')
        report(at, 'extension', { file: file.relative, expected: rest.length ? `${first}/${renamed}` : renamed.toLowerCase() })
      } else report(at, 'unknownFile', { file: file.relative })
    }
  },
})
