import { buildFramework } from '../../scripts/parse/build.ts'
import type { ParseContext } from '../../scripts/parse/context.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import type { FileKind, FrameworkFolder } from '../../scripts/parse/read.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/*
 * A framework held in memory and built on this thread (no files, no worker): the model builder's
 * own tests run in milliseconds, and under mutation testing the code they run is the code mutated.
 */

/** The kind of file a path names, as the folder reader files it. */
function kindOf(relative: string): FileKind {
  if (relative === 'framework.md') return 'framework'
  if (relative === 'contacts.md') return 'contacts'
  if (relative === 'links.md') return 'links'
  if (relative === 'matrix.md') return 'matrix'
  if (relative === 'rules.yaml') return 'rules'
  if (relative.startsWith('levels/')) return 'level'
  if (relative.startsWith('domains/')) return 'domain'
  return 'section'
}

/** The smallest sound framework: two levels, one domain by level, two contacts, one link. */
export const MINIMAL: Readonly<Record<string, string>> = {
  'framework.md': `---
id: minimal
title: Minimal Framework
partnership: Example Safeguarding Partnership
version: "1.0"
status: draft
indicatorLayout: by-level
---

A small framework.
`,
  'levels/01-early-help.md': `---
id: early-help
title: Early Help
rank: 1
---

Support as soon as a problem emerges.

## What to do

- Talk to the family.

## Contacts

- [Front door](#front-door)
`,
  'levels/02-child-protection.md': `---
id: child-protection
title: Child protection
rank: 2
---

Significant harm.

## What to do

- Call [999](#emergency).

## Contacts

- [Emergency services](#emergency)
`,
  'domains/01-health.md': `---
id: health
title: Health
---

## Early Help

- Missing immunisations {#health-missing-immunisations}

## Child protection

- Untreated serious injury {#health-untreated-injury}
`,
  'contacts.md': `---
title: Contacts
---

## Front door {#front-door}

- Phone: 0121 788 4300

## Emergency services {#emergency}

- Phone: 999
- Emergency: yes
`,
  'links.md': `---
title: Links
---

- [Regional procedures](https://example.org/procedures) {#regional-procedures}
`,
}

/** The folder of `files` (path inside the framework -> text), `null` dropping a file of MINIMAL. */
export function folderOf(files: Readonly<Record<string, string | null>>, base: Readonly<Record<string, string>> = MINIMAL): FrameworkFolder {
  const merged = { ...base, ...files }
  const entries = Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null)
  return {
    id: 'minimal',
    dir: 'sources/minimal',
    files: entries.map(([relative, text]) => ({ kind: kindOf(relative), source: createSourceFile(`sources/minimal/${relative}`, relative, text), readable: true })),
    folderFile: createSourceFile('sources/minimal', '.', ''),
    unread: [],
  }
}

/** Builds MINIMAL with `files` laid over it. */
export function built(files: Readonly<Record<string, string | null>> = {}, base?: Readonly<Record<string, string>>): ParseContext {
  return buildFramework(folderOf(files, base), { parse: parseMarkdown })
}

/** Every problem the build filed, as `file:line:column message [rule]`, in file order. */
export function problemsOf(context: ParseContext): string[] {
  return [context.folder.folderFile, ...context.folder.files.map((file) => file.source)].flatMap((source) =>
    source.vfile.messages.map((message) => `${source.relative}:${message.line ?? 1}:${message.column ?? 1} ${message.reason} [${message.ruleId}]`),
  )
}
