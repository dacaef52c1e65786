import { XMLParser } from 'fast-xml-parser'

/**
 * The rules of the JUnit schema Jenkins' xunit plugin validates against (junit-10.xsd: which
 * attributes each element may and must carry, and which elements may sit inside it), as a table.
 * GitLab reads the same elements (testsuite, testcase with name and classname, failure, error,
 * skipped, system-out) without a schema, so a report that passes these rules suits both.
 */
const ELEMENTS: Record<string, { required: string[]; allowed: string[]; children: string[]; text?: boolean }> = {
  testsuites: { required: [], allowed: ['name', 'time', 'tests', 'failures', 'errors'], children: ['testsuite'] },
  testsuite: {
    required: ['name', 'tests', 'failures', 'errors'],
    allowed: ['group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  properties: { required: [], allowed: [], children: ['property'] },
  property: { required: ['name', 'value'], allowed: [], children: [] },
  testcase: {
    required: ['name'],
    allowed: ['time', 'classname', 'group'],
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
  },
  failure: { required: [], allowed: ['type', 'message'], children: [], text: true },
  error: { required: [], allowed: ['type', 'message'], children: [], text: true },
  skipped: { required: [], allowed: ['type', 'message'], children: [], text: true },
  'system-out': { required: [], allowed: [], children: [], text: true },
  'system-err': { required: [], allowed: [], children: [], text: true },
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> }

/** Every way the report breaks those rules, as readable lines (none when it is valid). */
export function junitSchemaProblems(xml: string): string[] {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false })
  const document = parser.parse(xml) as Node[]
  const problems: string[] = []
  const roots = document.filter((node) => !('?xml' in node))
  if (roots.length !== 1 || !(roots[0] && ('testsuites' in roots[0] || 'testsuite' in roots[0]))) problems.push('the root element is not <testsuites> or <testsuite>')
  const visit = (node: Node, path: string) => {
    const name = Object.keys(node).find((key) => key !== ':@') ?? ''
    if (name === '#text') return
    const rule = ELEMENTS[name]
    const here = `${path}/${name}`
    if (!rule) return void problems.push(`${here}: no such element in the schema`)
    const attributes = Object.keys(node[':@'] ?? {})
    for (const attribute of attributes) if (!rule.required.includes(attribute) && !rule.allowed.includes(attribute)) problems.push(`${here}: attribute “${attribute}” is not allowed`)
    for (const attribute of rule.required) if (!attributes.includes(attribute)) problems.push(`${here}: attribute “${attribute}” is required`)
    for (const child of (node[name] as Node[] | undefined) ?? []) {
      const childName = Object.keys(child).find((key) => key !== ':@') ?? ''
      if (childName === '#text') {
        if (!rule.text && String(child['#text']).trim() !== '') problems.push(`${here}: text is not allowed`)
        continue
      }
      if (!rule.children.includes(childName)) problems.push(`${here}: <${childName}> is not allowed inside`)
      visit(child, here)
    }
  }
  for (const root of roots) visit(root, '')
  return problems
}
