import type { Severity } from './diagnostics.ts'

/**
 * Problems found while reading and parsing sources, before any rule runs. Like rules, each has
 * a permanent id (its anchor in docs/rules.md), but they cannot be switched off: without a
 * readable file there is no model to check.
 */
export interface ProblemKind {
  id: string
  severity: Severity
  description: string
  /** Keeps unsafe content out of the published package (see check/integrity.ts). */
  integrity?: true
  /** Its messages by permanent id, templates with `{{name}}` slots as a rule's (docs/rules.md lists them). */
  messages?: Readonly<Record<string, string>>
}

/**
 * A heading or column that names no level. Every message says what was expected, with or without
 * a “did you mean” (that goes in `expected`, never in the text).
 */
export const UNKNOWN_HEADING_MESSAGES = {
  noLevel: 'The heading “{{heading}}” names no level, expected a level\'s title or id',
  noLevelOrList: 'The heading “{{heading}}” names no level and is not “Strengths” or “Needs”, expected a level\'s title or id, or “Strengths and protective factors” / “Needs and risks”',
  noLevelColumn: 'The column “{{column}}” names no level, expected a level\'s title or id',
  ambiguousHeading: 'The heading “{{heading}}” could be any of {{count}} levels with that name, {{levels}}, expected one: {{fix}}',
  ambiguousColumn: 'The column “{{column}}” could be any of {{count}} levels with that name, {{levels}}, expected one: {{fix}}',
} as const

/*
 * Messages that refuse a name say what was expected in their text, always; the nearest known
 * names go in `expected` (“did you mean”), never in the text, as the heading messages do.
 */

/** A front-matter or rules.yaml setting with a name the schema does not know. */
export const UNKNOWN_SETTING_MESSAGES = {
  unknownSetting: 'Unknown setting “{{setting}}”, expected one of {{allowed}}',
  misspeltSetting: 'Unknown setting “{{setting}}”, and “{{missing}}” is missing, expected “{{missing}}” in its place',
} as const

/** A contact detail whose label is missing, unknown or takes no use in brackets. */
export const UNKNOWN_LABEL_MESSAGES = {
  noLabel: 'This contact detail has no label, expected “Label: value” such as “Phone: 0121 788 4300”',
  unknownLabel: 'Unknown contact detail “{{label}}”, expected Phone, Hours, Web, Email, Address, Emergency or Use for',
  useOnlyForPhone: 'Only a phone number takes a use in brackets, expected “{{label}}:” without “({{use}})”, or “Phone ({{use}}): ...”',
  emergencyValue: '“Emergency: {{value}}” is neither yes nor no, expected “Emergency: yes” or “Emergency: no”',
} as const

/** A `{...}` block holding a setting this spot does not take. */
export const UNKNOWN_ATTRIBUTE_MESSAGES = {
  unknownAttribute: 'Unknown setting “{{setting}}” in “{...}”, expected one of {{allowed}}',
  onlyId: '“{...}” here can only hold an id such as “{#my-id}”, not “{{setting}}”, expected the setting removed',
} as const

/** A rule setting or suppression comment naming no rule. */
export const UNKNOWN_RULE_MESSAGES = {
  notARule: '“{{rule}}” is not a rule, expected the id of a rule listed in docs/rules.md',
} as const

/** Why an integrity rule can be neither lowered nor suppressed (check/integrity.ts). */
const INTEGRITY_REASON = 'it keeps invalid or unsafe content out of the published package'

/** A rule setting or suppression comment that cannot be honoured, with the rule it names. */
export const RULE_SETTING_MESSAGES = {
  integrityLowered: `“{{rule}}” cannot be lowered or switched off: ${INTEGRITY_REASON}, expected this setting removed`,
  integritySuppressed: `“{{rule}}” cannot be suppressed: ${INTEGRITY_REASON}, expected this comment removed and the problem fixed`,
  notConfigurable: '“{{rule}}” cannot be configured: without it the framework cannot be read',
  configuredTwice: '“{{rule}}” is already configured in {{file}}, expected each rule configured in one place',
  noReason: 'The suppression of “{{rule}}” gives no reason, expected “{{rule}}: why this is acceptable”',
} as const

/** Names as a message lists them: “a”, “b”, “c”. */
export function quotedList(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(', ')
}

/** contacts.md, links.md or a page in sections/ titled twice, differently: only one can be the page's title. */
export const TITLE_TWICE_MESSAGES = {
  titleTwice: 'The title “{{setting}}” differs from the page’s “#” heading “{{heading}}”, which would be published in its place, expected one title: remove this setting or the heading',
} as const

