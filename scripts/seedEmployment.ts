/**
 * Seed data for employment assistance (issue 12): for each community, month by month from January 2026 to the month
 * before `now`, job seekers registered with consent, vacancies collected from local employers, referrals and their
 * outcomes, a few self-found placements, and a training course a month — so the work summary of the first half-year
 * has its employment figures (新增就业, 再就业, 就业困难人员再就业, 收集空岗, 培训) and the worker's board has records.
 *
 * Everything goes through the real handlers (`call`, in-process) with the clock moved to when it happened, so every
 * counter is added as the app adds it. A marker item is written last: when it is there, the run does nothing.
 */
import type { Deps } from '../functions/platform/context';
import { chinaDay, chinaInstant, addMonths, chinaMonth, lastDayOfMonth } from '../shared/platform/chinaTime';
import { rng } from './seedRandom';

const DAY = 86_400_000;

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface EmploymentSeedSummary {
  seekers: number;
  vacancies: number;
  referrals: number;
  placed: number;
  trainings: number;
  skipped: number;
}

const marker = { pk: 'SEED#employment', sk: 'DONE' };
const workers: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐'.split('');
const given = ['建国', '秀英', '志强', '丽娟', '海燕', '卫东', '玉兰', '国庆', '春梅', '小军', '静', '磊', '芳', '勇', '婷婷', '晓东', '红霞', '立新', '桂芳', '德明'];
const categories: [string, number][] = [['unemployed', 0.42], ['hardToEmploy', 0.2], ['graduate', 0.18], ['migrantWorker', 0.1], ['veteran', 0.04], ['other', 0.06]];
const wants = ['保洁、绿化', '物业保安', '超市理货、收银', '家政服务', '餐饮服务', '快递分拣', '仓库管理', '会计、文员', '电工、水电维修', '养老护理'];
const employers: [string, string, number, number][] = [
  ['鑫源物业服务有限公司', '保洁员', 2600, 3200],
  ['鑫源物业服务有限公司', '秩序维护员', 3200, 3800],
  ['华联超市（幸福路店）', '理货员', 3000, 3600],
  ['顺达快递分拨中心', '分拣员', 4000, 5500],
  ['康乐居家养老服务中心', '养老护理员', 3800, 4800],
  ['好邻居家政服务社', '家政服务员', 3500, 5000],
  ['味美餐饮管理公司', '后厨帮工', 3000, 3800],
  ['市政园林绿化队', '绿化养护工', 2800, 3300],
  ['社区公益性岗位', '社区协管员', 2500, 2500],
];
const courses = ['家政服务员培训', '养老护理员培训', '电子商务与直播带货', '育婴员培训', '中式面点培训', '电工上岗培训', '创业意识培训（SYB）'];

