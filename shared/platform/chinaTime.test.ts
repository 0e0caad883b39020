import {
  addDays,
  addMonths,
  chinaClock,
  chinaDateTime,
  chinaDay,
  chinaInstant,
  chinaMonth,
  chinaYear,
  dayRange,
  halfYearOf,
  halfYearRange,
  isDay,
  lastDayOfMonth,
  monthRange,
  parseChinaDateTime,
  tomorrowInChina,
} from './chinaTime';

describe('the day of an instant in China', () => {
  it('turns at 16:00 UTC, not at midnight UTC', () => {
    // Prepare
    const justBefore = '2026-12-04T15:59:59.999Z';
    const atTheTurn = '2026-12-04T16:00:00.000Z';
    // Act
    const days = [chinaDay(justBefore), chinaDay(atTheTurn)];
    // Assess
    expect(days).toEqual(['2026-12-04', '2026-12-05']);
  });

  it('takes a Date, an ISO string or milliseconds alike', () => {
    const at = '2026-12-04T20:00:00Z';
    expect([chinaDay(new Date(at)), chinaDay(at), chinaDay(Date.parse(at))]).toEqual(['2026-12-05', '2026-12-05', '2026-12-05']);
  });

  it('starts the new month and year at 16:00 UTC on the last day', () => {
    const newYearsEve = '2026-12-31T16:00:00.000Z';
    expect([chinaDay(newYearsEve), chinaMonth(newYearsEve), chinaYear(newYearsEve)]).toEqual(['2027-01-01', '2027-01', 2027]);
    expect([chinaMonth('2026-12-31T15:59:00Z'), chinaYear('2026-12-31T15:59:00Z')]).toEqual(['2026-12', 2026]);
  });

  it('reads the wall clock in China', () => {
    expect(chinaClock('2026-12-10T01:00:00Z')).toBe('09:00');
    expect(chinaDateTime('2026-12-10T17:30:00Z')).toBe('2026-12-11 01:30');
  });

  it('knows tomorrow across a month end', () => {
    expect(tomorrowInChina(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-02');
    expect(tomorrowInChina(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12-01');
  });
});

describe('the instant of a China day and time', () => {
  it('is eight hours before the same wall clock in UTC', () => {
    expect(chinaInstant('2026-12-05', '09:00').toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(chinaInstant('2026-12-05').toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('reads a typed day and time back to the instant it shows', () => {
    expect(parseChinaDateTime('2026-12-10 09:00')).toBe('2026-12-10T01:00:00.000Z');
    expect(parseChinaDateTime(' 2027-01-01 00:30 ')).toBe('2026-12-31T16:30:00.000Z');
    expect(chinaDateTime(parseChinaDateTime('2026-03-01 07:05')!)).toBe('2026-03-01 07:05');
  });

  it('refuses a day the calendar does not have, and a time the clock does not show', () => {
    expect(parseChinaDateTime('2026-02-29 09:00')).toBeUndefined();
    expect(parseChinaDateTime('2026-02-30 09:00')).toBeUndefined();
    expect(parseChinaDateTime('2026-12-10 24:00')).toBeUndefined();
    expect(parseChinaDateTime('2026-12-10 9:60')).toBeUndefined();
    expect(parseChinaDateTime('tomorrow at nine')).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('knows which days exist, leap years included', () => {
    expect(['2028-02-29', '2000-02-29', '2026-04-30'].map(isDay)).toEqual([true, true, true]);
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-1-01'].map(isDay)).toEqual([false, false, false, false, false]);
  });

  it('adds days across month, year and leap-day ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months across a year end, both ways', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-06', 12)).toBe('2027-06');
  });

  it('knows the last day of every kind of month', () => {
    expect(['2026-01', '2026-02', '2028-02', '2100-02', '2026-04', '2026-12'].map(lastDayOfMonth)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2028-02-29',
      '2100-02-28',
      '2026-04-30',
      '2026-12-31',
    ]);
  });
});

describe('days, months and half-years as UTC instants', () => {
  it('gives a China day from 16:00 UTC the day before to 16:00 UTC', () => {
    expect(dayRange('2026-12-05')).toEqual({ from: '2026-12-04T16:00:00.000Z', to: '2026-12-05T16:00:00.000Z' });
  });

  it('gives a month up to the first instant of the next, across a year end', () => {
    expect(monthRange('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-01-31T16:00:00.000Z', to: '2028-02-29T16:00:00.000Z' });
    expect(monthRange('2026-01', '2026-03')).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
  });

  it('puts January to June in the first half-year and July to December in the second', () => {
    expect(['2026-01', '2026-06', '2026-07', '2026-12'].map(halfYearOf)).toEqual([
      { from: '2026-01', to: '2026-06' },
      { from: '2026-01', to: '2026-06' },
      { from: '2026-07', to: '2026-12' },
      { from: '2026-07', to: '2026-12' },
    ]);
    expect(halfYearRange('2026-09')).toEqual({ from: '2026-06-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });

  it('counts an instant at the turn of a half-year in the half it opens', () => {
    const turn = '2026-06-30T16:00:00.000Z'; // midnight of 1 July in China
    const first = halfYearRange('2026-06');
    const second = halfYearRange('2026-07');
    expect(turn >= first.from && turn < first.to).toBe(false);
    expect(turn >= second.from && turn < second.to).toBe(true);
  });
});