export const problemKinds = [
  { id: 'file-unreadable', severity: 'error', description: 'Every source file can be read: plain UTF-8 text, not too large, inside `sources/`.' },
  { id: 'unknown-file', severity: 'error', description: 'Every Markdown file sits where Thresholds looks for it (framework.md, levels/, domains/, sections/, contacts.md, links.md, matrix.md).' },
  {
    id: 'symbolic-link',
    severity: 'warning',
    description:
      'A symbolic link in `sources/` that Thresholds does not follow (one that points back at itself or at a folder holding it, leads nowhere, leaves `sources/`, or leads into another framework’s folder) is reported at the link rather than passed over without a word. Nothing is read through such a link.',
  },
  { id: 'yaml-syntax', severity: 'error', description: 'Front-matter is valid YAML: no tabs for indentation, no repeated settings, no aliases, no tags but those that give what JSON has (`!!str`, `!!int`).' },
  { id: 'frontmatter-schema', severity: 'error', description: 'Front-matter settings have the right names, types and values.', messages: UNKNOWN_SETTING_MESSAGES },
  { id: 'frontmatter-missing', severity: 'error', description: 'Files that need settings (framework, levels, domains) start with a front-matter block.' },
  { id: 'invalid-attributes', severity: 'error', description: 'A `{#id key=value}` block holds a valid id and known settings.', messages: UNKNOWN_ATTRIBUTE_MESSAGES },
  {
    id: 'unknown-heading',
    severity: 'error',
    description: 'Headings in a domain file name a level, or say strengths or needs; headings in contacts.md name contacts; the matrix’s column headers name levels.',
    messages: UNKNOWN_HEADING_MESSAGES,
  },
  { id: 'unknown-label', severity: 'error', description: 'Contact details use known labels (Phone, Hours, Web, Email, Address, Emergency, Use for).', messages: UNKNOWN_LABEL_MESSAGES },
  {
    id: 'title-twice',
    severity: 'error',
    description:
      'contacts.md, links.md and the pages in sections/ give their title once: a `#` heading and a front-matter `title` that says something else cannot both be published, and taking one would drop the other without a word. An error rather than a warning, as ESLint’s `no-dupe-keys` and markdownlint’s `single-title` (with a front-matter title) treat two values for one thing: the author must say which one is meant.',
    messages: TITLE_TWICE_MESSAGES,
  },
  { id: 'misplaced-content', severity: 'error', description: 'Indicators, contacts, links and matrix rows are written where they can be read: under the right heading, as a list or table.' },
  {
    id: 'rules-config',
    severity: 'error',
    description: 'Rule settings name real rules, use a known severity, and give a reason of at least a few words.',
    messages: { ...UNKNOWN_RULE_MESSAGES, ...RULE_SETTING_MESSAGES, ...UNKNOWN_SETTING_MESSAGES },
  },
  { id: 'unused-suppression', severity: 'warning', description: 'Every `thresholds-ignore-next-line` comment still matches a message; one that does not is left over and should go.' },
  { id: 'raw-html', severity: 'error', integrity: true, description: 'Sources hold no raw HTML, so apps can show the text safely. Authors’ notes are `<!-- comments -->`, closed on both ends, which never reach the output.' },
  { id: 'link-scheme', severity: 'error', integrity: true, description: 'Link addresses are ones apps can open safely: https://, http://, mailto: or tel:, valid as written; a links.md entry is a web address or `pending:`.' },
  {
    id: 'portable-name',
    severity: 'error',
    integrity: true,
    description:
      'Every framework, page and file name works on every system and is not one the package or the website uses for itself: no two names differ only in case, none is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension) or ends in a dot or space, and no framework is called site, assets, index, model, package, readme, changelog or framework (or a name the package’s index.ts uses).',
  },
  {
    id: 'unsafe-character',
    severity: 'error',
    integrity: true,
    description:
      'No text holds a control character (other than tab and line breaks), a bidirectional override or isolate, a line or paragraph separator (U+2028, U+2029), an invisible tag character (U+E0000–U+E007F) other than in the flags of England, Scotland and Wales, a lone surrogate or a noncharacter, whether written directly, as a YAML escape such as `"\\e"` or `"\\u202E"`, as a Markdown character reference such as `&#x202E;`, or in a file name. Such characters can rewrite a terminal that shows them, reorder or hide what a reviewer reads, break a line in some programs and not in others, or make the published JSON invalid.',
  },
  {
    id: 'version-not-lowered',
    severity: 'error',
    description:
      'A framework’s version is never lower than the one the package already built records for it (`generated/package.json`, or with `build --check --base <revision>` the one committed there): apps would see the version go backwards. Raise it from the recorded version instead.',
  },
  {
    id: 'release-record',
    severity: 'error',
    description:
      'The package.json of the package already built, which the package’s next version is counted from, is the file a build writes: a regular file, valid JSON, a MAJOR.MINOR.PATCH `version` and `frameworkVersions` giving each framework’s id with its version. A damaged file is reported rather than taken as no release, which would start the version again lower.',
  },
  {
    id: 'package-version-not-lowered',
    severity: 'error',
    description:
      'With `build --check --base <revision>` (the content workflow), the version of `@thresholds/frameworks` is at least what the release committed at that revision needs for the frameworks now: a new MAJOR when a framework is removed or its MAJOR raised, a new MINOR when one is added or its MINOR raised, a new PATCH for a PATCH.',
  },
  { id: 'parse-failed', severity: 'error', description: 'The file can be parsed as Markdown within the limits (for example, lists nested at most 100 deep).' },
] as const satisfies readonly ProblemKind[]

export type ProblemId = (typeof problemKinds)[number]['id']
