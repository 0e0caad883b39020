import { addMonths, lastDayOfMonth } from '../platform/chinaTime';
import { dayOfAge } from '../platform/idNumber';
import type { RegionRules, ReliefType, ScreeningFlag } from './schemas';

/**
 * 滚动筛选: the monthly pass over the relief registry. Pure: given a household as the registry holds it and the month,
 * which flags it gets. The job writes them, once per month.
 */
export interface ScreenedHousehold {
  tags: readonly string[];
  benefits: readonly { type: ReliefType; since: string; until?: string }[];
  /** members' birth dates (from their ID numbers) */
  birthDates: readonly string[];
  lastVisitAt?: string;
  createdAt: string;
}

/** tags whose households are visited at least every `visitEveryDays` */
const visitedTags = ['elderlyAlone', 'disability', 'seriousIllness', 'leftBehindChild'];
export const visitEveryDays = 90;


export function screen(h: ScreenedHousehold, month: string, rules: RegionRules): ScreeningFlag[] {
  const flags: ScreeningFlag[] = [];
  const end = lastDayOfMonth(month);
  for (const b of h.benefits) {
    if (b.type === 'dibao') {
      const since = b.since.slice(0, 7);
      // every `dibaoReviewMonths` months after approval
      let due = addMonths(since, rules.dibaoReviewMonths);
      while (due < month) due = addMonths(due, rules.dibaoReviewMonths);
      if (due === month) flags.push({ kind: 'annualReview', reason: '低保年度复核', month });
    }
    if (b.until && b.until.slice(0, 7) <= addMonths(month, 1) && b.until >= `${month}-01`) flags.push({ kind: 'benefitExpiring', reason: `${b.type} 将于 ${b.until} 到期`, month });
  }
  const hasSenior = h.benefits.some((b) => b.type === 'seniorAllowance');
  if (!hasSenior) {
    for (const bd of h.birthDates) {
      const day = dayOfAge(bd, rules.seniorAllowanceAge);
      if (day.slice(0, 7) === month) flags.push({ kind: 'ageThreshold', reason: `家庭成员将于 ${day} 年满 ${rules.seniorAllowanceAge} 周岁，可申请高龄津贴`, month });
    }
  }
  if (h.tags.some((t) => visitedTags.includes(t))) {
    const last = h.lastVisitAt ?? h.createdAt;
    const days = (Date.parse(end) - Date.parse(last)) / 86_400_000;
    if (days >= visitEveryDays) flags.push({ kind: 'visitDue', reason: `已 ${Math.floor(days)} 天未走访`, month });
  }
  return flags;
}

/** 四必访 deadlines: days from when the event is recorded */
export const mustVisitDays = { hardship: 7, accidentOrDisaster: 1, seriousIllness: 3, bereavement: 3 } as const;
