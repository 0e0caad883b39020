import { addMonths, halfYearOf } from '../platform/chinaTime';
import { reliefTypes } from './types';
import type { ReliefType } from './schemas';

/**
 * Figures of a work summary: for a period, a unit and a type,
 * - householdTimes (户次): payments counted by household — each payment is to one household, so the number of payments;
 * - personTimes (人次): the persons each payment covers, summed over the payments;
 * - amount: yuan paid, summed.
 * Amounts are kept in fen (integers) so sums are exact.
 */
export interface Payment {
  type: ReliefType;
  persons: number;
  amountFen: number;
}
export interface FigureCounter {
  type: ReliefType;
  householdTimes: number;
  personTimes: number;
  amountFen: number;
}
export interface Figure {
  type: ReliefType;
  householdTimes: number;
  personTimes: number;
  amount: number;
}

const order = Object.keys(reliefTypes) as ReliefType[];

/** Sums counters (or single payments, each one household-time) by type, in the order the types are listed. */
export function sumFigures(items: readonly (Payment | FigureCounter)[]): Figure[] {
  const by = new Map<ReliefType, { h: number; p: number; fen: number }>();
  for (const it of items) {
    const acc = by.get(it.type) ?? { h: 0, p: 0, fen: 0 };
    if ('householdTimes' in it) {
      acc.h += it.householdTimes;
      acc.p += it.personTimes;
    } else {
      acc.h += 1;
      acc.p += it.persons;
    }
    acc.fen += it.amountFen;
    by.set(it.type, acc);
  }
  return order.filter((t) => by.has(t)).map((t) => ({ type: t, householdTimes: by.get(t)!.h, personTimes: by.get(t)!.p, amount: by.get(t)!.fen / 100 }));
}

export const toFen = (yuan: number) => Math.round(yuan * 100);

/** 533805 → "533805"; 1234.5 → "1234.50" */
export function formatYuan(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** Exactly as a work summary prints it: "低保 817户次 1259人次 533805元". */
export function figureLine(f: Figure): string {
  return `${reliefTypes[f.type].nameZh} ${f.householdTimes}户次 ${f.personTimes}人次 ${formatYuan(f.amount)}元`;
}

/** The months from one period to another, inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 120) break;
  }
  return out;
}

/**
 * The ranges a work summary is printed for (the sub-district's reports are by half-year: 上半年 January–June, 下半年
 * July–December), as of `month` (YYYY-MM): this month, this half-year so far, the last whole half-year, this year so far.
 */
export function summaryRanges(month: string): Record<'month' | 'half' | 'lastHalf' | 'year', { from: string; to: string }> {
  const half = halfYearOf(month);
  return {
    month: { from: month, to: month },
    half: { from: half.from, to: month },
    lastHalf: halfYearOf(addMonths(half.from, -1)),
    year: { from: `${month.slice(0, 4)}-01`, to: month },
  };
}
