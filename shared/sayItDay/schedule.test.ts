import { defaultScheduleRule, isOpenForMatters, parseSessionId, sessionDates, sessionId, sessionTimes } from './schedule';

describe('say-it day schedule', () => {
  it('gives the 5th, 15th and 25th by default', () => {
    const dates = sessionDates(defaultScheduleRule('c-1'), new Date('2026-11-26T00:00:00Z'), 40);
    expect(dates).toEqual(['2026-12-05', '2026-12-15', '2026-12-25', '2027-01-05']);
  });

  it('counts the day in China, not in UTC', () => {
    // 20:00 UTC on the 4th is already 04:00 on the 5th in China
    expect(sessionDates({ daysOfMonth: [5] }, new Date('2026-12-04T20:00:00Z'), 0)).toEqual(['2026-12-05']);
  });

  it('puts the start at local time and the cut-off before it', () => {
    const t = sessionTimes({ startTime: '09:00', durationMinutes: 120, cutoffHours: 2 }, '2026-12-05');
    expect(t).toEqual({ startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:00:00.000Z', cutoffAt: '2026-12-04T23:00:00.000Z' });
  });

  it('takes matters only while scheduled and before the cut-off', () => {
    const cutoffAt = '2026-12-04T23:00:00.000Z';
    expect(isOpenForMatters({ state: 'scheduled', cutoffAt }, new Date('2026-12-04T22:59:59Z'))).toBe(true);
    expect(isOpenForMatters({ state: 'scheduled', cutoffAt }, new Date('2026-12-04T23:00:00Z'))).toBe(false);
    expect(isOpenForMatters({ state: 'inProgress', cutoffAt }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('names a session by its community and day, and reads that back', () => {
    expect(sessionId('c-heping', '2026-12-05')).toBe('c-heping_20261205');
    expect(parseSessionId('c-heping_20261205')).toEqual({ communityId: 'c-heping', date: '2026-12-05' });
    expect(parseSessionId('nonsense')).toBeUndefined();
  });
});
