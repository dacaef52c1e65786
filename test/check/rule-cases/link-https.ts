import { ruleTable, swap } from '../rule-tester.ts'

const plain = (url: string) => {
  const secure = url.replace(/^http:/i, 'https:')
  return { message: `The address “${url}” uses http:, expected https: (check that “${secure}” works and use that)`, suggestions: [secure] }
}

export default ruleTable({
  rule: 'link-https',
  severity: 'warning',
  valid: [
    { name: 'an https address' },
    { name: 'links inside the framework, mail and phone links', files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the [family](#early-help), [write](mailto:help@example.org) or [call](tel:01217884300).') } },
    { name: 'the word http in text', files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Addresses starting http: are not used here.') } },
  ],
  invalid: [
    {
      name: 'an http address in links.md',
      files: { 'links.md': swap('https://example.org/procedures', 'http://example.org/procedures') },
      errors: [{ file: 'links.md', messageId: 'http', data: { url: 'http://example.org/procedures', https: 'https://example.org/procedures' }, ...plain('http://example.org/procedures'), line: 5, column: 3, endLine: 5, endColumn: 55 }],
    },
    {
      name: 'an upper-case HTTP address in a level',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- See the [offer](HTTP://example.org/offer).') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'http', data: { url: 'HTTP://example.org/offer', https: 'https://example.org/offer' }, ...plain('HTTP://example.org/offer'), line: 11, column: 11, endLine: 11, endColumn: 44 }],
    },
    {
      name: 'an image and a link definition over http',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- ![Logo](http://example.org/logo.png) and [offer][o].\n\n[o]: http://example.org/offer') },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'http', data: { url: 'http://example.org/logo.png', https: 'https://example.org/logo.png' }, ...plain('http://example.org/logo.png'), line: 11, column: 3, endLine: 11, endColumn: 39 },
        { file: 'levels/01-early-help.md', messageId: 'http', data: { url: 'http://example.org/offer', https: 'https://example.org/offer' }, ...plain('http://example.org/offer'), line: 13, column: 1, endLine: 13, endColumn: 30 },
      ],
    },
  ],
})
