/**
 * `npm run diff:quality`: how well `thresholds diff` agrees with a careful reviewer. Each pair in
 * test/fixtures/diff-quality was labelled by hand (labels.yaml) before the diff ran on it; this
 * compares the diff's changes with those labels and prints precision and recall per impact, and
 * the targets. The matching thresholds were chosen on that corpus, so the pairs in
 * test/fixtures/diff-quality-held-out, never used for tuning, are measured and printed apart.
 * `--write` also writes docs/diff-quality.md from the run, with the same measurement once per
 * candidate stemmer; `--json` prints JSON; `--stemmers` prints the stemmer comparison.
 *
 *   npm run diff:quality [-- --write] [-- --json] [-- --stemmers]
 */
import { createRequire } from 'node:module'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { stemmer } from 'stemmer'
import porter2 from 'wink-porter2-stemmer'
import { parse as parseYaml } from 'yaml'
import { diffVersions } from '../diff/index.ts'
import { loadSide, type LoadedSide } from '../diff/inputs.ts'
import { withStemmer, type Stem } from '../diff/meaning.ts'
import type { Change, Impact } from '../diff/types.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const corpusDir = path.join(root, 'test/fixtures/diff-quality')
/** Labelled like the corpus, but never used to choose a threshold: its figures are not flattered by tuning. */
export const heldOutDir = path.join(root, 'test/fixtures/diff-quality-held-out')

type Reported = Impact | 'none'
const IMPACTS: readonly Impact[] = ['practice', 'review', 'editorial']
const RANK: Record<Reported, number> = { none: 0, editorial: 1, review: 2, practice: 3 }

export interface Label {
  what: string
  indicator?: { old?: string | string[]; new?: string | string[] }
  level?: { old?: string; new?: string }
  contact?: { old?: string; new?: string }
  section?: { old?: string; new?: string }
  field?: string
  impact: Impact
  accept?: Impact[]
  direction?: 'raised' | 'lowered'
}

export interface LabelResult {
  pair: string
  label: Label
  reported: Reported
  right: boolean
  kinds: string[]
}

