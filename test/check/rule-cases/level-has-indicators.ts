import { ruleTable, swap } from '../rule-tester.ts'

const noIndicators = (title: string) => `Level “${title}” has no indicators, expected at least one bullet point under a “## ${title}” heading in a domain file`
const INJURY = '\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}'
const strengths = (levelChange: [string, string] | undefined) => ({
  'framework.md': swap('indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs'),
  'domains/01-health.md': '---\nid: health\ntitle: Health\n---\n\n## Strengths and protective factors\n\n- Sees a doctor {#health-sees-doctor}\n\n## Needs and risks\n\n- Missing immunisations {#health-missing-immunisations}\n',
  ...(levelChange ? { 'levels/02-child-protection.md': swap(...levelChange) } : {}),
})

export default ruleTable({
  rule: 'level-has-indicators',
  severity: 'error',
  valid: [
    { name: 'indicators at both levels' },
    { name: 'a heading naming the level by its id', files: { 'domains/01-health.md': swap('## Child protection', '## child-protection') } },
    { name: 'a level whose only list the source marks as missing', files: { 'domains/01-health.md': swap(INJURY, '\n\n## Child protection\n\nMissing from the source: page 14 of the PDF was not published.') } },
    { name: 'strengths and needs, with levels described', files: strengths(undefined) },
    {
      name: 'strengths and needs, a level without a description recognised by its matrix column',
      files: {
        ...strengths(['A child is suffering, or likely to suffer, significant harm.\n', '']),
        'matrix.md': '---\ntitle: Decision matrix\nrule: The highest level reached guides the response.\n---\n\n| Factor | Early Help | Child protection |\n| --- | --- | --- |\n| How often? {#frequency} | Occasional | Constant |\n',
      },
    },
    {
      name: 'strengths and needs, a level without a description recognised by its sub-level’s matrix column',
      files: {
        ...strengths(['A child is suffering, or likely to suffer, significant harm.\n', '']),
        'levels/03-immediate.md': '---\nid: immediate\ntitle: Immediate danger\nparent: child-protection\nrank: 1\n---\n\nA child in danger now.\n',
        'matrix.md': '---\ntitle: Decision matrix\nrule: The highest level reached guides the response.\n---\n\n| Factor | Early Help | Immediate danger |\n| --- | --- | --- |\n| How often? {#frequency} | Occasional | Constant |\n',
      },
    },
    {
      name: 'a level whose only list, in a sub-domain, the source marks as missing',
      files: {
        'domains/00-development.md': '---\nid: development\ntitle: Developmental needs\n---\n\nThe first side of the triangle.\n',
        'domains/01-health.md': (text: string) => swap(INJURY, '\n\n## Child protection\n\nMissing from the source: page 14 of the PDF was not published.')(swap('title: Health\n', 'title: Health\nparent: development\n')(text)),
      },
    },
    {
      name: 'a sub-level covered by its parent’s indicators',
      files: { 'levels/03-immediate.md': '---\nid: immediate\ntitle: Immediate danger\nparent: child-protection\nrank: 1\n---\n\nA child in danger now.\n' },
    },
  ],
  invalid: [
    {
      name: 'no indicators at the higher level',
      files: { 'domains/01-health.md': swap(INJURY, '') },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'noIndicators', data: { level: 'Child protection', heading: 'Child protection' }, message: noIndicators('Child protection'), line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'no indicators at the lower level',
      files: { 'domains/01-health.md': swap('## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n\n', '') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'noIndicators', data: { level: 'Early Help', heading: 'Early Help' }, message: noIndicators('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'a level whose only indicators are its own list, under no domain',
      files: { 'domains/01-health.md': swap(INJURY, ''), 'levels/02-child-protection.md': (text: string) => `${text}\n## Indicators\n\n- Untreated serious injury\n` },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'noIndicators', data: { level: 'Child protection', heading: 'Child protection' }, message: noIndicators('Child protection'), line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'strengths and needs, a level with neither description nor matrix column',
      files: strengths(['A child is suffering, or likely to suffer, significant harm.\n', '']),
      errors: [
        {
          file: 'levels/02-child-protection.md',
          messageId: 'notDescribed', data: { level: 'Child protection' },
          message: 'Level “Child protection” has no matrix column and no description, expected one of them so practitioners can recognise it',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 24,
        },
      ],
    },
  ],
})
