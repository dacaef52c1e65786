// A CommonJS app in TypeScript: this package has no "type": "module", so tsc turns these imports
// into require() calls, which must find the package's CommonJS build at run time.
import { frameworks, loadFramework } from '@thresholds/frameworks'
import { adviceFor, emergencyContacts, framework, isIndicatorId } from '@thresholds/frameworks/solihull'

const wanted: string = framework.indicators[0]?.id ?? ''
if (isIndicatorId(wanted)) {
  const advice = adviceFor(wanted)
  console.log(`cjs advice: ${advice.level.title}: ${advice.contacts.map((contact) => contact.tel ?? contact.name).join(', ')}`)
  console.log(`cjs what to do starts: ${advice.whatToDo?.text.slice(0, 40) ?? '-'}`)
}
console.log(`cjs emergency: ${emergencyContacts().map((contact) => contact.tel).join(', ')}`)
for (const contact of framework.contacts) for (const phone of contact.phones) console.log(`cjs number: ${contact.name}, ${phone.tel}`)
console.log(`cjs version: ${framework.version}, review due: ${framework.reviewDue ?? 'not stated'}`)
console.log(`cjs frameworks: ${frameworks.map((summary) => `${summary.id} ${summary.version}`).join(', ')}`)
void loadFramework('shropshire').then((loaded) => console.log(`cjs loaded: ${loaded.framework.id} ${loaded.levelOrder.length} levels`))

export function wrongIdsDoNotCompile(): void {
  // @ts-expect-error not an indicator of Solihull
  adviceFor('no-such-indicator')
}
