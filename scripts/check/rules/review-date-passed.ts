import { defineRule } from '../define-rule.ts'
import { settingPlace } from '../../parse/context.ts'
import { isStated } from '../../model/not-stated.ts'

/** A framework past its promised review may no longer match local services or statute. */
export default defineRule({
  id: 'review-date-passed',
  severity: 'warning',
  description: 'The review date (`reviewDue`) is not in the past (a review date `not stated` is not checked).',
  messages: {
    passed: 'The review date {{reviewDue}} has passed (today is {{today}}), expected the framework to be reviewed and “reviewDue” moved on',
  },
  check({ framework, parsed, today, report }) {
    // A month (“2026-09”) has passed only once the whole month has.
    if (!isStated(framework.reviewDue) || framework.reviewDue >= today.slice(0, framework.reviewDue.length)) return
    report(settingPlace(parsed, 'reviewDue') ?? framework, 'passed', { reviewDue: framework.reviewDue, today })
  },
})
