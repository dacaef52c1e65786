import { defineRule } from '../define-rule.ts'
import { settingPlace } from '../../parse/context.ts'
import { isStated } from '../../model/not-stated.ts'

/** A review due before publication is a typo in one of the two dates. */
export default defineRule({
  id: 'review-due-after-published',
  severity: 'error',
  description: 'The review date (`reviewDue`) comes after the publication date (`published`); not checked when either is `not stated`.',
  messages: {
    notAfter: 'The review date {{reviewDue}} is not after the publication date {{published}}, expected “reviewDue” later than “published”',
  },
  check({ framework, parsed, report }) {
    if (!isStated(framework.published) || !isStated(framework.reviewDue)) return
    // Where one date is only a month, compare months: a review in the month of publication is not “before” it.
    const length = Math.min(framework.published.length, framework.reviewDue.length)
    const [published, due] = [framework.published.slice(0, length), framework.reviewDue.slice(0, length)]
    if (due > published || (length === 7 && due === published && framework.published !== framework.reviewDue)) return
    report(settingPlace(parsed, 'reviewDue') ?? framework, 'notAfter', { reviewDue: framework.reviewDue, published: framework.published })
  },
})
