import { defineRule } from '../define-rule.ts'
import { settingPlace } from '../settings.ts'

/** A review due before publication is a typo in one of the two dates. */
export default defineRule({
  id: 'review-due-after-published',
  severity: 'error',
  description: 'The review date (`reviewDue`) comes after the publication date (`published`).',
  check({ framework, parsed, report }) {
    if (!framework.published || !framework.reviewDue || framework.reviewDue > framework.published) return
    report(settingPlace(parsed, 'reviewDue') ?? framework, `The review date ${framework.reviewDue} is not after the publication date ${framework.published}, expected “reviewDue” later than “published”`)
  },
})
