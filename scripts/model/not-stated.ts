/**
 * “not stated”: what a framework records for its version, status, publication or review date
 * when the source document gives none, so nothing is invented to fill the field.
 */
export const NOT_STATED = 'not stated'

/** Whether a version, status or date was given by the source (and so can be compared). */
export const isStated = <T extends string>(value: T | undefined): value is Exclude<T, typeof NOT_STATED> => value !== undefined && value !== NOT_STATED
