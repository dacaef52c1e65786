import { XMLBuilder } from 'fast-xml-parser'
import type { VFileMessage } from 'vfile-message'
import { severityOf } from '../shared/diagnostics.ts'
import { relativePath, shownMessages, spanOf, suggestionOf, type PathReportOptions, type ReportInput } from './input.ts'
import { escapeControls } from '../shared/terminal.ts'

interface TestCase {
  '@_name': string
  '@_classname': string
  failure?: { '@_message': string; '@_type': string; '#text': string }
  skipped?: { '@_message': string }
  'system-out'?: string
}

/**
 * JUnit XML for CI test reports (Jenkins' xunit and junit plugins, GitLab, Azure): one test suite
 * per framework, one test class per file. An error is a failing test case; a warning is a passing
 * one whose output says what to look at (a warning does not fail a build); a suppressed message
 * is a skipped one; a file with nothing to report is one passing case.
 *
 * Names stay the same from run to run, so a CI's test history follows a problem: a case is named
 * by its rule and message, never by its line and column (those are in its text), and the same
 * message twice in one file is numbered. `<testsuites>` carries only the attributes Jenkins'
 * schema allows there (no `skipped`).
 */
export function formatJunit(input: ReportInput, options: PathReportOptions): string {
  const { cwd } = options
  const byPath = new Map(input.files.map((file) => [file.path, file]))
  const suites = input.frameworks.map((framework) => {
    const cases: TestCase[] = []
    const inFramework = (file: string) => file.startsWith(`${framework.dir}/`)
    const paths = [...new Set([...framework.files, ...input.files.map((file) => file.path).filter(inFramework)])].sort()
    for (const file of paths) {
      const shown = relativePath(file, cwd)
      const vfile = byPath.get(file)
      const messages = vfile ? shownMessages(vfile, options.quiet) : []
      const suppressed = input.suppressed.filter((entry) => entry.file === file)
      const names = new Map<string, number>()
      const unique = (name: string) => {
        const seen = (names.get(name) ?? 0) + 1
        names.set(name, seen)
        return seen === 1 ? name : `${name} (${seen})`
      }
      for (const message of messages) cases.push(messageCase(message, shown, unique))
      for (const entry of suppressed)
        cases.push({
          '@_name': clean(unique(`${entry.ruleId} (suppressed)`)),
          '@_classname': clean(shown),
          skipped: { '@_message': clean(`Suppressed at ${shown}:${entry.line}:${entry.column}: ${entry.reason}`) },
        })
      if (messages.length === 0 && suppressed.length === 0) cases.push({ '@_name': clean(`${shown} has no problems`), '@_classname': clean(shown) })
    }
    return {
      '@_name': clean(framework.id),
      '@_tests': cases.length,
      '@_failures': cases.filter((entry) => entry.failure).length,
      '@_errors': 0,
      '@_skipped': cases.filter((entry) => entry.skipped).length,
      testcase: cases,
    }
  })
  const total = (key: '@_tests' | '@_failures') => suites.reduce((sum, suite) => sum + suite[key], 0)
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true })
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'thresholds', '@_tests': total('@_tests'), '@_failures': total('@_failures'), '@_errors': 0, testsuite: suites },
  }) as string
}

function messageCase(message: VFileMessage, shown: string, unique: (name: string) => string): TestCase {
  const span = spanOf(message)
  const where = span ? `${shown}:${span.line}:${span.column}` : shown
  const severity = severityOf(message)
  const body = [`${where} ${severity} ${message.reason} [${message.ruleId ?? 'unknown'}]`]
  const suggestion = suggestionOf(message)
  if (suggestion) body.push(suggestion)
  if (message.url) body.push(message.url)
  const name = clean(unique(`${message.ruleId ?? 'unknown'}: ${message.reason}`))
  if (severity !== 'error') return { '@_name': name, '@_classname': clean(shown), 'system-out': clean(body.join('\n')) }
  return { '@_name': name, '@_classname': clean(shown), failure: { '@_message': clean(message.reason), '@_type': severity, '#text': clean(body.join('\n')) } }
}

/**
 * XML 1.0 cannot hold most control characters even escaped, nor lone surrogates; the others
 * would drive a terminal that shows the file: each becomes the visible stand-in every report uses.
 */
function clean(text: string): string {
  return escapeControls(text)
}
