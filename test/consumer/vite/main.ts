// A browser app bundled by Vite (moduleResolution "bundler"): it imports one framework only, so
// the bundle must hold that framework and no other.
import { adviceFor, emergencyContacts, framework } from '@thresholds/frameworks/solihull'

const first = framework.indicators[0]
const advice = first ? adviceFor(first.id) : undefined
export const summary: string = `${framework.title}: ${advice?.level.title ?? '-'}; ${emergencyContacts().map((contact) => contact.tel).join(', ')}`
