/**
 * ASL timestamps (ASL-6.3, ASL-6.4): RFC 3339 `date-time` strings with an uppercase `T` between date and time and
 * either an uppercase `Z` or a numeric `±hh:mm` offset, e.g. `2016-03-14T01:59:00Z` or `2016-03-14T02:59:00.5+01:00`.
 *
 * Parsing is exact: the calendar date must exist, and fractional seconds keep every digit, so two timestamps that
 * differ in the tenth fractional digit still compare as different instants. Second 60 (a leap second) is accepted
 * only at minute 23:59, as RFC 3339 allows, and orders after second 59 and before the next minute.
 * The accepted syntax is the one the validator checks statically (`isAslTimestamp`, ASL015), so a literal the
 * validator accepts is one the runtime can compare.
 */

/** A point in time read from an ASL timestamp. Compare two with {@link compareInstants}. */
export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z (for a leap second: those of second 59 of the same minute). */
  readonly epochSecond: number;
  /** True for second 60 of a minute (a leap second). */
  readonly leap: boolean;
  /** The fractional-second digits without trailing zeros (`""` for none): `.500` is `"5"`. */
  readonly fraction: string;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The instant an ASL timestamp denotes, or `undefined` when the string is not one (ASL-6.3). */
export function parseTimestamp(text: string): Instant | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60 || (second === 60 && (hour !== 23 || minute !== 59))) return undefined;
  let offsetSeconds = 0;
  if (m[8] !== undefined) {
    const offsetHours = Number(m[9]);
    const offsetMinutes = Number(m[10]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offsetSeconds = (m[8] === "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  const leap = second === 60;
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + (leap ? 59 : second);
  return { epochSecond: local - offsetSeconds, leap, fraction: (m[7] ?? "").replace(/0+$/, "") };
}

/** True for a string that is an ASL timestamp (the `IsTimestamp` test, ASL-6.3). */
export function isTimestamp(value: unknown): value is string {
  return typeof value === "string" && parseTimestamp(value) !== undefined;
}

/** Order two instants: negative when `a` is earlier, 0 when they are the same instant, positive when later. */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.epochSecond !== b.epochSecond) return a.epochSecond < b.epochSecond ? -1 : 1;
  if (a.leap !== b.leap) return a.leap ? 1 : -1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, "0");
  const fb = b.fraction.padEnd(width, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
