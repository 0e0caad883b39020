import { text, type NotificationText } from '../notifications/texts';
import { maskName } from '../platform/masking';
import type { ReliefType } from './schemas';
import { reliefTypes } from './types';

/**
 * What relief tells people: the params of its entries in the one table of notification texts
 * (shared/notifications/texts.ts, keys `relief.*`), where the Chinese and English are. Pure. Names of applicants and
 * heads of household are masked here, before they are stored: a subscribe message leaves the app.
 */
export type ReliefNoticeKind = 'newWork' | 'infoRequested' | 'communityApproved' | 'approved' | 'rejected' | 'mustVisit' | 'overdueReview';
export type NoticeText = NotificationText;

const names = (type: ReliefType) => ({ typeZh: reliefTypes[type].nameZh, typeEn: reliefTypes[type].nameEn });

export const reliefNotices = {
  /** to the community's workers (submitted) or the sub-district's officers (approved by the community) */
  newWork: (type: ReliefType, applicantName: string, level: 'community' | 'subdistrict') => text('relief.newWork', { ...names(type), applicant: maskName(applicantName), level }),
  infoRequested: (type: ReliefType, note: string) => text('relief.infoRequested', { ...names(type), note }),
  communityApproved: (type: ReliefType) => text('relief.communityApproved', names(type)),
  approved: (type: ReliefType, amount: number | undefined) => text('relief.approved', { ...names(type), recurring: reliefTypes[type].recurring, amount }),
  rejected: (type: ReliefType, reason: string) => text('relief.rejected', { ...names(type), reason }),
  /** to the next level up (the sub-district's officers) when the community's review passed its deadline (escalateOverdueReviews) */
  overdueReview: (type: ReliefType, applicantName: string, dueDay: string) => text('relief.overdueReview', { ...names(type), applicant: maskName(applicantName), dueDay }),
  mustVisit: (headName: string, kind: MustVisitKind, deadlineDay: string) => text('relief.mustVisit', { head: maskName(headName), kind, deadlineDay }),
};

export type MustVisitKind = 'hardship' | 'accidentOrDisaster' | 'seriousIllness' | 'bereavement';
export const mustVisitKindWords: Record<MustVisitKind, [string, string]> = {
  hardship: ['生活困难', 'hardship'],
  accidentOrDisaster: ['遭遇意外或灾害', 'an accident or disaster'],
  seriousIllness: ['有人患重病', 'a serious illness'],
  bereavement: ['家中有人去世', 'a bereavement'],
};