export async function seedEmployment(opts: {
  deps: Deps;
  now: Date;
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  log?: (line: string) => void;
}): Promise<EmploymentSeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const summary: EmploymentSeedSummary = { seekers: 0, vacancies: 0, referrals: 0, placed: 0, trainings: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('employment: already seeded');
    return summary;
  }
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown): Promise<any> {
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - 60_000)), body, { 'idempotency-key': `seed-emp-${(++n).toString(36).padStart(5, '0')}` });
    if (res.status >= 300) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const lastMonth = addMonths(chinaMonth(now), -1);
  // the communities one beside the other (each its own partition and counters): the seed's time is one community's
  await Promise.all(Object.entries(workers).map(async ([communityId, worker]) => {
    const r = rng(`employment-${communityId}`);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const category = () => {
      let x = r();
      for (const [c, w] of categories) if ((x -= w) < 0) return c;
      return 'other';
    };
    /** an instant on a day of the month, in office hours, never after now */
    const at = (month: string, day: number, hour = 9 + Math.floor(r() * 8)) => {
      const d = Math.min(day, Number(lastDayOfMonth(month).slice(8)));
      const t = chinaInstant(`${month}-${String(d).padStart(2, '0')}`, `${String(hour).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`);
      return t.getTime() > now.getTime() - DAY ? new Date(now.getTime() - DAY) : t;
    };
    const seeking: { id: string; at: number }[] = [];
    for (let month = '2026-01'; month <= lastMonth; month = addMonths(month, 1)) {
      // seekers registered this month
      // fewer after the half-year the summary is about
      const k = month <= '2026-06' ? 3 + Math.floor(r() * 4) : 2 + Math.floor(r() * 2);
      for (let i = 0; i < k; i++) {
        const t = at(month, 1 + Math.floor(r() * 27));
        const s = await as(worker, t, 'POST', '/employment/seekers', {
          communityId,
          name: `${pick(surnames)}${pick(given)}`,
          category: category(),
          wants: pick(wants),
          consent: { given: true, method: r() < 0.7 ? 'signedForm' : 'inPerson' },
        });
        seeking.push({ id: s.id, at: t.getTime() });
        summary.seekers++;
      }
      // vacancies collected early in the month, open to the end of the next
      const vacancies: { id: string; left: number; at: number }[] = [];
      for (let i = 0, m = month <= '2026-06' ? 2 : 1; i < m; i++) {
        const [employer, post, payMin, payMax] = pick(employers);
        const t = at(month, 2 + Math.floor(r() * 8));
        const count = 1 + Math.floor(r() * 4);
        const v = await as(worker, t, 'POST', '/employment/vacancies', { communityId, employer, post, count, payMin, payMax, until: lastDayOfMonth(addMonths(month, 1)) });
        vacancies.push({ id: v.id, left: count, at: t.getTime() });
        summary.vacancies++;
      }
      // referrals of seekers registered before, mid-month; outcomes a week or two later
      for (const v of vacancies) {
        while (v.left > 0 && seeking.length && r() < 0.85) {
          const idx = seeking.findIndex((s) => s.at < v.at);
          if (idx < 0) break;
          const s = seeking.splice(idx, 1)[0]!;
          const t = at(month, 12 + Math.floor(r() * 6));
          const ref = await as(worker, t, 'POST', '/employment/referrals', { communityId, seekerId: s.id, vacancyId: v.id });
          summary.referrals++;
          const placed = r() < 0.65;
          const decidedAt = new Date(Math.min(t.getTime() + (5 + Math.floor(r() * 10)) * DAY, now.getTime() - DAY));
          await as(worker, decidedAt, 'POST', `/communities/${communityId}/employment/referrals/${ref.id}/outcome`, { outcome: placed ? 'placed' : 'notPlaced', ...(placed ? {} : { note: pick(['薪资不符合预期', '通勤距离远', '用人单位已招满', '本人放弃']) }) });
          if (placed) {
            v.left--;
            summary.placed++;
          } else seeking.push(s);
        }
      }
      // a few find work themselves (灵活就业)
      for (let i = 0, m = Math.floor(r() * 3); i < m && seeking.length; i++) {
        const s = seeking.splice(Math.floor(r() * seeking.length), 1)[0]!;
        const t = at(month, 20 + Math.floor(r() * 8));
        if (t.getTime() <= s.at) continue;
        await as(worker, t, 'POST', `/communities/${communityId}/employment/seekers/${s.id}/placement`, { employer: pick(['个体经营', '网约车平台', '外卖平台', '亲友介绍企业']), post: pick(['灵活就业', '配送员', '驾驶员', '店员']) });
        summary.placed++;
      }
      // a training course a month
      if (month > '2026-06' && r() < 0.5) continue;
      const held = `${month}-${String(15 + Math.floor(r() * 10)).padStart(2, '0')}`;
      if (held <= chinaDay(now)) {
        await as(worker, at(month, Number(held.slice(8)) + 1), 'POST', '/employment/trainings', { communityId, course: pick(courses), people: 8 + Math.floor(r() * 20), heldOn: held });
        summary.trainings++;
      }
    }
  }));
  await deps.db.put({ ...marker, at: now.toISOString() });
  opts.log?.(`employment: ${summary.seekers} seekers, ${summary.vacancies} vacancies, ${summary.referrals} referrals, ${summary.placed} placed, ${summary.trainings} trainings`);
  return summary;
}
