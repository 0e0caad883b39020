/**
 * China time, the one home of it. China keeps one time zone and no daylight saving: local time is UTC+8 all year, so
 * a China day runs from 16:00 UTC the day before to 16:00 UTC. Days are `YYYY-MM-DD`, months `YYYY-MM`, both on
 * China's calendar; instants are ISO strings in UTC (or Dates). Pure: both sides use it, whatever the phone's zone.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** An instant: a Date, an ISO string or milliseconds since the epoch. */
export type Instant = Date | string | number;

const msOf = (at: Instant): number => (typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime());

/** The China wall clock of an instant, `YYYY-MM-DDTHH:mm:ss.sssZ` read as local (the Z is not China's: slice it). */
const wall = (at: Instant): string => new Date(msOf(at) + CHINA_OFFSET_MS).toISOString();

/** The day of an instant in China, YYYY-MM-DD: 20:00 UTC on the 4th is already the 5th. */
export const chinaDay = (at: Instant): string => wall(at).slice(0, 10);

/** The month of an instant in China, YYYY-MM. */
export const chinaMonth = (at: Instant): string => wall(at).slice(0, 7);

/** The year of an instant in China. */
export const chinaYear = (at: Instant): number => Number(wall(at).slice(0, 4));

/** The time of day of an instant in China, HH:mm. */
export const chinaClock = (at: Instant): string => wall(at).slice(11, 16);

/** The day and time of an instant in China, `YYYY-MM-DD HH:mm`, as notices and forms print it. */
export const chinaDateTime = (at: Instant): string => wall(at).slice(0, 16).replace('T', ' ');

/** The instant of a China day at a time of day (HH:mm, default midnight). */
export function chinaInstant(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/**
 * A China day and time typed as `YYYY-MM-DD HH:mm` (or `YYYY-MM-DDTHH:mm`), as an ISO instant; undefined when it is no
 * such day or time (2026-02-30, 24:00).
 */
export function parseChinaDateTime(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, min] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (h > 23 || min > 59 || !isDay(`${m[1]}-${m[2]}-${m[3]}`)) return undefined;
  return new Date(Date.UTC(y, mo - 1, d, h, min) - CHINA_OFFSET_MS).toISOString();
}

/** Whether a YYYY-MM-DD is a day of the calendar (no 2026-02-29, no 2026-13-01). */
export function isDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar day `days` after (or before) a day: across month and year ends. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A month `months` after (or before) a month, YYYY-MM. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7);
}

/** The last day of a month, YYYY-MM-DD (28, 29, 30 or 31). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The day tomorrow in China, for the day-before reminders. */
export const tomorrowInChina = (now: Instant): string => addDays(chinaDay(now), 1);

/** The half-year of a month (上半年 January–June, 下半年 July–December), as its first and last month. */
export function halfYearOf(month: string): { from: string; to: string } {
  const y = month.slice(0, 4);
  return Number(month.slice(5, 7)) <= 6 ? { from: `${y}-01`, to: `${y}-06` } : { from: `${y}-07`, to: `${y}-12` };
}

/** A span of time as UTC instants: `from` included, `to` excluded (the start of what follows). */
export interface InstantRange {
  from: string;
  to: string;
}

/** A China day as UTC instants: 2026-12-05 is 2026-12-04T16:00Z up to 2026-12-05T16:00Z. */
export function dayRange(day: string): InstantRange {
  return { from: chinaInstant(day).toISOString(), to: chinaInstant(addDays(day, 1)).toISOString() };
}

/** The China months from `from` to `to` (inclusive, YYYY-MM) as UTC instants. */
export function monthRange(from: string, to = from): InstantRange {
  return { from: chinaInstant(`${from}-01`).toISOString(), to: chinaInstant(`${addMonths(to, 1)}-01`).toISOString() };
}

/** The half-year a month falls in, as UTC instants. */
export function halfYearRange(month: string): InstantRange {
  const h = halfYearOf(month);
  return monthRange(h.from, h.to);
}
