import { editorialIfSame, editorialIfSameMarkdown, matchOf, textChange, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'consent-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Consent changed',
  covers: ['levels[].consent', 'levels[].familyAgreement', 'levels[].familyAgreementCondition'],
  description: 'A level’s information-sharing and consent rules, whether family agreement is needed, or the condition on it, changed: what practitioners may share, and when, is different. Editorial when the text only changed spelling, punctuation, case, spacing, “&” for “and” or word order, and its links go to the same places.',
  detect(context) {
    const { levels } = context
    const out: Detected[] = []
    for (const pair of levels.pairs) {
      const subject = { type: 'level' as const, old: titled(pair.old), new: titled(pair.new) }
      const text = textChange(pair.old.consent, pair.new.consent, true)
      if (text) out.push({ subject, match: matchOf(pair), field: 'consent', ...text, ...editorialIfSameMarkdown(context, pair.old.consent, pair.new.consent) })
      const condition = textChange(pair.old.familyAgreementCondition, pair.new.familyAgreementCondition)
      if (condition) out.push({ subject, match: matchOf(pair), field: 'familyAgreementCondition', ...condition, ...editorialIfSame(pair.old.familyAgreementCondition, pair.new.familyAgreementCondition) })
      if (pair.old.familyAgreement !== pair.new.familyAgreement)
        out.push({ subject, match: matchOf(pair), field: 'familyAgreement', old: pair.old.familyAgreement ?? null, new: pair.new.familyAgreement ?? null })
    }
    return out
  },
})
