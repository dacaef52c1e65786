import { pathToFileURL } from 'node:url'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { rules } from '../check/registry.ts'
import type { Suppression } from '../check/runner.ts'
import { docsUrl, PROJECT_URL, severityOf, type MessageData, type Severity } from '../shared/diagnostics.ts'
import { problemKinds } from '../shared/problems.ts'
import { relativePath, shownMessages, spanOf, type PathReportOptions, type ReportInput } from './input.ts'
import { escapeJsonControls } from '../shared/terminal.ts'

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json'
const SRCROOT = '%SRCROOT%'

type Level = 'error' | 'warning' | 'note'

interface SarifRegion {
  startLine: number
  startColumn: number
  endLine?: number
  endColumn?: number
}

interface SarifResult {
  ruleId: string
  ruleIndex?: number
  level: Level
  message: { text: string }
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: SarifRegion } }>
  suppressions?: Array<{ kind: 'inSource' | 'external'; status: 'accepted'; justification: string }>
  /** The rule's own message id and its data (docs/rules.md lists each rule's messages), and any suggestions. */
  properties?: { messageId?: string; data?: MessageData; suggestions?: string[] }
}

/** Every rule and every fixed problem kind, in the order of docs/rules.md: `ruleIndex` points into it. */
const catalogue: ReadonlyArray<{ id: string; severity: Severity; description: string }> = [...rules, ...problemKinds]

/**
 * A SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) for code
 * scanning tools such as GitHub's: one run, the rule catalogue with its default levels, one
 * result per message, and suppressed messages as results carrying their suppression and reason.
 */
export function formatSarif(input: ReportInput, options: PathReportOptions & { version: string }): string {
  const { cwd } = options
  const results: SarifResult[] = []
  for (const file of input.files)
    for (const message of shownMessages(file, options.quiet)) results.push(resultOf(message, file.path, cwd))
  for (const suppression of input.suppressed) results.push(suppressedResult(suppression, cwd))
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'thresholds',
            version: options.version,
            informationUri: PROJECT_URL,
            rules: catalogue.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: docsUrl(rule.id),
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return `${escapeJsonControls(JSON.stringify(log, null, 2))}\n`
}

function withRule(ruleId: string): { ruleId: string; ruleIndex?: number } {
  const index = catalogue.findIndex((rule) => rule.id === ruleId)
  return index === -1 ? { ruleId } : { ruleId, ruleIndex: index }
}

function resultOf(message: VFileMessage, file: string, cwd: string): SarifResult {
  const severity = severityOf(message)
  const span = spanOf(message)
  const region: SarifRegion | undefined = span && {
    startLine: span.line,
    startColumn: span.column,
    endLine: span.endLine,
    endColumn: span.endLine === span.line ? Math.max(span.endColumn, span.column) : span.endColumn,
  }
  const result: SarifResult = {
    ...withRule(message.ruleId ?? 'unknown'),
    level: severity === 'info' ? 'note' : severity,
    message: { text: message.reason },
    locations: [location(file, cwd, region)],
  }
  if (message.messageId) result.properties = { messageId: message.messageId, data: { ...message.data } }
  if (message.expected?.length) result.properties = { ...result.properties, suggestions: [...message.expected] }
  return result
}

function suppressedResult(suppression: Suppression, cwd: string): SarifResult {
  const rule = catalogue.find((entry) => entry.id === suppression.ruleId)
  return {
    ...withRule(suppression.ruleId),
    level: rule?.severity ?? 'warning',
    message: { text: suppression.message },
    locations: [location(suppression.file, cwd, { startLine: suppression.line, startColumn: suppression.column })],
    suppressions: [{ kind: suppression.kind === 'inline' ? 'inSource' : 'external', status: 'accepted', justification: suppression.reason }],
  }
}

/** A file relative to %SRCROOT% (the working directory), as a URI reference; absolute outside it. */
function location(file: string, cwd: string, region: SarifRegion | undefined): SarifResult['locations'][number] {
  const relative = relativePath(file, cwd)
  const artifactLocation = path.isAbsolute(relative) ? { uri: pathToFileURL(relative).href } : { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
  return { physicalLocation: region ? { artifactLocation, region } : { artifactLocation } }
}
