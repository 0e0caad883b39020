/**
 * Seed data for micro-projects (惠民项目 / 自治金, issue 12): for each community a dozen or so projects proposed from its
 * say-it day matters (and one from a council resolution), most of them approved by the sub-district officer between
 * January and June 2026, spending entered with receipts, most done by the summer; a few more from July on, one
 * turned down and one still waiting — so the first half-year reads like the seed reports ("实施惠民项目40个/22.4172万元")
 * and residents find their community's public accounts filled.
 *
 * Everything goes through the real handlers (`call`, in-process) with the clock moved to when it happened. A marker
 * item is written last: when it is there, the run does nothing.
 */
import type { Deps } from '../functions/platform/context';
import { addMonths, chinaDay, chinaInstant, chinaMonth } from '../shared/platform/chinaTime';
import { rng } from './seedRandom';

const DAY = 86_400_000;

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface MicroProjectsSeedSummary {
  projects: number;
  approved: number;
  spendings: number;
  done: number;
  skipped: number;
}

export interface SeedMatter {
  id: string;
  communityId: string;
  createdAt: string;
}

const marker = { pk: 'SEED#microProjects', sk: 'DONE' };
const workers: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };
const OFFICER = 'officer-huang';

/** [title, what is bought, budget in yuan (lowest, highest)] */
const kinds: [string, string, number, number][] = [
  ['楼道照明修复', '感应灯及安装', 1200, 3800],
  ['宣传栏更新', '宣传栏板材及制作', 2000, 6500],
  ['健身器材维修', '器材配件及维修', 1500, 5200],
  ['楼道扶手加装', '不锈钢扶手及安装', 3000, 9800],
  ['小区绿化补植', '苗木及人工', 2500, 8000],
  ['休闲座椅添置', '户外座椅', 1800, 4800],
  ['垃圾分类亭改造', '分类亭及标识', 4000, 12000],
  ['非机动车棚修缮', '雨棚及充电插座', 5000, 15000],
  ['老年活动室添置', '桌椅及棋牌用品', 1500, 4500],
  ['邻里节文体活动', '场地布置及奖品', 800, 3000],
  ['消防通道划线', '标线及警示牌', 900, 2600],
  ['雨水井清掏', '清掏作业', 1000, 3500],
  ['儿童游乐设施维修', '配件及安全地垫', 2200, 7600],
];

export async function seedMicroProjects(opts: {
  deps: Deps;
  now: Date;
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  matters: readonly SeedMatter[];
  /** openid → userId: receipts are the enterer's own uploads */
  userIdOf: (openid: string) => string;
  log?: (line: string) => void;
}): Promise<MicroProjectsSeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const summary: MicroProjectsSeedSummary = { projects: 0, approved: 0, spendings: 0, done: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('microProjects: already seeded');
    return summary;
  }
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown): Promise<any> {
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - 60_000)), body, { 'idempotency-key': `seed-mp-${(++n).toString(36).padStart(5, '0')}` });
    if (res.status >= 300) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const before = (t: number) => Math.min(t, now.getTime() - DAY);
  const lastMonth = addMonths(chinaMonth(now), -1);

  await Promise.all(Object.entries(workers).map(async ([communityId, worker]) => {
    const r = rng(`microProjects-${communityId}`);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const theirs = opts.matters.filter((m) => m.communityId === communityId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const councils = (await as(worker, new Date(now.getTime() - DAY), 'GET', `/communities/${communityId}/councils`)).items ?? [];
    const resolution = councils.flatMap((c: { id: string; resolutions: { id: string }[] }) => c.resolutions.map((x) => ({ councilId: c.id, resolutionId: x.id })))[0];
    // 13–14 projects a community in the half-year (about 40 in the sub-district), 2–3 a month after it
    const plan: string[] = [];
    for (let month = '2026-01'; month <= lastMonth; month = addMonths(month, 1)) {
      const k = month <= '2026-06' ? 2 + (r() < 0.3 ? 1 : 0) : r() < 0.6 ? 1 : 0;
      for (let i = 0; i < k; i++) plan.push(month);
    }
    for (const [i, month] of plan.entries()) {
      const proposedAt = chinaInstant(`${month}-${String(2 + Math.floor(r() * 10)).padStart(2, '0')}`, '10:00');
      if (proposedAt.getTime() > now.getTime() - 3 * DAY) continue;
      const matter = [...theirs].reverse().find((m) => Date.parse(m.createdAt) < proposedAt.getTime());
      const source = i === 3 && resolution ? { kind: 'resolution', ...resolution } : matter ? { kind: 'matter', matterId: matter.id } : undefined;
      if (!source) continue;
      const [title, item, lo, hi] = kinds[i % kinds.length]!;
      const budgetFen = Math.round((lo + r() * (hi - lo)) * 100);
      const p = await as(worker, proposedAt, 'POST', '/micro-projects', { communityId, title, description: `居民在说事会上反映，社区两委研究后提出：${item}，由社区自治金列支。`, budgetFen, source });
      summary.projects++;
      const waiting = month === lastMonth && i === plan.length - 1;
      if (waiting) continue; // the newest stays with the officer
      const decidedAt = new Date(before(proposedAt.getTime() + (2 + Math.floor(r() * 5)) * DAY));
      if (i === 5) {
        await as(OFFICER, decidedAt, 'POST', `/communities/${communityId}/micro-projects/${p.id}/decision`, { approve: false, reason: '已列入区级老旧小区改造计划，不再重复立项', version: p.version });
        continue;
      }
      const ok = await as(OFFICER, decidedAt, 'POST', `/communities/${communityId}/micro-projects/${p.id}/decision`, { approve: true, version: p.version });
      summary.approved++;
      const startedAt = new Date(before(decidedAt.getTime() + 2 * DAY));
      const started = await as(worker, startedAt, 'POST', `/communities/${communityId}/micro-projects/${p.id}/status`, { status: 'inProgress', version: ok.version });
      // one or two spending entries, about 85–100% of the budget in all
      const parts = r() < 0.5 ? [1] : [0.6, 0.4];
      const share = 0.85 + r() * 0.15;
      let spent = 0;
      for (const [j, part] of parts.entries()) {
        const amountFen = j === parts.length - 1 ? Math.floor(budgetFen * share) - spent : Math.floor(budgetFen * share * part);
        const at = new Date(before(startedAt.getTime() + (3 + j * 7 + Math.floor(r() * 4)) * DAY));
        await as(worker, at, 'POST', `/communities/${communityId}/micro-projects/${p.id}/spending`, {
          amountFen,
          item: j === 0 ? item : '尾款及验收',
          spentOn: chinaDay(at),
          receipts: [`uploads/${opts.userIdOf(worker)}/receipt-${p.id.slice(-6)}-${j + 1}.jpg`],
        });
        spent += amountFen;
        summary.spendings++;
      }
      const doneAt = startedAt.getTime() + (20 + Math.floor(r() * 25)) * DAY;
      if (doneAt < now.getTime() - DAY) {
        await as(worker, new Date(doneAt), 'POST', `/communities/${communityId}/micro-projects/${p.id}/status`, { status: 'done', version: started.version });
        summary.done++;
      }
    }
  }));
  await deps.db.put({ ...marker, at: now.toISOString() });
  opts.log?.(`microProjects: ${summary.projects} projects, ${summary.approved} approved, ${summary.spendings} spending entries, ${summary.done} done`);
  return summary;
}
