/**
 * China's working days (工作日): Monday to Friday, less the statutory holidays (法定节假日), plus the weekend days worked
 * in exchange (调休上班). The State Council's General Office publishes each year's dates in a notice every November
 * (国务院办公厅关于某年部分节假日安排的通知); the table below holds them, one entry a year. A year not in the table counts
 * Monday to Friday only: `hasCalendar` tells a caller (and the test of this file tells the team, each December) that
 * the next year's notice must be entered.
 *
 * Deadlines in working days (relief's approval levels: 民政 rules count 工作日) are counted with `isWorkingDay`, so an
 * application waiting over the Spring Festival is not flagged overdue on the first day back.
 */
export interface YearCalendar {
  /** the notice the dates come from */
  source: string;
  /** holidays falling on Monday to Friday (weekend days of a holiday are not working days anyway) */
  holidays: string[];
  /** weekend days that are working days */
  workdays: string[];
}

/** Days from `from` to `to`, both included (YYYY-MM-DD). */
function span(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const STATUTORY_CALENDAR: Readonly<Record<number, YearCalendar>> = {
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [...span('2025-01-01', '2025-01-01'), ...span('2025-01-28', '2025-02-04'), ...span('2025-04-04', '2025-04-06'), ...span('2025-05-01', '2025-05-05'), ...span('2025-05-31', '2025-06-02'), ...span('2025-10-01', '2025-10-08')],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
    holidays: [...span('2026-01-01', '2026-01-03'), ...span('2026-02-15', '2026-02-23'), ...span('2026-04-04', '2026-04-06'), ...span('2026-05-01', '2026-05-05'), ...span('2026-06-19', '2026-06-21'), ...span('2026-09-25', '2026-09-27'), ...span('2026-10-01', '2026-10-07')],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const holidays = new Set(Object.values(STATUTORY_CALENDAR).flatMap((c) => c.holidays));
const workdays = new Set(Object.values(STATUTORY_CALENDAR).flatMap((c) => c.workdays));

/** Whether the table holds the year's notice. */
export const hasCalendar = (year: number): boolean => year in STATUTORY_CALENDAR;

/** Whether a day (YYYY-MM-DD, China's calendar) is a working day. */
export function isWorkingDay(day: string): boolean {
  if (workdays.has(day)) return true;
  if (holidays.has(day)) return false;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}
