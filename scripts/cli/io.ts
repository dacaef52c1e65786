/**
 * What a command reads from and writes to the outside world, passed in by scripts/cli.ts so
 * commands and tests run the same code. In a file of its own because the commands import it
 * and run.ts imports the commands: kept in run.ts, it made them import each other.
 */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  /** Whether stdout is a terminal. */
  isTTY: boolean
  /** Whether stderr is a terminal: the text report goes there, coloured only if so. */
  stderrIsTTY: boolean
  /** Environment, for NO_COLOR and FORCE_COLOR. */
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** The user the command runs as (process.getuid), undefined on Windows: the cache key must be theirs. */
  uid: number | undefined
}
