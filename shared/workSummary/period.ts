import { addMonths, halfYearOf } from '../platform/chinaTime';

/**
 * The period of a work summary: whole China months from..to (YYYY-MM, inclusive). The reports are by half-year
 * (上半年 January–June, 下半年 July–December), so that is the default; the comparison is the period of equal length
 * just before it (a half-year's is the half-year before). Pure: both sides use it.
 */
export interface SummaryPeriod {
  from: string;
  to: string;
}

/** Longest period a summary covers: three years (36 counters a ledger at most, still one query). */
export const MAX_SUMMARY_MONTHS = 36;

export const isMonth = (m: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);

/** The number of months from..to, inclusive (0 or less when to is before from). */
export function monthsIn(p: SummaryPeriod): number {
  const [fy, fm] = p.from.split('-').map(Number) as [number, number];
  const [ty, tm] = p.to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export function isSummaryPeriod(p: SummaryPeriod): boolean {
  return isMonth(p.from) && isMonth(p.to) && monthsIn(p) >= 1 && monthsIn(p) <= MAX_SUMMARY_MONTHS;
}

/** The half-year a month falls in. */
export const halfYear = (month: string): SummaryPeriod => halfYearOf(month);

/** The whole half-year before the one `month` falls in (the last finished one). */
export const lastHalfYear = (month: string): SummaryPeriod => halfYearOf(addMonths(halfYearOf(month).from, -1));

/** The period of equal length just before. */
export function previousPeriod(p: SummaryPeriod): SummaryPeriod {
  const n = monthsIn(p);
  return { from: addMonths(p.from, -n), to: addMonths(p.from, -1) };
}

/**
 * How the reports name a period: 2026-01..06 "2026年上半年" / "the first half of 2026", a whole year "2026年", one month
 * "2026年3月", else "2026年1月至2026年3月".
 */
export function periodName(p: SummaryPeriod): { zh: string; en: string } {
  const [fy, fm] = [p.from.slice(0, 4), Number(p.from.slice(5, 7))];
  const [ty, tm] = [p.to.slice(0, 4), Number(p.to.slice(5, 7))];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (fy === ty && fm === 1 && tm === 6) return { zh: `${fy}年上半年`, en: `the first half of ${fy}` };
  if (fy === ty && fm === 7 && tm === 12) return { zh: `${fy}年下半年`, en: `the second half of ${fy}` };
  if (fy === ty && fm === 1 && tm === 12) return { zh: `${fy}年`, en: fy };
  if (p.from === p.to) return { zh: `${fy}年${fm}月`, en: `${months[fm - 1]} ${fy}` };
  if (fy === ty) return { zh: `${fy}年${fm}月至${tm}月`, en: `${months[fm - 1]} to ${months[tm - 1]} ${fy}` };
  return { zh: `${fy}年${fm}月至${ty}年${tm}月`, en: `${months[fm - 1]} ${fy} to ${months[tm - 1]} ${ty}` };
}

/** The half-years a picker offers as of `month`: this one so far and the last few whole ones, newest first. */
export function recentHalfYears(month: string, count = 4): SummaryPeriod[] {
  const out: SummaryPeriod[] = [];
  let h = halfYearOf(month);
  for (let i = 0; i < count; i++) {
    out.push(h);
    h = halfYearOf(addMonths(h.from, -1));
  }
  return out;
}
