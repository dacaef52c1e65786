// A downstream app written in TypeScript (nodenext, strict, exactOptionalPropertyTypes,
// noUncheckedIndexedAccess): it must type-check and run on Node.
import { frameworks, loadFramework, type FrameworkId } from '@thresholds/frameworks'
import { compareLevels, contactsFor, framework, indicatorsFor, levelById, levelOrder, linkById, type LevelId, type Link } from '@thresholds/frameworks/shropshire'
import * as shropshire from '@thresholds/frameworks/shropshire'
import * as solihull from '@thresholds/frameworks/solihull'

const fpoc = contactsFor('child-protection').find((contact) => contact.id === 'fpoc')
console.log(`shropshire fpoc phone: ${fpoc?.phones[0]?.number ?? 'none'}`)
console.log(`shropshire targeted-early-help contacts: ${contactsFor('targeted-early-help').map((c) => c.id).join(', ')}`)
console.log(`shropshire levels: ${levelOrder.join(' < ')}`)
console.log(`shropshire highest level: ${levelById('child-protection').title}`)
console.log(`shropshire i-feel-safe indicators: ${indicatorsFor('i-feel-safe').length}`)
console.log(`shropshire i-feel-safe strengths: ${indicatorsFor('i-feel-safe', 'strength').length}`)
console.log(`shropshire child-in-need above targeted-early-help: ${compareLevels('child-in-need', 'targeted-early-help') > 0}`)
console.log(`solihull early-help indicators in health: ${solihull.indicatorsFor('health', 'early-help').length}`)
console.log(`solihull significant-harm contacts: ${solihull.contactsFor('significant-harm').flatMap((c) => c.phones.map((phone) => phone.number)).join(', ')}`)

// The three questions an app asks: what to do for this indicator and whom to call; every contact
// with a tel: link; which version, and when it is due for review.
const first = solihull.framework.indicators[0]
if (first) {
  const advice = solihull.adviceFor(first.id)
  console.log(`solihull advice level: ${advice.level.id}`)
  console.log(`solihull advice calls: ${advice.contacts.map((contact) => `${contact.name} ${contact.tel ?? '-'}`).join('; ')}`)
  console.log(`solihull advice what to do starts: ${advice.whatToDo?.text.slice(0, 40) ?? '-'}`)
}
console.log(`solihull emergency: ${solihull.emergencyContacts().map((contact) => contact.tel).join(', ')}`)
// Every number of every contact, each with its use and its own hours when it has them.
for (const contact of solihull.framework.contacts)
  for (const phone of contact.phones) console.log(`solihull number: ${contact.name}, ${phone.use ?? 'no use given'}, ${phone.tel}, ${(phone.hours ?? contact.hours)?.text ?? 'hours not stated'}`)
console.log(`shropshire version: ${shropshire.framework.version}, review due: ${shropshire.framework.reviewDue ?? 'not stated'}`)

// Ids from outside (a URL, storage) go through the guards and tolerant lookups.
const fromUrl: string = 'early-help'
if (solihull.isLevelId(fromUrl)) console.log(`guarded level: ${solihull.levelById(fromUrl).title}`)
console.log(`tolerant lookup: ${solihull.findLevel('no-such-level') === undefined}`)

// A link's address exists only once its status says it is known.
const anyLink: Link | undefined = framework.links[0]
if (anyLink) {
  const address: string = anyLink.status === 'ok' ? anyLink.url : `${anyLink.text} (link to follow)`
  console.log(`first link: ${address}`)
  console.log(`link by id: ${linkById(anyLink.id).id === anyLink.id}`)
}
// Matrix columns are levels of the framework.
const column: LevelId | undefined = framework.matrix.columns[0]
console.log(`matrix first column: ${column === undefined ? '-' : levelById(column).title}`)
console.log(`rendered html: ${solihull.render(solihull.levelById('universal').whatToDo)?.html.startsWith('<p>') ?? false}`)

const ids: FrameworkId[] = frameworks.map((summary) => summary.id)
for (const id of ids) {
  const loaded = await loadFramework(id)
  console.log(`loaded ${loaded.framework.id} ${loaded.framework.version} with ${loaded.framework.indicators.length} indicators`)
}
console.log(`framework title: ${framework.title}`)

// Never called: these lines only prove that wrong ids and wrong uses do not compile.
export function wrongIdsDoNotCompile(): void {
  // @ts-expect-error “early-help” is a Solihull level, not a Shropshire one
  levelById('early-help')
  // @ts-expect-error Shropshire places no indicator at a level: there is no level filter
  indicatorsFor('i-feel-safe', 'child-protection')
  // @ts-expect-error not a Shropshire domain
  indicatorsFor('health')
  // @ts-expect-error “fpoc” is a Shropshire contact; Solihull levels are different
  solihull.contactsFor('fpoc')
  // @ts-expect-error misspelt level id
  solihull.indicatorsFor('health', 'early-hepl')
  // @ts-expect-error not a framework of the package
  void loadFramework('nowhere')
  // @ts-expect-error a level id is not any string
  const level: LevelId = 'universal'
  void level
  // @ts-expect-error Shropshire indicators have no level
  const placed: string = framework.indicators[0]!.level
  void placed
  // @ts-expect-error a link's url is there only once its status is “ok”
  const url: string = framework.links[0]!.url
  void url
  // @ts-expect-error the data is read-only
  framework.levels[0]!.title = 'changed'
  // @ts-expect-error the data is read-only, arrays too
  framework.contacts.push(framework.contacts[0]!)
  // @ts-expect-error a matrix column is a level id, not any string
  const notLevel: 'anything' = framework.matrix.columns[0]!
  void notLevel
  // @ts-expect-error a contact's numbers are in phones: there is no single phone field
  void framework.contacts[0]!.phone
  // @ts-expect-error adviceFor is for frameworks that place indicators at levels
  shropshire.adviceFor
}
