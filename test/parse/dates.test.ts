import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../scripts/site/index.ts'
import { frameworkWith, messageLines, modelOf } from '../helpers.ts'

/* A source that gives only a month (“updated September 2018”) is recorded as the month, never with a made-up day. */

function withDates(published: string, reviewDue: string) {
  const { dir } = frameworkWith()
  const file = path.join(dir, 'framework.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('indicatorLayout: by-level', `indicatorLayout: by-level\npublished: ${published}\nreviewDue: ${reviewDue}`))
  return dir
}

describe('dates to the month', () => {
  it('are kept as the month, and shown as the month on the website', () => {
    const dir = withDates('2018-09', '2027-09')
    expect(messageLines(dir)).toEqual([])
    const framework = modelOf(dir)
    expect([framework?.published, framework?.reviewDue]).toEqual(['2018-09', '2027-09'])
    expect(String(renderSite(framework ? [framework] : []).get('minimal/index.html'))).toContain('September 2018')
  })

  it('are compared by month: a review due this month has not passed, one due last month has', () => {
    expect(messageLines(withDates('2018-09', '2026-06'), ['review-date-passed'])).toEqual([])
    expect(messageLines(withDates('2018-09', '2026-05'), ['review-date-passed'])).toEqual([
      'framework.md:9:12 warning The review date 2026-05 has passed (today is 2026-06-30), expected the framework to be reviewed and “reviewDue” moved on [review-date-passed]',
    ])
    expect(messageLines(withDates('2018-09', '2018-09-15'), ['review-due-after-published'])).toEqual([])
    expect(messageLines(withDates('2018-09', '2018-08-31'), ['review-due-after-published'])).toHaveLength(1)
  })

  it('refuses a month that does not exist', () => {
    expect(messageLines(withDates('2018-13', '2027-09'), [])).toEqual(['framework.md:8:12 error “published” is “2018-13”, expected a date written YYYY-MM-DD, such as “2026-04-01”, or YYYY-MM when the source gives only the month, or “not stated” when it gives no date [frontmatter-schema]'])
  })
})
