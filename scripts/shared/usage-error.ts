/** A problem with how the command was called (exit 2), as opposed to a problem in the content. */
export class UsageError extends Error {}
