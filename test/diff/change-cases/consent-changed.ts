import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const CONSENT = '## Information sharing and consent\n\n'
const early = (from: string, to: string) => ({ 'levels/01-early-help.md': swap(from, to) })
const withConsent = (text: string) => early('## Contacts', `${CONSENT}${text}\n\n## Contacts`)

export default changeTable({
  kind: 'consent-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same consent text' },
    { name: 'the same consent text in both versions', old: withConsent('Share with consent.'), new: withConsent('Share with consent.') },
    { name: 'the level’s description reworded', new: early('Support as soon as a problem emerges.', 'Support as soon as a need emerges.') },
  ],
  changed: [
    { name: 'the fixture pair: consent text and family agreement added', ...fixturePair('consent-changed'), changes: [
        { subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'consent', old: "Share information with the family's consent.", new: "Share information with the family's consent, unless that would put the child at risk of significant harm." },
        { subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'familyAgreement', old: null, new: 'needed' },
      ] },
    { name: 'the consent text reworded', old: withConsent('Share with consent.'), new: withConsent('Share without consent when a child is at risk.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'consent', old: 'Share with consent.', new: 'Share without consent when a child is at risk.' }] },
    { name: 'only punctuation and case changed, which is editorial', old: withConsent('Share with consent.'), new: withConsent('Share with Consent'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'consent', old: 'Share with consent.', new: 'Share with Consent', impact: 'editorial' }] },
    { name: 'the consent text removed', old: withConsent('Share with consent.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'consent', old: 'Share with consent.', new: null }] },
    { name: 'family agreement changed from needed to not needed', old: early('rank: 1', 'rank: 1\nfamilyAgreement: needed'), new: early('rank: 1', 'rank: 1\nfamilyAgreement: not-needed'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'familyAgreement', old: 'needed', new: 'not-needed' }] },
    {
      name: 'the condition on family agreement reworded',
      old: early('rank: 1', 'rank: 1\nfamilyAgreement: conditional\nfamilyAgreementCondition: Not needed if the child is at immediate risk of harm'),
      new: early('rank: 1', 'rank: 1\nfamilyAgreement: conditional\nfamilyAgreementCondition: Not needed if the child is at risk of harm'),
      changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'familyAgreementCondition', old: 'Not needed if the child is at immediate risk of harm', new: 'Not needed if the child is at risk of harm' }],
    },
    {
      name: 'the consent text’s link now goes to another contact, though its words read the same',
      old: withConsent('Ask [the duty team](#front-door) before sharing.'),
      new: withConsent('Ask [the duty team](#emergency) before sharing'),
      changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'consent', old: 'Ask [the duty team](#front-door) before sharing.', new: 'Ask [the duty team](#emergency) before sharing' }],
    },
    {
      name: 'the report marks the words that changed, not the link’s Markdown',
      old: withConsent('Ask [the duty team](#front-door) before sharing.'),
      new: withConsent('Ask [the duty desk](#front-door) before sharing.'),
      changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'consent', old: 'Ask [the duty team](#front-door) before sharing.', new: 'Ask [the duty desk](#front-door) before sharing.', words: [{ op: 'equal', text: 'Ask the duty ' }, { op: 'delete', text: 'team ' }, { op: 'insert', text: 'desk ' }, { op: 'equal', text: 'before sharing.' }] }],
    },
  ],
})
