// A CommonJS app in plain JavaScript: require() only.
const { adviceFor, emergencyContacts, framework, findLevel, indicatorsFor } = require('@thresholds/frameworks/solihull')
const { frameworks } = require('@thresholds/frameworks')

const advice = adviceFor(framework.indicators[0].id)
console.log(`plain cjs advice: ${advice.level.id} ${advice.contacts.map((contact) => contact.tel).join(' ')}`)
console.log(`plain cjs what to do starts: ${advice.whatToDo ? advice.whatToDo.text.slice(0, 40) : '-'}`)
for (const contact of framework.contacts) for (const phone of contact.phones) console.log(`plain cjs number: ${contact.name}, ${phone.tel}`)
console.log(`plain cjs version: ${framework.version}, review due: ${framework.reviewDue || 'not stated'}`)
console.log(`plain cjs emergency: ${emergencyContacts().map((contact) => contact.tel).join(', ')}`)
console.log(`plain cjs frameworks: ${frameworks.map((summary) => summary.id).join(', ')}`)
console.log(`plain cjs frozen: ${Object.isFrozen(framework) && Object.isFrozen(framework.levels[0].contacts)}`)
console.log(`plain cjs tolerant: ${findLevel('nowhere')}`)
for (const call of [() => adviceFor('nowhere'), () => indicatorsFor('nowhere'), () => indicatorsFor('health', 'nowhere')]) {
  try {
    call()
  } catch (error) {
    console.log(`plain cjs unknown: ${error.name}: ${error.message}`)
  }
}
