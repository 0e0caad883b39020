import { maskName } from '../platform/masking';
import type { ReliefType } from './schemas';
import { reliefTypes } from './types';

/**
 * What relief tells people, in Chinese and English. Pure. The inbox item is written in Chinese (the inbox keeps one
 * text, as the other capabilities' notifications do); the English is here for the same message table the mini-program
 * switches on. Names of applicants are masked: a subscribe message leaves the app.
 */
export type ReliefNoticeKind = 'newWork' | 'infoRequested' | 'communityApproved' | 'approved' | 'rejected' | 'mustVisit' | 'overdueReview';
export interface NoticeText {
  zh: { title: string; body: string };
  en: { title: string; body: string };
}

const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const cut = (s: string, n = 40) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

export const reliefNotices = {
  /** to the community's workers (submitted) or the sub-district's officers (approved by the community) */
  newWork: (type: ReliefType, applicantName: string, level: 'community' | 'subdistrict'): NoticeText => {
    const t = reliefTypes[type];
    const who = maskName(applicantName);
    return level === 'community'
      ? {
          zh: { title: '有新的救助申请待审核', body: `${who}的${t.nameZh}申请已提交，请及时审核` },
          en: { title: 'A relief application awaits review', body: `${who}'s ${t.nameEn} application was submitted` },
        }
      : {
          zh: { title: '有社区初审通过的申请待审批', body: `${who}的${t.nameZh}申请已通过社区初审，请街道审批` },
          en: { title: 'An application awaits the sub-district', body: `${who}'s ${t.nameEn} application passed the community review` },
        };
  },
  infoRequested: (type: ReliefType, note: string): NoticeText => ({
    zh: { title: '申请需要补充材料', body: `您的${reliefTypes[type].nameZh}申请需要补充：${cut(note)}` },
    en: { title: 'More information needed', body: `Your ${reliefTypes[type].nameEn} application needs: ${cut(note)}` },
  }),
  communityApproved: (type: ReliefType): NoticeText => ({
    zh: { title: '申请已通过社区初审', body: `您的${reliefTypes[type].nameZh}申请已通过社区初审，等待街道审批` },
    en: { title: 'Passed the community review', body: `Your ${reliefTypes[type].nameEn} application now awaits the sub-district` },
  }),
  approved: (type: ReliefType, amount: number | undefined): NoticeText => {
    const t = reliefTypes[type];
    const zhAmount = amount === undefined ? '' : t.recurring ? `，每月${yuan(amount)}元` : `，金额${yuan(amount)}元`;
    const enAmount = amount === undefined ? '' : t.recurring ? `: ¥${yuan(amount)} a month` : `: ¥${yuan(amount)}`;
    return {
      zh: { title: '申请已批准', body: `您的${t.nameZh}申请已批准${zhAmount}` },
      en: { title: 'Application approved', body: `Your ${t.nameEn} application was approved${enAmount}` },
    };
  },
  rejected: (type: ReliefType, reason: string): NoticeText => ({
    zh: { title: '申请未获批准', body: `您的${reliefTypes[type].nameZh}申请未获批准：${cut(reason)}` },
    en: { title: 'Application not approved', body: `Your ${reliefTypes[type].nameEn} application was not approved: ${cut(reason)}` },
  }),
  /** to the next level up (the sub-district's officers) when the community's review passed its deadline (escalateOverdueReviews) */
  overdueReview: (type: ReliefType, applicantName: string, dueDay: string): NoticeText => {
    const t = reliefTypes[type];
    const who = maskName(applicantName);
    return {
      zh: { title: '有救助申请社区审核超期', body: `${who}的${t.nameZh}申请社区审核已超过期限（${dueDay}），请督办` },
      en: { title: 'A community review is overdue', body: `${who}'s ${t.nameEn} application passed the community's deadline (${dueDay}): please follow up` },
    };
  },
  mustVisit: (headName: string, kindZh: string, kindEn: string, deadlineDay: string): NoticeText => ({
    zh: { title: '有一户需要走访', body: `${maskName(headName)}家${kindZh}，请在${deadlineDay}前走访` },
    en: { title: 'A household to visit', body: `${maskName(headName)}'s household: ${kindEn}; visit by ${deadlineDay}` },
  }),
};

export const mustVisitKindWords: Record<'hardship' | 'accidentOrDisaster' | 'seriousIllness' | 'bereavement', [string, string]> = {
  hardship: ['生活困难', 'hardship'],
  accidentOrDisaster: ['遭遇意外或灾害', 'an accident or disaster'],
  seriousIllness: ['有人患重病', 'a serious illness'],
  bereavement: ['家中有人去世', 'a bereavement'],
};
