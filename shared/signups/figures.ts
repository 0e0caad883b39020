import { ledger, percent } from '../platform/figures';

/**
 * Sign-ups' figures for a work summary: volunteering (confirmed service, each team's too), cultural events (events held
 * and attendance 人次) and the time bank. Counted where a report counts them, never on a sign-up tap:
 * - volunteering and the time bank's service minutes when the organizer confirms a volunteer's hours, in the month of the
 *   shift (functions/signups/commands/shifts.ts confirmHours);
 * - events when the door checks someone in, in the month of the event: the attendance of the registration's seats
 *   (companions too), and the event itself at its first check-in (an event nobody came to was not held);
 * - the time bank's help when the one helped confirms it, in the month the help was asked for.
 * A counter sits on the community of the activity, event or help request (the sub-district's own activities and
 * events count under the sub-district's id: see `figureScopeOf`).
 */

/** Each team's minutes are counters of their own in the volunteering ledger, named from the team's id (ids may hold '-', attribute names in expressions may not). */
const TEAM_PREFIX = 'teamMinutes_';
export const teamMinutesKey = (teamId: string) => `${TEAM_PREFIX}${teamId.replace(/_/g, '_u').replace(/-/g, '_d')}`;

/** The teams' minutes in a ledger's values, most first: the summary names the teams from their ids. */
export function teamMinutesOf(values: Readonly<Record<string, number>>): { teamId: string; minutes: number }[] {
  return Object.entries(values)
    .filter(([k, n]) => k.startsWith(TEAM_PREFIX) && n !== 0)
    .map(([k, minutes]) => ({ teamId: k.slice(TEAM_PREFIX.length).replace(/_d/g, '-').replace(/_u/g, '_'), minutes }))
    .sort((a, b) => b.minutes - a.minutes || a.teamId.localeCompare(b.teamId));
}

/** Minutes as a report prints hours: 90 → "1.5", 125 → "2.1". */
export const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10);

export const volunteeringLedger = /* @__PURE__ */ ledger({
  ledger: 'volunteering',
  zh: '志愿服务',
  en: 'Volunteering',
  figures: [
    { key: 'serviceTimes', zh: '志愿服务', en: 'volunteer services confirmed', measureZh: '人次', unit: 'count' },
    { key: 'serviceMinutes', zh: '服务时长', en: 'hours served', unit: 'minutes' },
  ],
  sentences(v, period) {
    const teams = teamMinutesOf(v);
    const times = v.serviceTimes ?? 0;
    const hours = hoursText(v.serviceMinutes ?? 0);
    return {
      zh: `${period.zh}志愿者参与志愿服务${times}人次，累计服务时长${hours}小时${teams.length ? `，${teams.length}支志愿服务队参与服务` : ''}`,
      en: `In ${period.en}, volunteers served ${times} times, ${hours} hours in all${teams.length ? `; ${teams.length} volunteer teams took part` : ''}.`,
    };
  },
  recordsPage: '/pages/volunteer/index',
});

export const eventsLedger = /* @__PURE__ */ ledger({
  ledger: 'events',
  zh: '文化活动',
  en: 'Cultural events',
  figures: [
    { key: 'eventsHeld', zh: '举办文化活动', en: 'events held', measureZh: '场', unit: 'count' },
    { key: 'attendance', zh: '参与群众', en: 'attendance', measureZh: '人次', unit: 'count' },
  ],
  sentences(v, period) {
    return {
      zh: `${period.zh}共举办各类文化活动${v.eventsHeld ?? 0}场，参与群众${v.attendance ?? 0}人次`,
      en: `In ${period.en}, ${v.eventsHeld ?? 0} cultural events were held, with an attendance of ${v.attendance ?? 0}.`,
    };
  },
  recordsPage: '/pages/home/index',
});

export const timeBankLedger = /* @__PURE__ */ ledger({
  ledger: 'timeBank',
  zh: '时间银行',
  en: 'Time bank',
  figures: [
    { key: 'serviceMinutes', zh: '为老服务存入时长', en: 'hours banked by serving elders', unit: 'minutes' },
    { key: 'helpsDone', zh: '互助服务', en: 'neighbour helps done', measureZh: '次', unit: 'count' },
    { key: 'helpMinutes', zh: '互助服务时长', en: 'hours of neighbour help', unit: 'minutes' },
  ],
  sentences(v, period) {
    const banked = (v.serviceMinutes ?? 0) + (v.helpMinutes ?? 0);
    const share = banked > 0 ? percent((v.helpMinutes ?? 0) / banked) : percent(undefined);
    return {
      zh: `${period.zh}时间银行存入服务时长${hoursText(banked)}小时，其中为老服务${hoursText(v.serviceMinutes ?? 0)}小时，开展邻里互助${v.helpsDone ?? 0}次、${hoursText(v.helpMinutes ?? 0)}小时（占${share}）`,
      en: `In ${period.en}, the time bank took in ${hoursText(banked)} hours: ${hoursText(v.serviceMinutes ?? 0)} of service to elders and ${v.helpsDone ?? 0} neighbour helps of ${hoursText(v.helpMinutes ?? 0)} hours (${share}).`,
    };
  },
  recordsPage: '/packages/signups/timebank/index',
});

/**
 * Where a sign-up's figures are counted: the community of its unit path (`[subdistrict, community, grid?]`); an activity
 * or event of the sub-district itself (or of a partner unit) counts in the sub-district's total under its own id.
 */
export function figureScopeOf(unitPath: readonly string[]): { subdistrictId: string; communityId: string } {
  return { subdistrictId: unitPath[0]!, communityId: unitPath[1] ?? unitPath[0]! };
}
