import { XMLBuilder } from 'fast-xml-parser'
import type { VFileMessage } from 'vfile-message'
import { severityOf } from '../shared/diagnostics.ts'
import { relativePath, shownMessages, spanOf, suggestionOf, type ReportInput, type ReportOptions } from './input.ts'

interface TestCase {
  '@_name': string
  '@_classname': string
  failure?: { '@_message': string; '@_type': string; '#text': string }
  skipped?: { '@_message': string }
}

/**
 * JUnit XML for CI test reports: one test suite per framework; in it one failing test case per
 * message (warnings too, unless --quiet), one skipped test case per suppressed message, and one
 * passing test case for each file with nothing to report.
 */
export function formatJunit(input: ReportInput, options: ReportOptions = {}): string {
  const cwd = options.cwd ?? process.cwd()
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
      for (const message of messages) cases.push(failingCase(message, shown))
      for (const entry of suppressed)
        cases.push({
          '@_name': clean(`${entry.ruleId} at ${shown}:${entry.line}:${entry.column}`),
          '@_classname': clean(shown),
          skipped: { '@_message': clean(`Suppressed: ${entry.reason}`) },
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
  const total = (key: '@_tests' | '@_failures' | '@_skipped') => suites.reduce((sum, suite) => sum + suite[key], 0)
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true })
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'thresholds', '@_tests': total('@_tests'), '@_failures': total('@_failures'), '@_errors': 0, '@_skipped': total('@_skipped'), testsuite: suites },
  }) as string
}

function failingCase(message: VFileMessage, shown: string): TestCase {
  const span = spanOf(message)
  const where = span ? `${shown}:${span.line}:${span.column}` : shown
  const severity = severityOf(message)
  const body = [`${where} ${severity} ${message.reason} [${message.ruleId ?? 'unknown'}]`]
  const suggestion = suggestionOf(message)
  if (suggestion) body.push(suggestion)
  if (message.url) body.push(message.url)
  return {
    '@_name': clean(`${message.ruleId ?? 'unknown'} at ${where}`),
    '@_classname': clean(shown),
    failure: { '@_message': clean(message.reason), '@_type': severity, '#text': clean(body.join('\n')) },
  }
}

/** XML 1.0 cannot hold most control characters even escaped, nor lone surrogates: they become U+FFFD. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD')
}
