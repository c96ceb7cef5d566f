/**
 * An ISO date (YYYY-MM-DD) from a metadata date string ("2017-04-11T09:00:00Z", "Tue, 11 Apr 2017"),
 * or undefined when it does not name a valid date.
 *
 * @example
 *   isoDate('2017-04-11T09:30:00+01:00'); // '2017-04-11'
 */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) {
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? m[0] : undefined;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}
