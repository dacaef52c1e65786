import { ruleTable, swap, swaps } from '../rule-tester.ts'

const safety = (body: string) => ({ 'domains/02-safety.md': `---\nid: safety\ntitle: Safety\n---\n\n${body}\n` })
const care = {
  'levels/03-care.md': '---\nid: care\ntitle: Care\nrank: 3\n---\n\nA child in care.\n',
  'domains/01-health.md': swap('- Untreated serious injury {#health-untreated-injury}', '- Untreated serious injury {#health-untreated-injury}\n\n## Care\n\n- Missed health assessments {#health-missed-assessments}'),
}
/** Health, and Safety with `body`, as sub-domains of “Developmental needs” (the Assessment Framework triangle's first side). */
const subDomains = (body: string) => ({
  'domains/00-development.md': '---\nid: development\ntitle: Developmental needs\n---\n\nThe first side of the triangle.\n',
  'domains/01-health.md': swap('title: Health\n', 'title: Health\nparent: development\n'),
  'domains/02-safety.md': `---\nid: safety\ntitle: Safety\nparent: development\n---\n\n${body}\n`,
})
const missing = (list: string, first: string) =>
  `Domain “Safety” has no indicators at ${list}, while other domains do: add them under “## ${first}” in this file, or write “Missing from the source: …” there with the reason the source has none`

export default ruleTable({
  rule: 'domain-covers-levels',
  severity: 'warning',
  valid: [
    { name: 'one domain with indicators at both levels' },
    { name: 'two domains, each with indicators at both levels', files: safety('## Early Help\n\n- Missed collections {#safety-missed-collections}\n\n## Child protection\n\n- Left alone for days {#safety-left-alone}') },
    { name: 'a level that no domain has indicators at', files: { 'levels/03-care.md': care['levels/03-care.md'] } },
    {
      name: 'a level whose list the source marks as missing',
      files: safety('## Early Help\n\n- Missed collections {#safety-missed-collections}\n\n## Child protection\n\nMissing from the source: page 14 of the PDF was not published.'),
    },
    {
      name: 'a level’s own list, under no domain, at a level no domain has indicators at',
      files: { 'levels/03-care.md': `${care['levels/03-care.md']}\n## Indicators\n\n- Moves between carers {#care-moves}\n` },
    },
    {
      name: 'two sub-domains, each with indicators at both levels',
      files: subDomains('## Early Help\n\n- Missed collections {#safety-missed-collections}\n\n## Child protection\n\n- Left alone for days {#safety-left-alone}'),
    },
    { name: 'a domain whose whole page the source marks as partial', files: safety('Partial in the source: only the first page survived.\n\n## Early Help\n\n- Missed collections {#safety-missed-collections}') },
  ],
  invalid: [
    {
      name: 'a sub-domain missing a level its sibling covers',
      files: subDomains('## Early Help\n\n- Missed collections {#safety-missed-collections}'),
      errors: [
        {
          file: 'domains/02-safety.md',
          messageId: 'subDomainGap', data: { domain: 'Safety', levels: '“Child protection”', heading: 'Child protection', parent: 'Developmental needs' },
          message: 'Domain “Safety” (part of “Developmental needs”) has no indicators at “Child protection”, while other domains do: add them under “## Child protection” in this file, or write “Missing from the source: …” there with the reason the source has none',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 14,
        },
      ],
    },
    {
      name: 'a domain missing the higher level',
      files: safety('## Early Help\n\n- Missed collections {#safety-missed-collections}'),
      errors: [{ file: 'domains/02-safety.md', messageId: 'gap', data: { domain: 'Safety', levels: '“Child protection”', heading: 'Child protection' }, message: missing('“Child protection”', 'Child protection'), line: 3, column: 8, endLine: 3, endColumn: 14 }],
    },
    {
      name: 'a domain missing the lower level',
      files: safety('## Child protection\n\n- Left alone for days {#safety-left-alone}'),
      errors: [{ file: 'domains/02-safety.md', messageId: 'gap', data: { domain: 'Safety', levels: '“Early Help”', heading: 'Early Help' }, message: missing('“Early Help”', 'Early Help'), line: 3, column: 8, endLine: 3, endColumn: 14 }],
    },
    {
      name: 'a domain missing two of three levels, named in level order',
      files: { ...care, ...safety('## Early Help\n\n- Missed collections {#safety-missed-collections}') },
      errors: [
        { file: 'domains/02-safety.md', messageId: 'gap', data: { domain: 'Safety', levels: '“Child protection” or “Care”', heading: 'Child protection' }, message: missing('“Child protection” or “Care”', 'Child protection'), line: 3, column: 8, endLine: 3, endColumn: 14 },
      ],
    },
    {
      name: 'a domain missing three of four levels: the first two parted by a comma',
      files: {
        ...safety('## Early Help\n\n- Missed collections {#safety-missed-collections}'),
        'levels/03-care.md': care['levels/03-care.md'],
        'levels/04-secure.md': '---\nid: secure\ntitle: Secure care\nrank: 4\n---\n\nA child in secure care.\n',
        'domains/01-health.md': swaps(
          ['- Untreated serious injury {#health-untreated-injury}', '- Untreated serious injury {#health-untreated-injury}\n\n## Care\n\n- Missed health assessments {#health-missed-assessments}'],
          ['{#health-missed-assessments}', '{#health-missed-assessments}\n\n## Secure care\n\n- Self-harm in the unit {#health-self-harm}'],
        ),
      },
      errors: [
        {
          file: 'domains/02-safety.md', messageId: 'gap', data: { domain: 'Safety', levels: '“Child protection”, “Care” or “Secure care”', heading: 'Child protection' },
          message: missing('“Child protection”, “Care” or “Secure care”', 'Child protection'), line: 3, column: 8, endLine: 3, endColumn: 14,
        },
      ],
    },
  ],
})
