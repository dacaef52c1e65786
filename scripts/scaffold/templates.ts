/**
 * The files of a new framework. Every place that needs the partnership's own words says
 * “TODO: …” (the content-placeholder rule lists each one until it is replaced), and each file
 * explains itself in comments, which are never published. The layout is the one
 * docs/authoring.md describes; a test checks the skeleton with every rule.
 */

export interface SkeletonLevel {
  id: string
  title: string
  rank: number
  familyAgreement: 'needed' | 'preferred' | 'not-needed'
}

export const LEVELS: readonly SkeletonLevel[] = [
  { id: 'universal', title: 'Universal', rank: 1, familyAgreement: 'not-needed' },
  { id: 'early-help', title: 'Early Help', rank: 2, familyAgreement: 'needed' },
  { id: 'child-in-need', title: 'Child in need', rank: 3, familyAgreement: 'needed' },
  { id: 'child-protection', title: 'Child protection', rank: 4, familyAgreement: 'preferred' },
]

export const DOMAINS = [
  { id: 'health', title: 'Health' },
  { id: 'family-and-relationships', title: 'Family and relationships' },
] as const

const pad = (n: number) => String(n).padStart(2, '0')

export function frameworkFile(id: string): string {
  return `---
# The settings for the whole framework. Each one is explained in docs/authoring.md
# (“framework.md”). Lines starting with # are notes: they are never published.
id: ${id}
title: "TODO: the title as printed on the cover"
partnership: "TODO: the partnership's full name"
# region: West Midlands
version: "0.1"
status: draft
# published: 2026-04-01        # the publication date, once there is one (YYYY-MM-DD)
# reviewDue: 2027-04-01        # when the partnership promised to review it
indicatorLayout: by-level      # or strengths-and-needs, when indicators are not tied to levels
# guidance:                    # the statutory guidance the document cites
#   - title: Working Together to Safeguard Children
#     edition: 2026
---

TODO: one or two paragraphs that introduce the framework: who it is for and how to use it.
This text is the framework's summary on its website and in apps.
`
}

export function levelFile(level: SkeletonLevel, highest: boolean): string {
  return `---
# One level of need. rank 1 is the least serious; higher numbers are more serious.
# Rename the title to your framework's words. Change the id too if you like, but only
# before the framework is first published: apps and reports find the level by its id.
id: ${level.id}
title: ${level.title}
rank: ${level.rank}
# label: Level ${level.rank}    # the printed label, if the document numbers its levels
familyAgreement: ${level.familyAgreement}    # needed, preferred, not-needed or conditional
# familyAgreementCondition: ...    # with conditional: the condition in the document's words
---

TODO: say what this level means, in a sentence or two.

## What to do

- TODO: the first thing a practitioner should do at ${level.title}
${highest ? '- If a child is at immediate risk of harm, call [999](#emergency-services).\n' : ''}
<!-- An example step with a link to an entry in links.md:
- Talk to the family and complete an [Early Help Assessment](#early-help-assessment)
-->

## Information sharing and consent

TODO: when the family's agreement is needed at ${level.title}, and when information can be shared without it.

## Contacts

<!-- Each contact is a link to its entry in contacts.md. -->
${highest ? '- [Emergency services](#emergency-services)\n' : ''}- [Front door](#front-door)
`
}

export function domainFile(domain: { id: string; title: string }): string {
  const sections = LEVELS.map((level) => `## ${level.title}\n\n- TODO: something a practitioner might see in ${domain.title.toLowerCase()} at ${level.title}\n`).join('\n')
  return `---
# One domain of a child's life. Under each heading that names a level (its title or
# its id), each bullet point is one indicator at that level.
id: ${domain.id}
title: ${domain.title}
---

<!--
Settings for one indicator go in {...} at the end of its line, for example:
- Missing immunisations or health checks {#health-missing-immunisations age=under-5}
With indicatorLayout: strengths-and-needs, use the headings
“## Strengths and protective factors” and “## Needs and risks” instead of level names.
Bullet points indented under an indicator are kept with it as its resources or services.
Where the document's list is cut short or missing, say so on a line of its own under the
heading, never leave it empty or invent items:
Partial in the source: the web version stops after the fifth item.
Missing from the source: page 14 of the PDF was not published.
Copy this file for each domain: 03-..., 04-...
-->

${sections}`
}

export function contactsFile(): string {
  return `---
title: Contacts
---

<!--
One heading per contact, then its details, each with a label: Phone, Hours, Web, Email,
Address, Emergency, Use for. A contact may have several numbers, each with its use in brackets
and, when they differ from the contact's, its own hours under it. For example:
- Phone: 0121 788 4300
- Hours: Mon-Thu 08:45-17:20; Fri 08:45-16:30
- Phone (out of hours): 0121 605 6060
  - Hours: Outside office hours
-->

## Front door {#front-door}

- Web: [Front door referral portal](#front-door-portal)
- Use for: TODO: when practitioners should contact the front door

## Emergency services {#emergency-services}

- Phone: 999
- Emergency: yes
- Use for: A child at immediate risk of harm or in need of urgent medical attention
`
}

export function linksFile(): string {
  return `---
title: Links
---

<!--
Every web address the framework uses, once, each with an id. Other files link to the id:
[Front door referral portal](#front-door-portal). Write pending: until the address is known,
and https://... once it is.
-->

- [Front door referral portal](pending:) {#front-door-portal}
`
}

export function matrixFile(): string {
  const header = `| Factor | ${LEVELS.map((level) => level.title).join(' | ')} |`
  const rule = `| --- | ${LEVELS.map(() => '---').join(' | ')} |`
  const row = (id: string, title: string) => `| ${title} {#${id}} | ${LEVELS.map(() => 'TODO').join(' | ')} |`
  return `---
title: Decision-making matrix
rule: "TODO: how the matrix is read, e.g. the highest need reached across the factors guides the support required"
---

<!--
Optional: delete this file if the framework has no matrix. The first column names the
factors; every other column header names a level (its title or its id). Every cell needs words.
-->

${header}
${rule}
${row('frequency', 'How often is this happening?')}
${row('impact', 'What is the impact on the child?')}
`
}

export function sectionFile(): string {
  return `---
id: introduction
---

# Introduction

TODO: the opening pages of the document: why the framework exists and who it is for.

<!-- Each file in sections/ is a page of narrative: principles, information sharing,
escalation ... The first # heading is the page title; ## headings make sub-sections. -->
`
}

export function rulesFile(): string {
  return `# yaml-language-server: $schema=../../schema/frontmatter/rules.schema.json
#
# Optional: change how a rule treats this framework, always with a reason. Every rule is in
# docs/rules.md. An example, kept as a comment:
#
# link-pending:
#   severity: warning        # error, warning or off
#   reason: The partnership is collecting the new addresses; due by the next review.
`
}

/** Every file of a new framework, by path inside its folder. */
export function skeleton(id: string): Map<string, string> {
  const files = new Map<string, string>()
  files.set('framework.md', frameworkFile(id))
  LEVELS.forEach((level, index) => files.set(`levels/${pad(index + 1)}-${level.id}.md`, levelFile(level, index === LEVELS.length - 1)))
  DOMAINS.forEach((domain, index) => files.set(`domains/${pad(index + 1)}-${domain.id}.md`, domainFile(domain)))
  files.set('contacts.md', contactsFile())
  files.set('links.md', linksFile())
  files.set('matrix.md', matrixFile())
  files.set('sections/01-introduction.md', sectionFile())
  files.set('rules.yaml', rulesFile())
  return files
}
