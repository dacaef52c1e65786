/**
 * What is wrong with an email address the schema refused (ajv-formats' “email”: a name of
 * letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated parts, an “@”, then a domain of
 * dot-separated letters, digits and inner hyphens with at least one dot), in words, completing
 * “The email address … is “x”, which …”. The first problem an author would see, in reading order.
 */
export function emailProblem(text: string): string {
  if (/\s/.test(text)) return 'has a space in it'
  const parts = text.split('@')
  if (parts.length === 1) return 'has no “@”'
  if (parts.length > 2) return 'has more than one “@”'
  const [name = '', domain = ''] = parts
  if (name === '') return 'has nothing before the “@”'
  if (domain === '') return 'has nothing after the “@”'
  const badInName = [...name].find((character) => !/[a-z0-9.!#$%&'*+/=?^_`{|}~-]/i.test(character))
  if (badInName) return `has “${badInName}” before the “@”, which an address cannot hold`
  const badInDomain = [...domain].find((character) => !/[a-z0-9.-]/i.test(character))
  if (badInDomain) return `has “${badInDomain}” after the “@”, where only the letters a to z, digits, dots and hyphens go`
  if (!domain.includes('.')) return `has no dot after the “@”, where a domain such as example.org goes`
  return 'has a dot or hyphen out of place (at the start or end of a part, or two dots together)'
}
