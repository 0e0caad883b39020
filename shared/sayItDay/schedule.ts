import { addDays, chinaDay, chinaInstant } from '../platform/chinaTime';
import type { ScheduleRule, Session } from './schemas';

export const defaultScheduleRule = (communityId: string): ScheduleRule => ({
  communityId,
  daysOfMonth: [5, 15, 25],
  startTime: '09:00',
  durationMinutes: 120,
  place: '社区党群服务中心议事厅',
  cutoffHours: 2,
  version: 0,
});

/** The say-it days the rule gives from `from` (inclusive) up to `days` days ahead, in order. */
export function sessionDates(rule: Pick<ScheduleRule, 'daysOfMonth'>, from: Date, days: number): string[] {
  const start = chinaDay(from);
  const wanted = new Set(rule.daysOfMonth);
  const dates: string[] = [];
  for (let i = 0; i <= days; i++) {
    const date = addDays(start, i);
    if (wanted.has(Number(date.slice(8, 10)))) dates.push(date);
  }
  return dates;
}

/** When a session on `date` starts, ends, and stops taking matters. */
export function sessionTimes(rule: Pick<ScheduleRule, 'startTime' | 'durationMinutes' | 'cutoffHours'>, date: string) {
  const startsAt = chinaInstant(date, rule.startTime);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000).toISOString(),
    cutoffAt: new Date(startsAt.getTime() - rule.cutoffHours * 3600_000).toISOString(),
  };
}

/** A session's id says which community and day it is, so making it twice makes the same item. */
export function sessionId(communityId: string, date: string): string {
  return `${communityId}_${date.replaceAll('-', '')}`;
}

export function parseSessionId(id: string): { communityId: string; date: string } | undefined {
  const m = /^(.+)_(\d{4})(\d{2})(\d{2})$/.exec(id);
  if (!m) return undefined;
  return { communityId: m[1]!, date: `${m[2]}-${m[3]}-${m[4]}` };
}

export function isOpenForMatters(session: Pick<Session, 'state' | 'cutoffAt'>, now: Date): boolean {
  return session.state === 'scheduled' && now.getTime() < Date.parse(session.cutoffAt);
}
