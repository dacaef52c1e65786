import type { FamilyAgreement, Polarity, Status } from '../model/types.ts'
import { isStated, NOT_STATED } from '../model/not-stated.ts'

/** The model's codes in the words practitioners use. */
export function statusLabel(status: Status): string {
  return { draft: 'draft', consultation: 'out for consultation', approved: 'approved', published: 'published', superseded: 'superseded', withdrawn: 'withdrawn', [NOT_STATED]: 'status not stated' }[status]
}

/** A version, status or date in the “About this framework” details: “Not stated” when the source gives none. */
export function factText<T extends string>(value: T, words?: (value: Exclude<T, typeof NOT_STATED>) => string): string {
  if (!isStated(value)) return 'Not stated'
  return words ? words(value) : value
}

export function familyAgreementText(agreement: FamilyAgreement): string {
  return {
    needed: 'The family’s agreement is needed before you ask for this help.',
    preferred: 'The family’s agreement is preferred, but not needed where a child may be at risk.',
    'not-needed': 'The family’s agreement is not needed.',
    conditional: 'The family’s agreement depends on the circumstances:',
  }[agreement]
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A date as written in the model; a month alone (“2018-09”) as “September 2018”. */
export function dateText(date: string): string {
  if (date === NOT_STATED) return 'not stated'
  const month = /^(\d{4})-(\d{2})$/.exec(date)
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : date
}

export function polarityHeading(polarity: Polarity): string {
  return polarity === 'strength' ? 'Strengths and protective factors' : 'Needs and risks'
}

export function polarityLabel(polarity: Polarity): string {
  return polarity === 'strength' ? 'Strength' : 'Need'
}

/** “baby”, “under-13”, “13-plus” as words. */
export function ageLabel(age: string): string {
  if (age === 'pre-birth' || age === 'unborn') return 'before birth'
  const range = /^(\d+)-(\d+)$/.exec(age)
  if (range) return `${range[1]} to ${range[2]}`
  return age.replace(/-plus$/, ' and over').replace(/-/g, ' ')
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
