import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Framework } from '../../scripts/model/types.ts'
import { renderSite } from '../../scripts/site/index.ts'
import { fixtures, messageLines, modelOf, thresholds } from '../helpers.ts'

/*
 * test/fixtures/every-shape: a fictional framework that uses every shape the model holds. It
 * checks with no error, builds into the package and renders on the website (and, in
 * test/site/browser.test.ts, passes the accessibility checks in a browser).
 */

const dir = path.join(fixtures, 'every-shape')

describe('the every-shape fixture', () => {
  it('checks with no error, and lists each gap the source has as a warning', () => {
    expect(messageLines(dir).map((line) => line.replace(/ \(“.*$/, ''))).toEqual([
      'domains/02-health.md:26:1 warning The list of “Health” at “Level 3b: Intensive family support” is partial in the source document',
      'domains/03-family.md:22:1 warning The list of “Family and environment” at “Level 3b: Intensive family support” is missing from the source document',
      'levels/02-early-help-single.md:17:1 warning The consent text at level “Level 2: Early Help” is missing from the source document',
      'levels/04-early-help-intensive.md:13:1 warning “What to do” at level “Level 3b: Intensive family support” is partial in the source document',
      'levels/05-child-protection.md:9:1 warning Level “Level 4: Child protection” is partial in the source document',
      'sections/01-escalation.md:7:1 warning The section “When professionals disagree” is missing from the source document',
    ])
  })

  it('builds into a package that holds every shape', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-every-shape-'))
    cpSync(dir, path.join(root, 'sources/every-shape'), { recursive: true })
    const result = thresholds(['build'], root)
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/every-shape/framework.json'), 'utf8')) as Framework
    expect(framework.levels.map((level) => [level.label, level.title, level.children.map((child) => child.label)])).toEqual([
      ['Level 1', 'Universal', []],
      ['Level 2', 'Early Help', []],
      ['Level 3', 'Early Help', ['Level 3b']],
      ['Level 4', 'Child protection', []],
    ])
    expect(framework.levels[2]).toMatchObject({ familyAgreement: 'conditional', familyAgreementCondition: 'Not needed if asking the family would put the child at risk of harm' })
    expect(framework.levels[1]?.consentCompleteness).toEqual({ status: 'missing', reason: 'the consent page for this level was never published.' })
    expect(framework.levels[2]?.children[0]).toMatchObject({ whatToDo: '- Ask the family help team for a key worker.', whatToDoCompleteness: { status: 'partial', reason: 'the web version lists only the first step.' } })
    expect(framework.levels[3]?.completeness).toEqual({ status: 'partial', reason: 'the published page stops after its first paragraph.' })
    expect(framework.domains.map((domain) => [domain.id, domain.children.map((child) => child.id)])).toEqual([
      ['child-development', ['health', 'education']],
      ['family', []],
    ])
    // A domain titled differently at one level, kept by level id.
    expect(framework.domains[1]?.titleAtLevel).toEqual({ 'child-protection': 'Keeping the family safe' })
    const health = framework.domains[0]?.children[0]
    expect(health?.cells).toEqual([
      { level: 'early-help-single', text: 'Words the source writes about this list are kept with it.' },
      { level: 'early-help-intensive', completeness: { status: 'partial', reason: 'the web version lists only the first item.' } },
    ])
    expect(framework.indicators.filter((indicator) => indicator.text === 'Poor attachments').map((indicator) => indicator.level)).toEqual(['early-help-single', 'early-help-targeted', 'child-protection'])
    expect(framework.indicators.find((indicator) => indicator.id === 'health-well')).toMatchObject({ text: 'Is mostly well and growing', markdown: 'Is *mostly* well and growing' })
    expect(framework.indicators.filter((indicator) => indicator.markdown).map((indicator) => indicator.id)).toEqual(['health-well'])
    expect(framework.indicators.find((indicator) => indicator.id === 'health-missing-immunisations')?.resources).toBe('- [Westmere health visitors](#health-visitors)\n- Local pharmacy drop-in')
    // A level's own list, under no domain.
    expect(framework.indicators.filter((indicator) => indicator.domain === undefined)).toEqual([{ id: 'early-help-single-routines', level: 'early-help-single', polarity: 'need', text: 'The family asks for help with bedtimes and routines', related: ['family-money'] }])
    // The same concern at other levels, by id.
    expect(framework.indicators.find((indicator) => indicator.id === 'health-poor-attachments-2')?.related).toEqual(['health-poor-attachments-3', 'health-poor-attachments-4'])
    expect(framework.contacts.map((contact) => contact.hours?.text)).toEqual(['Mon-Thu 08:45-17:20; Fri 08:45-16:30', 'Outside office hours', '24 hours, 7 days'])
    expect(framework.contacts[0]).toMatchObject({
      phones: [
        { number: '0121 788 4300', e164: '+441217884300' },
        { number: '0121 605 6060', e164: '+441216056060', use: 'out of hours', hours: { text: 'Outside office hours', outOfHours: true } },
        { number: '0121 496 0000', e164: '+441214960000', use: 'text phone' },
      ],
      email: 'frontdoor@example.org',
      web: 'referral-form',
      address: ['Westmere Council House', '1 Market Square', 'Westmere WM1 1AA'],
    })
    // The package's module gives every number its tel: address.
    const module = readFileSync(path.join(root, 'generated/every-shape/index.js'), 'utf8')
    for (const tel of ['+441217884300', '+441216056060', '+441214960000']) expect(module).toContain(`\\"tel\\":\\"tel:${tel}\\"`)
    expect(framework.sections[0]?.completeness?.status).toBe('missing')
    // The package's render() knows an indicator's Markdown like any other Markdown field.
    const pkg = (await import(pathToFileURL(path.join(root, 'generated/every-shape/index.js')).href)) as { render: (markdown: string) => unknown }
    expect(pkg.render('Is *mostly* well and growing')).toEqual({ markdown: 'Is *mostly* well and growing', html: '<p>Is <em>mostly</em> well and growing</p>', text: 'Is mostly well and growing' })
  })

  it('renders every shape on the website', () => {
    const framework = modelOf(dir)
    const site = renderSite([framework])
    const page = (file: string) => String(site.get(`every-shape/${file}`))
    expect(page('levels/early-help-single.html')).toContain('<h1>Level 2: Early Help</h1>')
    expect(page('levels/early-help-targeted.html')).toContain('<h1>Level 3: Early Help</h1>')
    expect(page('levels/early-help-targeted.html')).toContain('The family’s agreement depends on the circumstances: Not needed if asking the family would put the child at risk of harm')
    expect(page('levels/child-protection.html')).toContain('<strong>The source document’s page is incomplete here: </strong>the published page stops after its first paragraph.')
    expect(page('levels/early-help-targeted.html')).toContain('<h3>What to do</h3><p class="source-gap" role="note"><strong>The source document’s section is incomplete here: </strong>the web version lists only the first step.</p>')
    expect(page('levels/early-help-single.html')).toContain('<p class="source-gap" role="note"><strong>This section is missing from the source document: </strong>the consent page for this level was never published.</p>')
    expect(page('domains/health.html')).toContain('<strong>The source document’s list is incomplete here: </strong>the web version lists only the first item.')
    expect(page('domains/family.html')).toContain('<strong>This list is missing from the source document: </strong>page 12 of the published document was never printed.')
    expect(page('domains/health.html')).toContain('<span class="indicator-text">Is <em>mostly</em> well and growing</span>')
    expect(page('domains/health.html')).toContain('<div class="resources">')
    expect(page('domains/family.html')).toContain('<p class="level-title">At this level the source calls this domain <strong>Keeping the family safe</strong>.</p>')
    expect(page('domains/child-development.html')).toContain('<h2>Parts of this domain</h2><ul><li><a href="health.html">Health</a></li><li><a href="education.html">Education</a></li></ul>')
    expect(page('levels/early-help-single.html')).toContain('<h2>Indicators</h2><ul class="indicators"><li id="early-help-single-routines"><span class="indicator-text">The family asks for help with bedtimes and routines</span><span class="related">Related: <a href="../domains/family.html#family-money">Worries about money (Level 2: Early Help)</a></span></li></ul>')
    // Related indicators link both ways: Level 4 back to Level 2, the family list back to the level's own list.
    expect(page('domains/health.html')).toContain('<li id="health-poor-attachments-4"><span class="indicator-text">Poor attachments</span><span class="related">Related: <a href="#health-poor-attachments-2">Poor attachments (Level 2: Early Help)</a></span></li>')
    expect(page('domains/family.html')).toContain('<span class="related">Related: <a href="../levels/early-help-single.html#early-help-single-routines">The family asks for help with bedtimes and routines (Level 2: Early Help)</a></span>')
    expect(page('contacts.html')).toContain(
      '<dl class="details"><div><dt>Phone</dt><dd><a href="tel:+441217884300">0121 788 4300</a></dd></div><div><dt>Hours</dt><dd>Mon-Thu 08:45-17:20; Fri 08:45-16:30</dd></div><div><dt>Phone (out of hours)</dt><dd><a href="tel:+441216056060">0121 605 6060</a>, Outside office hours</dd></div><div><dt>Phone (text phone)</dt><dd><a href="tel:+441214960000">0121 496 0000</a></dd></div>',
    )
    expect(page('contacts.html')).toContain('<div><dt>Address</dt><dd>Westmere Council House<br>1 Market Square<br>Westmere WM1 1AA</dd></div>')
    expect(page('sections/escalation.html')).toContain('<strong>This page is missing from the source document: </strong>')
  })
})
