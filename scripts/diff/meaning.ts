/**
 * Words as a reviewer reads them, for telling rewording from a changed criterion. Case, quotes,
 * punctuation, spacing, “&” for “and”, -ize for -ise and contractions do not count; nor do stop
 * words or the person of the sentence (“I am”, “the child is”, “my”, “their”); the rest are
 * stemmed, so “families” and “family”, “persistence” and “persistent” are one word.
 * The stemmer (Porter2, npm `wink-porter2-stemmer`) was chosen by measurement on the labelled
 * corpus: see docs/diff-quality.md (`npm run diff:stemmers`).
 */
import porter2 from 'wink-porter2-stemmer'

/** Reduces a word to its stem; swappable only so the stemmers can be compared on the corpus. */
export type Stem = (word: string) => string

let stem: Stem = porter2
/** Stems already found: the same few thousand words recur across a framework's indicators. */
let stems = new Map<string, string>()

/** Runs `run` with another stemmer (the comparison in scripts/bench/diff-quality.ts), then restores it. */
export function withStemmer<T>(other: Stem, run: () => T): T {
  const saved = [stem, stems] as const
  stem = other
  stems = new Map()
  try {
    return run()
  } finally {
    ;[stem, stems] = saved
  }
}

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'m\b/g, '$1 am'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\b(\w+)'s\b/g, '$1'],
]

/**
 * Stop words and the words that only say whose need it is. Negations (“not”, “no”, “never”) and
 * quantities (“some”, “all”, “under”) stay: they change what an indicator means.
 */
const SET_ASIDE = new Set(
  (
    'a an the and or but of to in on at for with by from as into about than then so if that this these those there which who whom whose ' +
    'i me my mine myself we us our ours ourselves you your yours yourself he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves themself one ones ' +
    'am is are was were be been being has have had having do does did doing would should will shall may might must can could ' +
    'child children childs young person people persons baby re eg e g ie etc also'
  ).split(' '),
)

/**
 * The text with everything a reader would not call a change taken out: case, accents, quotes and
 * apostrophes, “&” (read as “and”), -ize spellings (read as -ise), contractions, punctuation and
 * spacing. Two texts that differ only in those read the same.
 */
export function normaliseText(text: string): string {
  let out = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/&/g, ' and ')
  if (out.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement)
  return out
    .replace(/([a-z])iz(e|es|ed|ing|ation|ations|er|ers)\b/g, '$1is$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Letters and digits only: “co-ordinate” and “coordinate”, “fixed-term” and “fixed term” read the same. */
export function letters(text: string): string {
  return normaliseText(text).replace(/ /g, '')
}

/** The words that carry an indicator's meaning, stemmed, in order. */
export function contentWords(text: string): string[] {
  return normaliseText(text)
    .split(' ')
    .filter((word) => word !== '' && !SET_ASIDE.has(word))
    .map((word) => {
      let found = stems.get(word)
      if (found === undefined) {
        found = stem(word)
        stems.set(word, found)
      }
      return found
    })
}

/** Word counts, for similarity. */
export function bagOf(words: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>()
  for (const word of words) bag.set(word, (bag.get(word) ?? 0) + 1)
  return bag
}

/**
 * Whether two texts say the same thing in other words only: the same letters once spelling,
 * punctuation and spacing are set aside, or the same content words in any order and person
 * (“Parents struggling to have their own emotional needs met” and “My parents struggle to have
 * their own emotional needs met”).
 */
export function sameMeaning(a: string, b: string): boolean {
  if (letters(a) === letters(b)) return true
  const x = contentWords(a).sort()
  const y = contentWords(b).sort()
  return x.length > 0 && x.length === y.length && x.every((word, index) => word === y[index])
}

/** The phone numbers a text shows (digits only, sorted): six digits or more, spaces allowed between them. */
function phoneNumbers(text: string): string[] {
  return (text.match(/\+?\d[\d ]{4,}\d/g) ?? []).map((number) => number.replace(/\D/g, '')).filter((digits) => digits.length >= 6).sort()
}

/** Whether two texts (either may be missing) show the same phone numbers. */
export function samePhoneNumbers(a: string | undefined, b: string | undefined): boolean {
  return phoneNumbers(a ?? '').join(' ') === phoneNumbers(b ?? '').join(' ')
}
