import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffVersions } from '../../scripts/diff/index.ts'
import { loadSide } from '../../scripts/diff/inputs.ts'
import { plainChangeLine } from '../../scripts/diff/report/line.ts'
import { diffReportValidator } from '../../scripts/diff/schema.ts'
import type { DiffReport } from '../../scripts/diff/types.ts'
import { fixtures, parser, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/**
 * The realistic next versions in test/fixtures/diff (see the README in each folder for the
 * edits made): every change is asserted as (kind, impact, subject, details), in the report's order.
 */
const solihull = path.join(fixtures, 'diff/solihull-next')
const shropshire = path.join(fixtures, 'diff/shropshire-next')

async function compare(folder: string): Promise<DiffReport> {
  const before = await loadSide(path.join(folder, 'old'), repoRoot, { parser })
  const after = await loadSide(path.join(folder, 'new'), repoRoot, { parser })
  return diffVersions(before.frameworks, after.frameworks, { old: before.info, new: after.info })
}

const solihullChanges = [
    "consent-changed (practice) level early-help consent: -\"provision,\" +\"provision until the plan ends,\" +\"Record the consent on the Early Help Assessment.\"",
    "consent-changed (practice) level early-help familyAgreement: none → \"needed\"",
    "contact-added (practice) contact emergency-services",
    "contact-details-changed (practice) contact childrens-services-advice useFor: \"advice when someone is not sure of the level of need\" → \"advice when someone is not sure of the level of need, and Early Help Assessments\"",
    "contact-hours-changed (practice) contact childrens-services-advice hours: \"Mon-Thu 08:45-17:20; Fri 08:45-16:30\" → \"Mon-Fri 08:30-17:00\"",
    "contact-number-changed (practice) contact out-of-hours-emergency phone: \"0121 605 6060\" → \"0121 496 0606\"",
    "contact-removed (practice) contact adults-with-care-and-support-needs",
    "contact-renamed (editorial) contact childrens-services-advice: \"Children's Services\" → \"Children's Services advice line\"",
    "domain-added (editorial) domain online-safety",
    "domain-removed (editorial) domain identity-and-self-esteem",
    "domain-renamed (editorial) domain social-and-community-integration: \"Social & Community Integration\" → \"Social and Community Integration\"",
    "domain-reordered (editorial) domain basic-care: {\"position\":5,\"parent\":null} → {\"position\":2,\"parent\":null}",
    "indicator-added (practice) indicator emotional-behavioural-development-not-improved-by-single-agency-support",
    "indicator-added (practice) indicator health-mental-health-difficulties-needing-more-than-one-service",
    "indicator-added (practice) indicator health-no-dental-check-up-for-more-than-a-year",
    "indicator-added (practice) indicator online-safety-long-periods-online-without-supervision",
    "indicator-added (practice) indicator online-safety-shared-or-asked-to-share-intimate-images",
    "indicator-age-changed (practice) indicator health-parents-carers-to-be-accessing-appropriate-antenatal-care age: none → \"unborn\"",
    "indicator-id-changed (editorial) indicator basic-care-provide-age-appropriate-developmental-care → basic-care-age-appropriate-developmental-care: \"basic-care-provide-age-appropriate-developmental-care\" → \"basic-care-age-appropriate-developmental-care\" {by text}",
    "indicator-id-changed (editorial) indicator health-mental-health-issues-emerging-e-g-anxiety-depression → health-emerging-mental-health-issues: \"health-mental-health-issues-emerging-e-g-anxiety-depression\" → \"health-emerging-mental-health-issues\" {by similarity 1}",
    "indicator-moved-domain (editorial) indicator health-vulnerable-to-emotional-difficulties-perhaps-in-response-to: health \"Health\" → emotional-behavioural-development \"Emotional/ Behavioural development\"",
    "indicator-moved-domain (editorial) indicator identity-and-self-esteem-child-young-person-experiences-persistent-bully: identity-and-self-esteem \"Identity & self esteem\" → emotional-behavioural-development \"Emotional/ Behavioural development\"",
    "indicator-moved-domain (editorial) indicator identity-and-self-esteem-is-confident-and-can-express-own-identity-sexua: identity-and-self-esteem \"Identity & self esteem\" → emotional-behavioural-development \"Emotional/ Behavioural development\"",
    "indicator-moved-domain (editorial) indicator identity-and-self-esteem-parents-are-unsupportive-towards-childs-identit: identity-and-self-esteem \"Identity & self esteem\" → emotional-behavioural-development \"Emotional/ Behavioural development\"",
    "indicator-moved-domain (editorial) indicator identity-and-self-esteem-positive-sense-of-self-and-abilities: identity-and-self-esteem \"Identity & self esteem\" → emotional-behavioural-development \"Emotional/ Behavioural development\"",
    "indicator-moved-domain (editorial) indicator identity-and-self-esteem-severe-disability-child-young-person-relies-tot: identity-and-self-esteem \"Identity & self esteem\" → emotional-behavioural-development \"Emotional/ Behavioural development\"",
    "indicator-moved-level (practice) indicator health-conception-aged-under-16-for-all-genders: child-in-need \"Child in need\" → early-help \"Early Help\" [lowered]",
    "indicator-moved-level (practice) indicator health-mental-health-issues-emerging-e-g-anxiety-depression → health-emerging-mental-health-issues: early-help \"Early Help\" → child-in-need \"Child in need\" [raised] {by similarity 1}",
    "indicator-moved-level (practice) indicator health-experimenting-with-alcohol-or-illegal-substances: early-help \"Early Help\" → child-in-need \"Child in need\" [raised]",
    "indicator-polarity-changed (practice) indicator health-children-with-physical-neuro-development-disorders-and-or: \"strength\" → \"need\"",
    "indicator-removed (practice) indicator health-frequent-accidents",
    "indicator-reworded (editorial) indicator health-mental-health-issues-emerging-e-g-anxiety-depression → health-emerging-mental-health-issues: -\"anxiety; depression;\" +\"anxiety, depression,\" -\"disorder;\" +\"disorder or\" {by similarity 1}",
    "indicator-reworded (review) indicator health-missing-immunisations-checks: -\"immunisations/checks\" +\"immunisations or developmental checks\"",
    "indicator-tags-changed (editorial) indicator health-dental-difficulties-untreated-dental-decay-as-result-of tags: [] → [\"dental\"]",
    "level-added (practice) level targeted-early-help",
    "level-contacts-changed (practice) level significant-harm: [\"childrens-services-advice\", \"out-of-hours-emergency\"] → [\"childrens-services-advice\", \"emergency-services\", \"out-of-hours-emergency\"]",
    "level-removed (practice) level statutory-services",
    "level-renamed (editorial) level universal-plus title: \"Universal plus\" → \"Universal Plus\"",
    "level-reordered (practice) level child-in-need: {\"position\":4,\"parent\":\"statutory-services\"} → {\"position\":4,\"parent\":null}",
    "level-reordered (practice) level significant-harm: {\"position\":5,\"parent\":\"statutory-services\"} → {\"position\":5,\"parent\":null}",
    "link-added (editorial) link early-help-assessment: \"https://example.org/solihull/early-help-assessment\"",
    "link-removed (editorial) link protecting-adults-with-care-and-support-needs: none",
    "link-renamed (editorial) link making-a-referral-guide: \"Guide for making a referral\" → \"How to make a referral\"",
    "link-retargeted (practice) link referral-form: none → \"https://example.org/solihull/referral-form\"",
    "metadata-changed (editorial) framework solihull changeNote: none → \"Statutory Services split into Child in need and Significant harm; Working Together 2023\"",
    "metadata-changed (editorial) framework solihull guidance: {\"title\":\"Working Together to Safeguard Children\",\"edition\":2018} → {\"title\":\"Working Together to Safeguard Children\",\"edition\":2023}",
    "metadata-changed (editorial) framework solihull published: none → \"2026-04-01\"",
    "metadata-changed (editorial) framework solihull reviewDue: none → \"2027-04-01\"",
    "metadata-changed (editorial) framework solihull version: \"1.0\" → \"1.1\"",
    "narrative-changed (editorial) level universal description: -\"Children\" +\"children\" -\"G.P.'s,\" +\"GPs,\"",
    "narrative-changed (review) section introduction body: -\"the\" +\"this\" -\"in 12 months\" +\"by April 2027\"",
    "narrative-changed (practice) section response-to-need body: -\"2018\" +\"2023\" -\"Thursday 8.45am-5.20pm,\" -\"8.45am- 4.30pm.\" +\"8.30am-5pm).\" -\"605 6060.\\nProtecting Adults with Care & Support Needs; If you have concerns about someone over 18 who needs community care services, or who finds it difficult to take care of themselves or protect themselves against harm or exploitation you can call 0121 704 8007 for advice (0121 605 6060 out of office hours)\" +\"496 0606.\"",
    "section-added (editorial) section whats-changed",
    "section-removed (editorial) section scaling-question",
    "what-to-do-changed (practice) level early-help whatToDo: -\"carers\" +\"carers.\\nThe lead practitioner completes an Early Help Assessment with the family within 20 working days\"",
]

const shropshireChanges = [
    "contact-hours-changed (practice) contact fpoc hours: none → \"Mon-Fri 08:45-17:00\"",
    "indicator-polarity-changed (practice) indicator i-am-supported-i-need-reassurance-or-help-understanding-family-stress: \"need\" → \"strength\"",
    "indicator-reworded (review) indicator i-am-supported-i-need-reassurance-or-help-understanding-family-stress: -\"need\" +\"get\" -\"or\" +\"and\"",
    "matrix-cell-changed (practice) matrix-cell engagement:child-in-need: none → \"Not engaging with a plan\"",
    "matrix-cell-changed (practice) matrix-cell engagement:child-protection: none → \"Refusing or avoiding support\"",
    "matrix-cell-changed (practice) matrix-cell engagement:getting-everyday-advice-and-support: none → \"Engaging well\"",
    "matrix-cell-changed (practice) matrix-cell engagement:getting-extra-help: none → \"Engaging, with some gaps\"",
    "matrix-cell-changed (practice) matrix-cell engagement:targeted-early-help: none → \"Engagement is inconsistent\"",
    "matrix-cell-changed (practice) matrix-cell frequency:getting-extra-help: +\"or recurring\"",
    "matrix-rule-changed (practice) matrix matrix rule: -\"four\" +\"five\"",
    "metadata-changed (editorial) framework shropshire changeNote: none → \"Decision-making matrix adds family engagement\"",
    "metadata-changed (editorial) framework shropshire version: \"1.0\" → \"2.0\"",
    "narrative-changed (review) matrix matrix notes: -\"curious,\" +\"curious about how the family engages with support,\"",
]

const solihullReport = await compare(solihull)

describe('the next version of Solihull', () => {
  const report = solihullReport
  const [framework] = report.frameworks

  it('is classified change by change', () => {
    expect(report.frameworks.map((f) => f.id)).toEqual(['solihull'])
    expect(framework?.changes.map(plainChangeLine)).toEqual(solihullChanges)
  })

  it('counts practice, review and editorial changes, raised and lowered thresholds', () => {
    // 55 changes found: the indicator moved, reworded and renumbered is three of them and one real change.
    expect(framework?.summary).toMatchObject({ changes: 53, findings: 55, practice: 26, review: 2, editorial: 25, raised: 2, lowered: 1 })
    expect(framework?.entries.filter((entry) => entry.kinds.length > 1).map((entry) => [entry.impact, entry.subject.old?.id, entry.subject.new?.id, entry.kinds])).toEqual([
      ['practice', 'health-mental-health-issues-emerging-e-g-anxiety-depression', 'health-emerging-mental-health-issues', ['indicator-id-changed', 'indicator-moved-level', 'indicator-reworded']],
    ])
  })

  it('recognises the reworded indicator that moved level and changed id, by similarity', () => {
    const moved = framework?.changes.filter((change) => change.subject.new?.id === 'health-emerging-mental-health-issues')
    expect(moved?.map((change) => change.kind)).toEqual(['indicator-id-changed', 'indicator-moved-level', 'indicator-reworded'])
    expect(moved?.every((change) => change.match?.by === 'similarity' && change.match.score === 1)).toBe(true)
    expect(framework?.matching.indicators?.other).toEqual([
      { old: 'basic-care-provide-age-appropriate-developmental-care', new: 'basic-care-age-appropriate-developmental-care', by: 'text' },
      { old: 'health-mental-health-issues-emerging-e-g-anxiety-depression', new: 'health-emerging-mental-health-issues', by: 'similarity', score: 1 },
    ])
  })

  it('suggests the next major version, since practice changed', () => {
    expect(framework?.suggestedVersion).toEqual({ version: '2.0', because: 'practice' })
  })

  it('flags practice changes without a major version', () => {
    expect(framework?.flags).toEqual([
      { id: 'version-not-raised', message: '26 changes affect practice but the version only went from 1.0 to 1.1: a change in practice needs a new major version (2.0)' },
    ])
  })

  it('follows schema/diff.schema.json', () => {
    const validate = diffReportValidator()
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true)
  })
})

describe('the next version of Shropshire', () => {
  it('is classified change by change, with matrix cells, and no version flag after a major version', async () => {
    const [framework] = (await compare(shropshire)).frameworks
    expect(framework?.changes.map(plainChangeLine)).toEqual(shropshireChanges)
    expect(framework?.flags).toEqual([])
  })
})

describe('thresholds diff on the two folders', () => {
  it('prints the same classification as JSON', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bin/thresholds.js'), 'diff', 'test/fixtures/diff/solihull-next/old', 'test/fixtures/diff/solihull-next/new', '--format', 'json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: HANG_MS,
    })
    expect(result.stderr).toBe('53 changes (26 practice, 2 review, 25 editorial), 1 version warning.\n')
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as DiffReport
    expect(report.frameworks[0]?.changes.map(plainChangeLine)).toEqual(solihullChanges)
  })
})
