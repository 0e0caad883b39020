import { addMonths, lastDayOfMonth } from '../platform/chinaTime';
import type { RegionRules, ReliefType, ScreeningFlag } from './schemas';

/**
 * 滚动筛选: the monthly pass over the relief registry. Pure: given a household as the registry holds it and the month,
 * which flags it gets. The job writes them, once per month.
 */
export interface ScreenedHousehold {
  tags: readonly string[];
  benefits: readonly { type: ReliefType; since: string; until?: string }[];
  /**
   * whether a member was born in a month (YYYY-MM): the registry keeps keyed hashes of its members' birth months, not
   * their birth dates (issue 11 item 1), so the screening asks instead of reading
   */
  bornIn: (yearMonth: string) => boolean;
  lastVisitAt?: string;
  createdAt: string;
}

/** tags whose households are visited at least every `visitEveryDays` */
const visitedTags = ['elderlyAlone', 'disability', 'seriousIllness', 'leftBehindChild'];
export const visitEveryDays = 90;


/** `bornIn` from birth dates in the clear (entries from before issue 11 item 1, and tests). */
export const bornInAnyOf = (birthDates: readonly string[]) => (yearMonth: string) => birthDates.some((d) => d.startsWith(`${yearMonth}-`));

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
    // whoever was born in this month, the age's years ago, reaches it this month (born on 29 February: flagged in
    // February, the day itself being 1 March in other years). The month, not the day, in the reason: a flag is stored in
    // the clear, and the day less the age is the birth date (issue 11 item 1)
    if (h.bornIn(addMonths(month, -12 * rules.seniorAllowanceAge))) flags.push({ kind: 'ageThreshold', reason: `家庭成员将于本月年满 ${rules.seniorAllowanceAge} 周岁，可申请高龄津贴`, month });
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
