// A downstream app written in TypeScript: it must type-check under --strict and run on Node.
import { frameworks, loadFramework, type FrameworkId } from '@thresholds/frameworks'
import { compareLevels, contactsFor, framework, indicatorsFor, levelById, levelOrder, type LevelId } from '@thresholds/frameworks/shropshire'
import * as solihull from '@thresholds/frameworks/solihull'

const fpoc = contactsFor('child-protection').find((contact) => contact.id === 'fpoc')
console.log(`shropshire fpoc phone: ${fpoc?.phone ?? 'none'}`)
console.log(`shropshire targeted-early-help contacts: ${contactsFor('targeted-early-help').map((c) => c.id).join(', ')}`)
console.log(`shropshire levels: ${levelOrder.join(' < ')}`)
console.log(`shropshire highest level: ${levelById('child-protection').title}`)
console.log(`shropshire i-feel-safe indicators: ${indicatorsFor('i-feel-safe').length}`)
console.log(`shropshire child-in-need above targeted-early-help: ${compareLevels('child-in-need', 'targeted-early-help') > 0}`)
console.log(`solihull early-help indicators in health: ${solihull.indicatorsFor('health', 'early-help').length}`)
console.log(`solihull significant-harm contacts: ${solihull.contactsFor('significant-harm').map((c) => c.phone).join(', ')}`)

const ids: FrameworkId[] = frameworks.map((summary) => summary.id)
for (const id of ids) {
  const loaded = await loadFramework(id)
  console.log(`loaded ${loaded.framework.id} ${loaded.framework.version} with ${loaded.framework.indicators.length} indicators`)
}
console.log(`framework title: ${framework.title}`)

// Never called: these lines only prove that wrong ids do not compile.
export function wrongIdsDoNotCompile(): void {
  // @ts-expect-error “early-help” is a Solihull level, not a Shropshire one
  levelById('early-help')
  // @ts-expect-error misspelt level id
  indicatorsFor('i-feel-safe', 'child-protecton')
  // @ts-expect-error not a Shropshire domain
  indicatorsFor('health')
  // @ts-expect-error “fpoc” is a Shropshire contact; Solihull levels are different
  solihull.contactsFor('fpoc')
  // @ts-expect-error not a framework of the package
  void loadFramework('nowhere')
  // @ts-expect-error a level id is not any string
  const level: LevelId = 'universal'
  void level
}
