// A downstream app in plain JavaScript (no TypeScript, no bundler): Node ESM only.
import { frameworks } from '@thresholds/frameworks'
import { contactById, indicatorsFor, levelOrder } from '@thresholds/frameworks/shropshire'
import * as solihull from '@thresholds/frameworks/solihull'
import schema from '@thresholds/frameworks/framework.schema.json' with { type: 'json' }

console.log(`plain fpoc phone: ${contactById('fpoc').phones[0].number}`)
console.log(`plain frameworks: ${frameworks.map((f) => f.id).join(', ')}`)
console.log(`plain lowest level: ${levelOrder[0]}`)
console.log(`plain schema id: ${schema.$id}`)
// Unknown ids fail the same way in every lookup, never with a silent empty answer.
for (const call of [() => contactById('nobody'), () => indicatorsFor('nowhere'), () => indicatorsFor('i-feel-safe', 'child-protection'), () => solihull.indicatorsFor('health', 'nowhere'), () => solihull.adviceFor('nowhere')]) {
  try {
    call()
    console.log('plain unknown id: no error')
  } catch (error) {
    console.log(`plain unknown id: ${error.name}: ${error.message}`)
  }
}
try {
  solihull.framework.levels[0].title = 'changed'
} catch (error) {
  console.log(`plain frozen: ${error.name}`)
}
