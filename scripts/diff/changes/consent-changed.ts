import { matchOf, textChange, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'consent-changed',
  impact: 'practice',
  label: 'Consent changed',
  description: 'A level’s information-sharing and consent rules, or whether family agreement is needed, changed: what practitioners may share, and when, is different.',
  detect({ levels }) {
    const out: Detected[] = []
    for (const pair of levels.pairs) {
      const subject = { type: 'level' as const, old: titled(pair.old), new: titled(pair.new) }
      const text = textChange(pair.old.consent, pair.new.consent, true)
      if (text) out.push({ subject, match: matchOf(pair), field: 'consent', ...text })
      if (pair.old.familyAgreement !== pair.new.familyAgreement)
        out.push({ subject, match: matchOf(pair), field: 'familyAgreement', old: pair.old.familyAgreement ?? null, new: pair.new.familyAgreement ?? null })
    }
    return out
  },
})