export interface QualityResult {
  pairs: string[]
  labels: LabelResult[]
  /** Changes no label covers: each a unit (one thing, one field), with the impact reported. */
  unlabelled: Array<{ pair: string; unit: string; impact: Impact; kinds: string[] }>
  falseDirections: Array<{ pair: string; unit: string; direction: string }>
  perImpact: Record<Impact, { labelled: number; found: number; reported: number; correct: number; precision: number; recall: number }>
  editorialAsPractice: { editorial: number; asPractice: number; share: number }
  criterion: { total: number; practiceOrReview: number }
  targets: Array<{ target: string; met: boolean; value: string }>
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** The field a change is about, in the labels' words: what a level or contact change touches. */
function fieldOf(change: Change): string {
  if (change.field) return change.field
  if (change.kind === 'contact-renamed') return 'name'
  if (change.kind === 'level-contacts-changed') return 'contacts'
  return change.kind
}

/** Which subject a label is about, as the change's subject type and the ids on each side. */
function labelSubject(label: Label): { type: string; old: string[]; new: string[] } {
  if (label.indicator) return { type: 'indicator', old: asList(label.indicator.old), new: asList(label.indicator.new) }
  if (label.level) return { type: 'level', old: asList(label.level.old), new: asList(label.level.new) }
  if (label.contact) return { type: 'contact', old: asList(label.contact.old), new: asList(label.contact.new) }
  if (label.section) return { type: 'section', old: asList(label.section.old), new: asList(label.section.new) }
  throw new Error(`label “${label.what}” names no indicator, level, contact or section`)
}

function touches(label: Label, change: Change): boolean {
  const subject = labelSubject(label)
  if (change.subject.type !== subject.type) return false
  const ids = (change.subject.old && subject.old.includes(change.subject.old.id)) || (change.subject.new && subject.new.includes(change.subject.new.id))
  if (!ids) return false
  return subject.type === 'indicator' || label.field === fieldOf(change)
}

/** One thing, one field: how changes nobody labelled are counted (an indicator's changes are one unit). */
function unitOf(change: Change): string {
  const ids = `${change.subject.old?.id ?? ''}>${change.subject.new?.id ?? ''}`
  return change.subject.type === 'indicator' ? `indicator ${ids}` : `${change.subject.type} ${ids} ${fieldOf(change)}`
}

function strongest(changes: readonly Change[]): Reported {
  return changes.reduce<Reported>((best, change) => (RANK[change.impact] > RANK[best] ? change.impact : best), 'none')
}

/** The new side of a pair: the old sources with the pair's changed files laid over them. */
function materialise(pairDir: string): { work: string; old: string; new: string } {
  const work = mkdtempSync(path.join(tmpdir(), 'thresholds-diff-quality-'))
  cpSync(path.join(pairDir, 'old'), path.join(work, 'old'), { recursive: true })
  cpSync(path.join(pairDir, 'old'), path.join(work, 'new'), { recursive: true })
  cpSync(path.join(pairDir, 'new'), path.join(work, 'new'), { recursive: true })
  return { work, old: path.join(work, 'old'), new: path.join(work, 'new') }
}

/** A labelled pair with both sides read and checked, ready to compare (with any stemmer). */
export interface LoadedPair {
  pair: string
  labels: Label[]
  before: LoadedSide
  after: LoadedSide
}

/** Reads every pair of a corpus once; the comparisons are then made from memory. */
export async function loadCorpus(dir = corpusDir): Promise<LoadedPair[]> {
  const pairs = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const loaded: LoadedPair[] = []
  for (const pair of pairs) {
    const pairDir = path.join(dir, pair)
    const sides = materialise(pairDir)
    try {
      const labels = parseYaml(readFileSync(path.join(pairDir, 'labels.yaml'), 'utf8')) as Label[]
      loaded.push({ pair, labels, before: await loadSide(sides.old, sides.work), after: await loadSide(sides.new, sides.work) })
    } finally {
      rmSync(sides.work, { recursive: true, force: true })
    }
  }
  return loaded
}

function pairChanges({ before, after }: LoadedPair): Change[] {
  return diffVersions(before.frameworks, after.frameworks, { old: before.info, new: after.info }).frameworks.flatMap((framework) => framework.changes)
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)

export function measureQuality(corpus: readonly LoadedPair[]): QualityResult {
  const pairs = corpus.map((loaded) => loaded.pair)
  const labels: LabelResult[] = []
  const unlabelled: QualityResult['unlabelled'] = []
  const falseDirections: QualityResult['falseDirections'] = []
  for (const loaded of corpus) {
    const { pair, labels: pairLabels } = loaded
    const changes = pairChanges(loaded)
    const covered = new Set<Change>()
    for (const label of pairLabels) {
      const touched = changes.filter((change) => touches(label, change))
      for (const change of touched) covered.add(change)
      const reported = strongest(touched)
      const right = reported !== 'none' && [label.impact, ...(label.accept ?? [])].includes(reported)
      labels.push({ pair, label, reported, right, kinds: [...new Set(touched.map((change) => change.kind))].sort() })
      for (const change of touched)
        if ((change.direction === 'raised' || change.direction === 'lowered') && change.direction !== label.direction) falseDirections.push({ pair, unit: unitOf(change), direction: change.direction })
    }
    const groups = new Map<string, Change[]>()
    for (const change of changes) {
      if (covered.has(change)) continue
      groups.set(unitOf(change), [...(groups.get(unitOf(change)) ?? []), change])
      if (change.direction === 'raised' || change.direction === 'lowered') falseDirections.push({ pair, unit: unitOf(change), direction: change.direction })
    }
    for (const [unit, group] of groups) unlabelled.push({ pair, unit, impact: strongest(group) as Impact, kinds: [...new Set(group.map((change) => change.kind))].sort() })
  }
  const perImpact = Object.fromEntries(
    IMPACTS.map((impact) => {
      const labelled = labels.filter((result) => result.label.impact === impact)
      const found = labelled.filter((result) => result.right).length
      const reportedAs = labels.filter((result) => result.reported === impact)
      const correct = reportedAs.filter((result) => result.right).length
      const reported = reportedAs.length + unlabelled.filter((unit) => unit.impact === impact).length
      return [impact, { labelled: labelled.length, found, reported, correct, precision: ratio(correct, reported), recall: ratio(found, labelled.length) }]
    }),
  ) as QualityResult['perImpact']
  const editorial = labels.filter((result) => result.label.impact === 'editorial')
  const asPractice = editorial.filter((result) => result.reported === 'practice').length
  const criteria = labels.filter((result) => result.label.what.startsWith('criterion'))
  const practiceOrReview = criteria.filter((result) => result.reported === 'practice' || result.reported === 'review').length
  const targets = [
    { target: 'practice recall 100%', met: perImpact.practice.recall === 1, value: percent(perImpact.practice.recall) },
    { target: 'practice precision at least 90%', met: perImpact.practice.precision >= 0.9, value: percent(perImpact.practice.precision) },
    { target: 'editorial reported as practice at most 5%', met: ratio(asPractice, editorial.length) <= 0.05, value: percent(ratio(asPractice, editorial.length)) },
    { target: 'every criterion change reported as practice or review', met: practiceOrReview === criteria.length, value: `${practiceOrReview} of ${criteria.length}` },
    { target: 'no false raised or lowered', met: falseDirections.length === 0, value: String(falseDirections.length) },
  ]
  return {
    pairs,
    labels,
    unlabelled,
    falseDirections,
    perImpact,
    editorialAsPractice: { editorial: editorial.length, asPractice, share: ratio(asPractice, editorial.length) },
    criterion: { total: criteria.length, practiceOrReview },
    targets,
  }
}

const require = createRequire(import.meta.url)
const lemmatizer = require('wink-lemmatizer') as { verb: Stem; noun: Stem; adjective: Stem }

/** A word's lemma: as a verb, else as a noun, else as an adjective (the lemmatiser needs a part of speech). */
const lemma: Stem = (word) => {
  for (const form of [lemmatizer.verb, lemmatizer.noun, lemmatizer.adjective]) {
    const base = form(word)
    if (base !== word) return base
  }
  return word
}

/** The stemmers compared; all but wink-porter2-stemmer (the one the diff uses) are dev dependencies. */
const CANDIDATES: ReadonlyArray<{ name: string; stem: Stem }> = [
  { name: 'none (words as written)', stem: (word) => word },
  { name: 'stemmer (Porter)', stem: stemmer },
  { name: 'wink-porter2-stemmer (Porter2)', stem: porter2 },
  { name: 'wink-lemmatizer (verb, noun, adjective)', stem: lemma },
]

/** The measurement once per candidate stemmer, to choose the one scripts/diff/meaning.ts uses. */
export function compareStemmers(corpus: readonly LoadedPair[]): Array<{ name: string; result: QualityResult }> {
  return CANDIDATES.map(({ name, stem }) => ({ name, result: withStemmer(stem, () => measureQuality(corpus)) }))
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

/** Per impact and per target, as two Markdown tables. */
function figureTables(result: QualityResult): string[] {
  return [
    '| Impact | Labelled | Found | Recall | Reported | Correct | Precision |',
    '| - | - | - | - | - | - | - |',
    ...IMPACTS.map((impact) => {
      const row = result.perImpact[impact]
      return `| ${impact} | ${row.labelled} | ${row.found} | ${percent(row.recall)} | ${row.reported} | ${row.correct} | ${percent(row.precision)} |`
    }),
    '',
    '| Target | Measured | Met |',
    '| - | - | - |',
    ...result.targets.map((target) => `| ${target.target} | ${target.value} | ${target.met ? 'yes' : 'no'} |`),
  ]
}

/** Each label with what the diff reported, then the changes no label covers. */
function detailTables(result: QualityResult): string[] {
  return [
    '| Pair | What | Label | Reported | Change kinds |',
    '| - | - | - | - | - |',
    ...result.labels.map(
      (entry) =>
        `| ${entry.pair} | ${entry.label.what} | ${[entry.label.impact, ...(entry.label.accept ?? [])].join(' or ')} | ${entry.right ? entry.reported : `**${entry.reported}**`} | ${entry.kinds.join(', ') || 'none'} |`,
    ),
    '',
    'Changes no label covers:',
    '',
    ...(result.unlabelled.length ? ['| Pair | Unit | Impact | Change kinds |', '| - | - | - | - |', ...result.unlabelled.map((unit) => `| ${unit.pair} | \`${unit.unit}\` | ${unit.impact} | ${unit.kinds.join(', ')} |`)] : ['None.']),
  ]
}

const pairList = (result: QualityResult) => result.pairs.map((pair) => `\`${pair}\``).join(', ')

/** The run as Markdown: docs/diff-quality.md is this, written by `--write`. */
export function qualityMarkdown(result: QualityResult, heldOut: QualityResult, stemmers: Array<{ name: string; result: QualityResult }> = []): string {
  const lines = [
    '<!-- Generated by scripts/bench/diff-quality.ts from test/fixtures/diff-quality and test/fixtures/diff-quality-held-out. Do not edit by hand: run npm run diff:quality -- --write. -->',
    '',
    '# How well the diff agrees with a careful reviewer',
    '',
    `Measured on ${result.pairs.length} version pairs made from the shipped frameworks (${pairList(result)}), ${result.labels.length} changes labelled by hand before the diff ran on them (test/fixtures/diff-quality). A labelled change is found when the strongest impact the diff gives it is its label's impact or one the label also accepts; a change no label covers counts against precision. The matching thresholds were chosen by measuring on these pairs, so the held-out figures below are the fairer estimate.`,
    '',
    ...figureTables(result),
    '',
    '## Held out',
    '',
    `The same measurement on ${heldOut.pairs.length} other version pairs (${pairList(heldOut)}), ${heldOut.labels.length} changes labelled by hand and committed before the diff first ran on them (test/fixtures/diff-quality-held-out). Nothing was tuned on them.`,
    '',
    ...figureTables(heldOut),
    '',
    ...(stemmers.length
      ? [
          '## Stemmers compared',
          '',
          'The same measurement once per candidate (`npm run diff:quality -- --stemmers`); the diff uses wink-porter2-stemmer, which finds the most rewordings that read the same (editorial recall) at no cost elsewhere, ties with wink-lemmatizer, and is smaller (no word list). `natural` was not tried: it depends on database clients (pg, mongoose, redis) and a WordNet copy.',
          '',
          ...stemmerTable(stemmers),
          '',
        ]
      : []),
    '## Each labelled change',
    '',
    ...detailTables(result),
    '',
    '## Each labelled change, held out',
    '',
    ...detailTables(heldOut),
    '',
  ]
  return `${lines.join('\n')}`
}

function stemmerTable(stemmers: ReadonlyArray<{ name: string; result: QualityResult }>): string[] {
  return [
    '| Stemmer | Practice precision | Practice recall | Review precision | Review recall | Editorial precision | Editorial recall | Targets met |',
    '| - | - | - | - | - | - | - | - |',
    ...stemmers.map(({ name, result: r }) => {
      const { practice, review, editorial } = r.perImpact
      return `| ${name} | ${percent(practice.precision)} | ${percent(practice.recall)} | ${percent(review.precision)} | ${percent(review.recall)} | ${percent(editorial.precision)} | ${percent(editorial.recall)} | ${r.targets.filter((target) => target.met).length} of ${r.targets.length} |`
    }),
  ]
}

/** One corpus's figures for the terminal: a title, one line per impact, one per target. */
export function figureLines(title: string, result: QualityResult): string {
  return [
    `${title}: ${result.pairs.length} pairs, ${result.labels.length} labelled changes`,
    ...IMPACTS.map((impact) => {
      const row = result.perImpact[impact]
      return `  ${impact.padEnd(9)}  precision ${percent(row.precision).padStart(6)} (${row.correct}/${row.reported})  recall ${percent(row.recall).padStart(6)} (${row.found}/${row.labelled})`
    }),
    ...result.targets.map((target) => `  ${target.met ? 'met    ' : 'MISSED '} ${target.target}: ${target.value}`),
  ].join('\n')
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  const { values } = parseArgs({ options: { write: { type: 'boolean' }, json: { type: 'boolean' }, stemmers: { type: 'boolean' } } })
  const corpus = await loadCorpus()
  const result = measureQuality(corpus)
  const heldOut = measureQuality(await loadCorpus(heldOutDir))
  if (values.stemmers) console.log(stemmerTable(compareStemmers(corpus)).join('\n'))
  if (values.json) console.log(JSON.stringify({ tuned: result, heldOut }, null, 2))
  else {
    console.log(figureLines('Tuned corpus (test/fixtures/diff-quality; the thresholds were chosen on it)', result))
    console.log('')
    console.log(figureLines('Held out (test/fixtures/diff-quality-held-out; nothing tuned on it)', heldOut))
  }
  if (values.write) writeFileSync(path.join(root, 'docs/diff-quality.md'), qualityMarkdown(result, heldOut, compareStemmers(corpus)))
  if ([...result.targets, ...heldOut.targets].some((target) => !target.met)) process.exitCode = 1
}
