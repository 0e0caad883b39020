import { chinaMonth } from '../platform/chinaTime';
import { ledger, type FigureValues } from '../platform/figures';
import type { JobSeeker, Referral, Training, Vacancy } from './schemas';

/**
 * 就业援助's figures, in the shape of the seed reports ("累计登记城镇新增就业人员866人，215位城镇失业人员、102位就业困难
 * 人员实现再就业", "收集空岗92个", "参加各类职业培训174人"). Each is counted at its moment (a seeker registered, a vacancy
 * collected, a referral made, a placement recorded, a course held), in that change's transaction.
 * A hard-to-employ person placed counts as re-employed too (就业困难人员 are a part of 失业人员, as the statistics count them).
 */
export const employmentLedger = ledger({
  ledger: 'employment',
  zh: '就业援助',
  en: 'Employment assistance',
  figures: [
    { key: 'seekersRegistered', zh: '登记求职人员', en: 'Job seekers registered', measureZh: '人', unit: 'count' },
    { key: 'vacanciesCollected', zh: '收集空岗', en: 'Vacancies collected (places)', measureZh: '个', unit: 'count' },
    { key: 'referrals', zh: '推荐就业', en: 'Referrals', measureZh: '人次', unit: 'count' },
    { key: 'newJobs', zh: '城镇新增就业', en: 'New jobs', measureZh: '人', unit: 'count' },
    { key: 'reEmployed', zh: '失业人员再就业', en: 'Unemployed people re-employed', measureZh: '人', unit: 'count' },
    { key: 'hardToEmployReEmployed', zh: '就业困难人员再就业', en: 'Hard-to-employ people re-employed', measureZh: '人', unit: 'count' },
    { key: 'trained', zh: '职业培训', en: 'People trained', measureZh: '人', unit: 'count' },
  ],
  sentences(v: FigureValues, period) {
    const n = (k: string) => v[k] ?? 0;
    return {
      zh:
        `${period.zh}登记城镇新增就业人员${n('newJobs')}人，${n('reEmployed')}位城镇失业人员、${n('hardToEmployReEmployed')}位就业困难人员实现再就业；` +
        `登记求职人员${n('seekersRegistered')}人，收集空岗${n('vacanciesCollected')}个，推荐就业${n('referrals')}人次，组织职业培训${n('trained')}人。`,
      en:
        `${period.en}: ${n('newJobs')} people into new jobs; ${n('reEmployed')} unemployed people and ${n('hardToEmployReEmployed')} hard-to-employ people re-employed; ` +
        `${n('seekersRegistered')} job seekers registered, ${n('vacanciesCollected')} vacancies collected, ${n('referrals')} referrals, ${n('trained')} people trained.`,
    };
  },
  recordsPage: '/packages/employment/board/index',
});

/** What one placement counts as, from the seeker's category (data: shared/employment/schemas.ts). */
export function placementCounts(p: { newJob: boolean; reEmployed: boolean; hardToEmployReEmployed: boolean }): Record<string, number> {
  return { newJobs: p.newJob ? 1 : 0, reEmployed: p.reEmployed ? 1 : 0, hardToEmployReEmployed: p.hardToEmployReEmployed ? 1 : 0 };
}

export interface EmploymentRecords {
  seekers: readonly Pick<JobSeeker, 'registeredAt' | 'placement'>[];
  vacancies: readonly Pick<Vacancy, 'collectedAt' | 'count'>[];
  referrals: readonly Pick<Referral, 'referredAt'>[];
  trainings: readonly Pick<Training, 'heldOn' | 'people'>[];
}

/** The figures rebuilt from a community's records, by China month: what the counters must equal (the recount test). */
export function recountEmployment(r: EmploymentRecords): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const add = (month: string, deltas: Record<string, number>) => {
    const m = (out[month] ??= {});
    for (const [k, d] of Object.entries(deltas)) if (d) m[k] = (m[k] ?? 0) + d;
  };
  for (const s of r.seekers) {
    add(chinaMonth(s.registeredAt), { seekersRegistered: 1 });
    if (s.placement) add(chinaMonth(s.placement.placedAt), placementCounts(s.placement));
  }
  for (const v of r.vacancies) add(chinaMonth(v.collectedAt), { vacanciesCollected: v.count });
  for (const x of r.referrals) add(chinaMonth(x.referredAt), { referrals: 1 });
  for (const t of r.trainings) add(t.heldOn.slice(0, 7), { trained: t.people });
  return out;
}
