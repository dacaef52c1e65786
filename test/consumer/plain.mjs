// A downstream app in plain JavaScript (no TypeScript, no bundler): Node ESM only.
import { frameworks } from '@thresholds/frameworks'
import { contactById, levelOrder } from '@thresholds/frameworks/shropshire'
import schema from '@thresholds/frameworks/framework.schema.json' with { type: 'json' }

console.log(`plain fpoc phone: ${contactById('fpoc').phone}`)
console.log(`plain frameworks: ${frameworks.map((f) => f.id).join(', ')}`)
console.log(`plain lowest level: ${levelOrder[0]}`)
console.log(`plain schema id: ${schema.$id}`)
try {
  contactById('nobody')
} catch (error) {
  console.log(`plain unknown id: ${error.name}`)
}
