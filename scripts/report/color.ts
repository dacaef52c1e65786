/**
 * Whether to write ANSI colour to a stream. NO_COLOR (any non-empty value, https://no-color.org)
 * turns it off; FORCE_COLOR turns it on even when the stream is not a terminal (“0” or “false”
 * turn it off); otherwise colour only on a terminal that is not “dumb”.
 */
export function colorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR) return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  return isTTY && env.TERM !== 'dumb'
}
