/**
 * `npm run diff:stemmers`: the diff quality measurement (scripts/bench/diff-quality.ts) once per
 * candidate stemmer or lemmatiser, to choose the one scripts/diff/meaning.ts uses. The candidates
 * other than the chosen one (wink-porter2-stemmer) are dev dependencies, used only here.
 */
import { createRequire } from 'node:module'
import { stemmer } from 'stemmer'
import porter2 from 'wink-porter2-stemmer'
import { withStemmer, type Stem } from '../diff/meaning.ts'
import { measureQuality, type QualityResult } from './diff-quality.ts'

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

export const CANDIDATES: ReadonlyArray<{ name: string; stem: Stem }> = [
  { name: 'none (words as written)', stem: (word) => word },
  { name: 'stemmer (Porter)', stem: stemmer },
  { name: 'wink-porter2-stemmer (Porter2)', stem: porter2 },
  { name: 'wink-lemmatizer (verb, noun, adjective)', stem: lemma },
]

export function compareStemmers(): Array<{ name: string; result: QualityResult }> {
  return CANDIDATES.map(({ name, stem }) => ({ name, result: withStemmer(stem, () => measureQuality()) }))
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`
  console.log('| Stemmer | Practice precision | Practice recall | Review precision | Review recall | Editorial precision | Editorial recall | Targets met |')
  console.log('| - | - | - | - | - | - | - | - |')
  for (const { name, result } of compareStemmers()) {
    const { practice, review, editorial } = result.perImpact
    const met = result.targets.filter((target) => target.met).length
    console.log(`| ${name} | ${percent(practice.precision)} | ${percent(practice.recall)} | ${percent(review.precision)} | ${percent(review.recall)} | ${percent(editorial.precision)} | ${percent(editorial.recall)} | ${met} of ${result.targets.length} |`)
  }
}
