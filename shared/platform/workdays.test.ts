import { addDays } from './chinaTime';
import { hasCalendar, isWorkingDay, STATUTORY_CALENDAR } from './workdays';
import { dueAfterWorkingDays } from '../relief/rules';

describe("China's working days", () => {
  it('counts Monday to Friday, less the holidays, plus the weekend days worked in exchange', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // a Friday
    expect(isWorkingDay('2026-12-05')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-02-16')).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday worked before it
    expect(isWorkingDay('2026-02-28')).toBe(true); // and the one after
    expect(isWorkingDay('2026-10-07')).toBe(false); // Wednesday, National Day
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday worked
    expect(isWorkingDay('2025-10-08')).toBe(false); // 2025's eight-day National Day and Mid-Autumn
  });

  it('gives each year of the table its 13 statutory days off and no more: the exchanged days even out', () => {
    // since 2025 the law gives 13 statutory holiday days (全体公民放假的节日); the notices move weekends around them, so a
    // year's working days are its weekdays less 13, whatever the exchanges — a check on the dates typed into the table
    const count = (year: number) => {
      let n = 0;
      for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) if (isWorkingDay(day)) n++;
      return n;
    };
    // 365 days: 2025 has 104 weekend days, 2026 has 104; holidays on weekdays and exchanged weekend days move the count
    for (const year of [2025, 2026]) {
      const c = STATUTORY_CALENDAR[year]!;
      const weekdayHolidays = c.holidays.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())).length;
      expect(count(year)).toBe(365 - 104 - weekdayHolidays + c.workdays.length);
      // every exchanged day is a weekend day, and no day is both
      for (const d of c.workdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect(c.workdays.filter((d) => c.holidays.includes(d))).toEqual([]);
    }
    expect(count(2025)).toBe(261 - 13);
    expect(count(2026)).toBe(261 - 13);
    expect(hasCalendar(2026)).toBe(true);
    expect(hasCalendar(2031)).toBe(false);
  });

  it('puts a relief deadline past the Spring Festival, counting the Saturday worked', () => {
    // entered the queue on Friday 13 February 2026 (China time); 5 working days: Sat 14 (worked), then 24, 25, 26, 27
    expect(dueAfterWorkingDays('2026-02-13T03:00:00.000Z', 5)).toBe('2026-02-27T16:00:00.000Z');
    // an ordinary week: entered on Monday 30 November, 5 working days end on Monday 7 December at 24:00
    expect(dueAfterWorkingDays('2026-11-30T03:00:00.000Z', 5)).toBe('2026-12-07T16:00:00.000Z');
    // National Day: entered on Wednesday 30 September, 3 working days are Thursday 8, Friday 9 and Saturday 10 October
    expect(dueAfterWorkingDays('2026-09-30T03:00:00.000Z', 3)).toBe('2026-10-10T16:00:00.000Z');
  });
});
