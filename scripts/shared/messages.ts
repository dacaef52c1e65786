/**
 * A message's text: its template with each `{{name}}` replaced by `data[name]`. A slot with no
 * value is a bug in the rule or the reader, not something to print as “undefined”.
 */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`the message “${template}” has no value for “${name}”`)
    return String(data[name])
  })
}
