import { ruleTable, swap } from '../rule-tester.ts'

const dental = (parent: string, related: string) => ({
  'domains/02-dental.md': `---\nid: dental\ntitle: Dental care\nparent: ${parent}\n---\n\n## Early Help\n\n- Dental decay untreated {#dental-decay-untreated related=${related}}\n`,
})
const subLevel = (id: string, parent: string) => ({ [`levels/03-${id}.md`]: `---\nid: ${id}\ntitle: Sub ${id}\nparent: ${parent}\nrank: 1\n---\n\nA sub-level.\n` })

export default ruleTable({
  rule: 'reference-resolves',
  severity: 'error',
  valid: [
    { name: 'no references' },
    { name: 'a sub-domain and a related indicator that exist', files: dental('health', 'health-missing-immunisations') },
    { name: 'two related indicators, separated by a comma alone', files: dental('health', 'health-missing-immunisations,health-untreated-injury') },
    { name: 'a sub-level of a level', files: subLevel('urgent', 'child-protection') },
    { name: 'a domain titled differently at one level', files: { 'domains/01-health.md': swap('title: Health\n', 'title: Health\ntitleAtLevel:\n  child-protection: Keeping well\n') } },
  ],
  invalid: [
    {
      name: 'a mistyped parent level',
      files: subLevel('urgent', 'child-protectio'),
      errors: [{ file: 'levels/03-urgent.md', messageId: 'levelParentUnknown', data: { level: 'Sub urgent', parent: 'child-protectio' }, message: 'Level “Sub urgent” names the parent “child-protectio”, which is not a level', line: 3, column: 8, endLine: 3, endColumn: 18, suggestions: ['child-protection'] }],
    },
    {
      name: 'a mistyped parent domain and a mistyped related indicator',
      files: dental('helth', 'health-missing-immunisation'),
      errors: [
        { file: 'domains/02-dental.md', messageId: 'domainParentUnknown', data: { domain: 'Dental care', parent: 'helth' }, message: 'Domain “Dental care” names the parent “helth”, which is not a domain', line: 3, column: 8, endLine: 3, endColumn: 19, suggestions: ['health'] },
        {
          file: 'domains/02-dental.md',
          messageId: 'relatedUnknown', data: { indicator: 'Dental decay untreated', related: 'health-missing-immunisation' },
          message: 'The indicator “Dental decay untreated” names “health-missing-immunisation” as related, which is not an indicator',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 87,
          suggestions: ['health-missing-immunisations'],
        },
      ],
    },
    {
      name: 'a title at a level that does not exist',
      files: { 'domains/01-health.md': swap('title: Health\n', 'title: Health\ntitleAtLevel:\n  child-protectio: Keeping well\n') },
      errors: [{ file: 'domains/01-health.md', messageId: 'titleAtUnknownLevel', data: { domain: 'Health', level: 'child-protectio' }, message: 'Domain “Health” has a title at “child-protectio”, which is not a level', line: 5, column: 3, endLine: 5, endColumn: 32, suggestions: ['child-protection'] }],
    },
    {
      name: 'an indicator that names itself as related',
      files: dental('health', 'dental-decay-untreated'),
      errors: [{ file: 'domains/02-dental.md', messageId: 'relatedItself', data: { indicator: 'Dental decay untreated' }, message: 'The indicator “Dental decay untreated” names itself as related, expected the id of the same concern at another level', line: 9, column: 26, endLine: 9, endColumn: 82 }],
    },
    {
      // Read as the list it was meant to be, so the ids in it are not also reported as unknown.
      name: 'two related indicators separated by a comma and a space: one message, with the list as it should be',
      files: dental('health', 'health-missing-immunisations, health-untreated-injury'),
      errors: [
        {
          ruleId: 'invalid-attributes',
          file: 'domains/02-dental.md',
          messageId: 'listWithSpaces',
          data: { written: 'related=health-missing-immunisations, health-untreated-injury', suggestion: 'related=health-missing-immunisations,health-untreated-injury' },
          message: '“related=health-missing-immunisations, health-untreated-injury” separates its values with spaces, expected commas alone between them',
          suggestions: ['related=health-missing-immunisations,health-untreated-injury'],
          line: 9, column: 26, endLine: 9, endColumn: 113,
        },
      ],
    },
    {
      name: 'two related indicators in quotes, a space before the comma',
      files: dental('health', '"health-missing-immunisations ,health-untreated-injury"'),
      errors: [
        {
          ruleId: 'invalid-attributes',
          file: 'domains/02-dental.md',
          messageId: 'listWithSpacesAndQuotes',
          data: { written: 'related="health-missing-immunisations ,health-untreated-injury"', suggestion: 'related=health-missing-immunisations,health-untreated-injury' },
          message: '“related="health-missing-immunisations ,health-untreated-injury"” separates its values with spaces and quotes them, expected commas alone between them',
          suggestions: ['related=health-missing-immunisations,health-untreated-injury'],
          line: 9, column: 26, endLine: 9, endColumn: 115,
        },
      ],
    },
    {
      name: 'a level whose parent is a domain',
      files: subLevel('urgent', 'health'),
      errors: [{ file: 'levels/03-urgent.md', messageId: 'levelParentUnknown', data: { level: 'Sub urgent', parent: 'health' }, message: 'Level “Sub urgent” names the parent “health”, which is not a level', line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'a level that names itself as its parent',
      files: { 'levels/01-early-help.md': swap('rank: 1', 'parent: early-help\nrank: 1') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'levelParentItself', data: { level: 'Early Help' }, message: 'Level “Early Help” names itself as its parent', line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'a level under a sub-level',
      files: { ...subLevel('urgent', 'child-protection'), ...subLevel('very-urgent', 'urgent') },
      errors: [
        { file: 'levels/03-very-urgent.md', messageId: 'levelTooDeep', data: { level: 'Sub very-urgent', parent: 'urgent' }, message: 'Level “Sub very-urgent” is under “urgent”, which is itself a sub-level, expected sub-levels only one deep', line: 3, column: 8, endLine: 3, endColumn: 23 },
      ],
    },
    {
      name: 'a domain under a sub-domain, and a related id that is a contact',
      files: {
        ...dental('health', 'front-door'),
        'domains/03-teeth.md': '---\nid: teeth\ntitle: Teeth\nparent: dental\n---\n\n## Early Help\n\n- Toothache {#teeth-toothache}\n',
      },
      errors: [
        { file: 'domains/02-dental.md', messageId: 'relatedUnknown', data: { indicator: 'Dental decay untreated', related: 'front-door' }, message: 'The indicator “Dental decay untreated” names “front-door” as related, which is not an indicator', line: 9, column: 26, endLine: 9, endColumn: 70 },
        { file: 'domains/03-teeth.md', messageId: 'domainTooDeep', data: { domain: 'Teeth', parent: 'dental' }, message: 'Domain “Teeth” is under “dental”, which is itself a sub-domain, expected sub-domains only one deep', line: 3, column: 8, endLine: 3, endColumn: 13 },
      ],
    },
    {
      name: 'a domain whose parent is a level, and a title at a domain',
      files: { ...dental('child-protection', 'health-missing-immunisations'), 'domains/01-health.md': swap('title: Health\n', 'title: Health\ntitleAtLevel:\n  health: Keeping well\n') },
      errors: [
        { file: 'domains/01-health.md', messageId: 'titleAtUnknownLevel', data: { domain: 'Health', level: 'health' }, message: 'Domain “Health” has a title at “health”, which is not a level', line: 5, column: 3, endLine: 5, endColumn: 23 },
        { file: 'domains/02-dental.md', messageId: 'domainParentUnknown', data: { domain: 'Dental care', parent: 'child-protection' }, message: 'Domain “Dental care” names the parent “child-protection”, which is not a domain', line: 3, column: 8, endLine: 3, endColumn: 19 },
      ],
    },
  ],
})
