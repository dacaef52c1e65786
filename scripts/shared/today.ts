/** Today's date in UTC, or THRESHOLDS_TODAY from `env` (the command's environment) when it is a date. */
export function todayUtc(env: Readonly<Record<string, string | undefined>> = {}): string {
  const fixed = env.THRESHOLDS_TODAY
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed
  return new Date().toISOString().slice(0, 10)
}
