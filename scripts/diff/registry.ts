import type { ChangeKind } from './define-change.ts'
import completenessChanged from './changes/completeness-changed.ts'
import consentChanged from './changes/consent-changed.ts'
import contactAdded from './changes/contact-added.ts'
import contactDetailsChanged from './changes/contact-details-changed.ts'
import contactHoursChanged from './changes/contact-hours-changed.ts'
import contactNumberChanged from './changes/contact-number-changed.ts'
import contactRemoved from './changes/contact-removed.ts'
import contactRenamed from './changes/contact-renamed.ts'
import domainAdded from './changes/domain-added.ts'
import domainRemoved from './changes/domain-removed.ts'
import domainRenamed from './changes/domain-renamed.ts'
import domainReordered from './changes/domain-reordered.ts'
import frameworkAdded from './changes/framework-added.ts'
import frameworkRemoved from './changes/framework-removed.ts'
import indicatorAdded from './changes/indicator-added.ts'
import indicatorAgeChanged from './changes/indicator-age-changed.ts'
import indicatorEmphasisChanged from './changes/indicator-emphasis-changed.ts'
import indicatorIdChanged from './changes/indicator-id-changed.ts'
import indicatorMovedDomain from './changes/indicator-moved-domain.ts'
import indicatorMovedLevel from './changes/indicator-moved-level.ts'
import indicatorPossiblyReworded from './changes/indicator-possibly-reworded.ts'
import indicatorPolarityChanged from './changes/indicator-polarity-changed.ts'
import indicatorReordered from './changes/indicator-reordered.ts'
import indicatorRemoved from './changes/indicator-removed.ts'
import indicatorResourcesChanged from './changes/indicator-resources-changed.ts'
import indicatorReworded from './changes/indicator-reworded.ts'
import indicatorTagsChanged from './changes/indicator-tags-changed.ts'
import levelAdded from './changes/level-added.ts'
import levelContactsChanged from './changes/level-contacts-changed.ts'
import levelRemoved from './changes/level-removed.ts'
import levelRenamed from './changes/level-renamed.ts'
import levelReordered from './changes/level-reordered.ts'
import linkAdded from './changes/link-added.ts'
import linkRemoved from './changes/link-removed.ts'
import linkRenamed from './changes/link-renamed.ts'
import linkRetargeted from './changes/link-retargeted.ts'
import matrixCellChanged from './changes/matrix-cell-changed.ts'
import matrixRuleChanged from './changes/matrix-rule-changed.ts'
import metadataChanged from './changes/metadata-changed.ts'
import narrativeChanged from './changes/narrative-changed.ts'
import sectionAdded from './changes/section-added.ts'
import sectionRemoved from './changes/section-removed.ts'
import whatToDoChanged from './changes/what-to-do-changed.ts'

/** Every change kind, sorted by id. A test fails when a file in changes/ is missing here. */
export const changeKinds: readonly ChangeKind[] = [
  completenessChanged,
  consentChanged,
  contactAdded,
  contactDetailsChanged,
  contactHoursChanged,
  contactNumberChanged,
  contactRemoved,
  contactRenamed,
  domainAdded,
  domainRemoved,
  domainRenamed,
  domainReordered,
  frameworkAdded,
  frameworkRemoved,
  indicatorAdded,
  indicatorAgeChanged,
  indicatorEmphasisChanged,
  indicatorIdChanged,
  indicatorMovedDomain,
  indicatorMovedLevel,
  indicatorPolarityChanged,
  indicatorPossiblyReworded,
  indicatorRemoved,
  indicatorReordered,
  indicatorResourcesChanged,
  indicatorReworded,
  indicatorTagsChanged,
  levelAdded,
  levelContactsChanged,
  levelRemoved,
  levelRenamed,
  levelReordered,
  linkAdded,
  linkRemoved,
  linkRenamed,
  linkRetargeted,
  matrixCellChanged,
  matrixRuleChanged,
  metadataChanged,
  narrativeChanged,
  sectionAdded,
  sectionRemoved,
  whatToDoChanged,
]

export const changeKindsById: ReadonlyMap<string, ChangeKind> = new Map(changeKinds.map((kind) => [kind.id, kind]))
