/**
 * Calendar arithmetic on plain dates (UTC, no time of day): what the time rules need and no more.
 * Dates travel as 'YYYY-MM-DD' strings or as {y, m, d} with 1-based months.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/**
 * Parses 'YYYY-MM-DD' (extra time part ignored); null when it is not a real date.
 *
 * @example
 *   parseYmd('2017-04-11'); // { y: 2017, m: 4, d: 11 }
 */
export function parseYmd(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(ymd) ? ymd : null;
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of a date. */
export const fmt = (x: Ymd): string => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether the day exists (rejects April 31, February 29 in common years, month 13). */
export function isValid(x: Ymd): boolean {
  return Number.isInteger(x.y) && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m);
}

const toUtc = (x: Ymd): number => Date.UTC(x.y, x.m - 1, x.d);
const fromUtc = (t: number): Ymd => {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};

/** The date `n` days later (earlier when negative). */
export function addDays(x: Ymd, n: number): Ymd {
  return fromUtc(toUtc(x) + n * 86400000);
}

/** The date `n` months later, day clamped to the month's length. */
export function addMonths(x: Ymd, n: number): Ymd {
  const k = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(k / 12);
  const m = (k % 12) + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekday(x: Ymd): number {
  return ((new Date(toUtc(x)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the ISO week containing `x`. */
export function mondayOf(x: Ymd): Ymd {
  return addDays(x, 1 - weekday(x));
}

/**
 * ISO 8601 week label of a date.
 *
 * @example
 *   isoWeek({ y: 2017, m: 4, d: 3 }); // '2017-W14'
 */
export function isoWeek(x: Ymd): string {
  const thursday = addDays(x, 4 - weekday(x));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((toUtc(thursday) - toUtc(jan1)) / 86400000 / 7) + 1;
  return `${thursday.y}-W${pad(week)}`;
}

/** Difference in days b − a. */
export function diffDays(a: Ymd, b: Ymd): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86400000);
}
