import { chinaInstant, chinaYear, type Instant } from '../platform/chinaTime';
import type { Eligibility, ServiceMenuItem } from './schemas';

/** Age in the current China year from the birth year alone (no birth date is kept): the age reached this year. */
export function ageInYear(birthYear: number, now: Instant): number {
  return chinaYear(now) - birthYear;
}

/** 高龄 by age; 低保 and disability as the relief registry says. */
export function eligibilityOf(age: number | undefined, seniorAge: number, registry: { dibao: boolean; disability: boolean }): Eligibility[] {
  const out: Eligibility[] = [];
  if (age !== undefined && age >= seniorAge) out.push('senior');
  if (registry.dibao) out.push('dibao');
  if (registry.disability) out.push('disability');
  return out;
}

/**
 * The subsidy of a service for an elder: the largest of the subsidies their eligibilities give (they do not add up),
 * never more than the price; and which eligibilities gave it.
 */
export function subsidyFor(item: Pick<ServiceMenuItem, 'priceFen' | 'subsidyFen'>, eligibility: readonly Eligibility[]): { subsidyFen: number; payFen: number; subsidyFor: Eligibility[] } {
  let best = 0;
  for (const e of eligibility) best = Math.max(best, item.subsidyFen[e] ?? 0);
  const subsidyFen = Math.min(best, item.priceFen);
  return { subsidyFen, payFen: item.priceFen - subsidyFen, subsidyFor: subsidyFen > 0 ? eligibility.filter((e) => (item.subsidyFen[e] ?? 0) > 0) : [] };
}

/** A slot's start and cut-off from a China day and times; without a cut-off time, 24 hours before the start. */
export function slotTimes(day: string, startTime: string, minutes: number, cutoffTime?: string): { startsAt: string; endsAt: string; cutoffAt: string } {
  const start = chinaInstant(day, startTime);
  const cutoff = cutoffTime ? chinaInstant(day, cutoffTime) : new Date(start.getTime() - 24 * 3600_000);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(), cutoffAt: (cutoff < start ? cutoff : start).toISOString() };
}

/** Minutes nobody has acknowledged a help request before it goes to the community's workers. */
export const ESCALATE_AFTER_MINUTES = 5;

/** The six basic services and a local one, as a sub-district starts with them (officers change it as data). */
export const defaultMenu = {
  seniorAge: 80,
  items: [
    { id: 'meal', kind: 'meal', name: '助餐', nameEn: 'Meals', priceFen: 1500, subsidyFen: { senior: 500, dibao: 1000, disability: 800 }, delivery: 'either', active: true },
    { id: 'bath', kind: 'bath', name: '助浴', nameEn: 'Bathing', priceFen: 6000, subsidyFen: { senior: 3000, dibao: 5000, disability: 4000 }, delivery: 'either', active: true },
    { id: 'cleaning', kind: 'cleaning', name: '助洁', nameEn: 'Cleaning', priceFen: 5000, subsidyFen: { senior: 2000, dibao: 4000, disability: 3000 }, delivery: 'home', active: true },
    { id: 'mobility', kind: 'mobility', name: '助行', nameEn: 'Mobility', priceFen: 3000, subsidyFen: { senior: 1500, dibao: 2500, disability: 2500 }, delivery: 'home', active: true },
    { id: 'medical', kind: 'medical', name: '助医', nameEn: 'Medical escort', priceFen: 4000, subsidyFen: { senior: 2000, dibao: 3000, disability: 3000 }, delivery: 'either', active: true },
    { id: 'emergency', kind: 'emergency', name: '助急', nameEn: 'Emergency help', priceFen: 0, subsidyFen: {}, delivery: 'home', active: true },
    { id: 'haircut', kind: 'local', name: '助理发', nameEn: 'Haircut', priceFen: 1000, subsidyFen: { senior: 500 }, delivery: 'servicePoint', active: true },
  ] satisfies ServiceMenuItem[],
};
