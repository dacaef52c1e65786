/** What to say when stdout or stderr cannot be written (see scripts/cli.ts). */
export function streamFailure(stream: 'stdout' | 'stderr', error: NodeJS.ErrnoException): string | undefined {
  // Nothing can be said on stderr about stderr itself.
  if (stream === 'stderr') return undefined
  const reason =
    error.code === 'EPIPE'
      ? 'the program reading it stopped reading (a closed pipe)'
      : error.code === 'ENOSPC' || error.code === 'EDQUOT'
        ? 'the disk is full'
        : `${error.code ?? error.message}`
  return `Could not write the output: ${reason}.\n`
}
