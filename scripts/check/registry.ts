import type { Rule } from './define-rule.ts'
import contactHoursValid from './rules/contact-hours-valid.ts'
import contactPhoneFormat from './rules/contact-phone-format.ts'
import contactPhoneValid from './rules/contact-phone-valid.ts'
import contactReferenced from './rules/contact-referenced.ts'
import contentNotEmpty from './rules/content-not-empty.ts'
import contentPlaced from './rules/content-placed.ts'
import bulletComplete from './rules/bullet-complete.ts'
import contentPlaceholder from './rules/content-placeholder.ts'
import domainCoversLevels from './rules/domain-covers-levels.ts'
import fileNotRead from './rules/file-not-read.ts'
import guidanceEditionCurrent from './rules/guidance-edition-current.ts'
import headingIncrement from './rules/heading-increment.ts'
import headingPlainWords from './rules/heading-plain-words.ts'
import highestLevelHasEmergencyRoute from './rules/highest-level-has-emergency-route.ts'
import indicatorTextUnique from './rules/indicator-text-unique.ts'
import levelHasContacts from './rules/level-has-contacts.ts'
import levelHasIndicators from './rules/level-has-indicators.ts'
import levelHasWhatToDo from './rules/level-has-what-to-do.ts'
import linkHttps from './rules/link-https.ts'
import linkNotPlaceholder from './rules/link-not-placeholder.ts'
import linkPending from './rules/link-pending.ts'
import linkReachable from './rules/link-reachable.ts'
import linkRedirected from './rules/link-redirected.ts'
import linkResolves from './rules/link-resolves.ts'
import linkTextDescriptive from './rules/link-text-descriptive.ts'
import linkTextMatchesAddress from './rules/link-text-matches-address.ts'
import matrixCoversLevels from './rules/matrix-covers-levels.ts'
import modelSchema from './rules/model-schema.ts'
import referenceResolves from './rules/reference-resolves.ts'
import reviewDatePassed from './rules/review-date-passed.ts'
import reviewDueAfterPublished from './rules/review-due-after-published.ts'
import sourceIncomplete from './rules/source-incomplete.ts'
import uniqueIds from './rules/unique-ids.ts'
import versionScheme from './rules/version-scheme.ts'

/** Every rule, sorted by id. A test fails when a file in rules/ is missing here. */
export const rules: readonly Rule[] = [
  bulletComplete,
  contactHoursValid,
  contactPhoneFormat,
  contactPhoneValid,
  contactReferenced,
  contentNotEmpty,
  contentPlaced,
  contentPlaceholder,
  domainCoversLevels,
  fileNotRead,
  guidanceEditionCurrent,
  headingIncrement,
  headingPlainWords,
  highestLevelHasEmergencyRoute,
  indicatorTextUnique,
  levelHasContacts,
  levelHasIndicators,
  levelHasWhatToDo,
  linkHttps,
  linkNotPlaceholder,
  linkPending,
  linkReachable,
  linkRedirected,
  linkResolves,
  linkTextDescriptive,
  linkTextMatchesAddress,
  matrixCoversLevels,
  modelSchema,
  referenceResolves,
  reviewDatePassed,
  reviewDueAfterPublished,
  sourceIncomplete,
  uniqueIds,
  versionScheme,
]
