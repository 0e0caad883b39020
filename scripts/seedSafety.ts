/**
 * Seed data for the safety and street-front ledgers (issue 12): for each community, from January 2026 to the month
 * before `now`, its register of sites (a school, a market, a supermarket, an enterprise, the compounds ...) inspected
 * once a month by the grid worker of their grid; the hazards found, most rectified by their deadline on re-inspection
 * with a photo, some late after a "not yet" and a new deadline, the newest still open (some of them overdue); its
 * street-front shops with this year's agreements (most signed in the spring round) and a few of last year's entered
 * from paper in January (counted apart, as late agreements); a few illegal buildings reported on patrol, passed to the
 * enforcement bureau and closed with the bureau's outcome. The first half-year's signing rate comes out about 90%.
 *
 * Everything goes through the real handlers (`call`, in-process) with the clock moved to when it happened, so every
 * counter is added as the app adds it. A marker item is written last: when it is there, the run does nothing.
 */
import type { Deps } from '../functions/platform/context';
import { countShopsDue } from '../functions/safety/jobs';
import { startOfChinaYear } from '../shared/safety/figures';
import { addDays, addMonths, chinaDay, chinaInstant, chinaMonth, lastDayOfMonth } from '../shared/platform/chinaTime';
import { checklistOf, type SiteType } from '../shared/safety/siteTypes';
import { rng } from './seedRandom';

const DAY = 86_400_000;

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface SafetySeedSummary {
  sites: number;
  inspections: number;
  hazards: number;
  rectified: number;
  shops: number;
  agreements: number;
  reports: number;
  skipped: number;
}

const marker = { pk: 'SEED#safety', sk: 'DONE' };
const workers: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };
const gridWorkers: Record<string, string[]> = { 'c-heping': ['grid-chen', 'grid-he'], 'c-jinlvzhou': ['grid-lin', 'grid-guo'], 'c-yuanxin': ['grid-ma', 'grid-luo'] };

/** each community's register: [type, name, address] */
const registers: Record<string, [SiteType, string, string][]> = {
  'c-heping': [
    ['school', '和平路小学', '和平路 2 号'],
    ['market', '和平农贸市场', '和平路 66 号'],
    ['supermarket', '华联超市（和平店）', '和平路 101 号'],
    ['petrolStation', '中石化和平路加油站', '和平路 300 号'],
    ['residentialCompound', '和平里小区', '和平路 18 号'],
    ['residentialCompound', '东方花园', '东风街 9 号'],
    ['entertainment', '星光 KTV', '东风街 31 号'],
  ],
  'c-jinlvzhou': [
    ['school', '金绿洲幼儿园', '绿洲路 5 号'],
    ['enterprise', '恒达包装材料厂', '工业园 3 号'],
    ['supermarket', '永辉超市（绿洲店）', '绿洲路 88 号'],
    ['market', '绿洲便民市场', '绿洲路 120 号'],
    ['residentialCompound', '金绿洲一期', '绿洲路 10 号'],
    ['residentialCompound', '金绿洲二期', '绿洲路 12 号'],
    ['enterprise', '顺达快递分拨中心', '工业园 11 号'],
  ],
  'c-yuanxin': [
    ['school', '园新中学', '园新路 1 号'],
    ['petrolStation', '中石油园新加油站', '园新路 210 号'],
    ['market', '园新集贸市场', '园新路 45 号'],
    ['entertainment', '乐享网咖', '园新路 77 号'],
    ['residentialCompound', '园新小区', '园新路 20 号'],
    ['supermarket', '家家乐超市', '园新路 60 号'],
  ],
};

/** what an inspector writes when an item is not right */
const notes: Record<string, string[]> = {
  exitsClear: ['安全出口堆放纸箱', '消防通道被电动车占用', '疏散楼梯间门上锁'],
  extinguishersValid: ['两具灭火器压力不足', '灭火器已过检验期', '灭火器配置数量不足'],
  emergencyLights: ['应急照明灯不亮', '疏散指示标志损坏'],
  wiringSafe: ['仓库内私拉电线', '插线板串接使用', '配电箱未上锁且线路老化'],
  noFlame: ['便利店内有人吸烟', '禁烟标识褪色不清'],
  staticGrounding: ['卸油区静电接地夹损坏'],
  tankLeak: ['加油机底部有渗油痕迹'],
  gateGuard: ['午间校门保安离岗', '一键报警装置无法接通'],
  canteenHygiene: ['食品留样记录不全', '从业人员健康证过期'],
  drillRecords: ['本学期未开展疏散演练'],
  gasCylinders: ['液化气瓶露天存放', '气瓶未设防倾倒链'],
  aislesClear: ['摊位外溢占用通道', '货架间通道宽度不足'],
  hazmatStorage: ['油漆稀料与杂物混放', '危化品台账未更新'],
  machineGuards: ['切纸机防护罩缺失'],
  safetyTraining: ['新入职员工未参加安全培训'],
  coldChain: ['冷柜温度显示异常'],
  occupancyLimit: ['周末晚间超核定人数经营'],
  decorMaterials: ['包间新装软包未提供防火检测报告'],
  nightDuty: ['凌晨值班人员不在岗'],
  hydrants: ['3 号楼消火栓无水', '室外消火栓被圈占'],
  ebikeCharging: ['楼道内电动车飞线充电', '单元门厅停放电动车'],
  corridorsClear: ['楼道堆放旧家具', '楼梯间堆放纸板杂物'],
};

const shopKinds = ['面馆', '五金店', '便利店', '水果店', '理发店', '药房', '早餐店', '干洗店', '烟酒店', '花店', '文具店', '包子铺', '修车铺', '眼镜店', '快餐店', '粮油店', '超市', '奶茶店', '鞋店', '茶叶店', '手机维修', '烧烤店', '母婴店', '宠物店', '饺子馆', '蛋糕店'];
const shopNames = '鑫兴福顺佳隆旺盛和美康乐惠丰源宏泰华'.split('');
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐'.split('');
const streets: Record<string, string> = { 'c-heping': '和平路', 'c-jinlvzhou': '绿洲路', 'c-yuanxin': '园新路' };

const reportPlaces = ['楼顶', '一楼院内', '小区绿地', '沿街店面后院', '车库顶'];
const reportWhat = ['新搭建彩钢板房', '私自扩建阳光房', '砌筑围墙圈占绿地', '加盖简易棚', '违规搭建储物间'];

export async function seedSafety(opts: {
  deps: Deps;
  now: Date;
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  /** openid → userId: photos are the taker's own uploads */
  userIdOf: (openid: string) => string;
  log?: (line: string) => void;
}): Promise<SafetySeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const summary: SafetySeedSummary = { sites: 0, inspections: 0, hazards: 0, rectified: 0, shops: 0, agreements: 0, reports: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('safety: already seeded');
    return summary;
  }
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown): Promise<any> {
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - 60_000)), body, { 'idempotency-key': `seed-sf-${(++n).toString(36).padStart(5, '0')}` });
    if (res.status >= 300) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  let p = 0;
  const photo = (openid: string) => `uploads/${opts.userIdOf(openid)}/safety-${(++p).toString(36).padStart(4, '0')}.jpg`;
  const lastMonth = addMonths(chinaMonth(now), -1);
  const latest = now.getTime() - DAY;
  const done = (t: number) => t <= latest;

  // the yearly run of shops due, as scheduled at 00:00 on 1 January 2026: the registers are built later in January, so
  // it adds nothing (each shop counts itself when registered), and it leaves its markers as in production
  const newYear = startOfChinaYear(2026);
  if (done(newYear.getTime())) await countShopsDue({ ...deps, clock: { now: () => newYear } }, { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} });

  // the communities one beside the other (each its own partition and counters)
  await Promise.all(Object.entries(workers).map(async ([communityId, worker]) => {
    const r = rng(`safety-${communityId}`);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const grids = gridWorkers[communityId]!;
    /** an instant on a day of a month, in office hours */
    const at = (month: string, day: number, hour = 9 + Math.floor(r() * 8)) => {
      const d = Math.min(day, Number(lastDayOfMonth(month).slice(8)));
      return chinaInstant(`${month}-${String(d).padStart(2, '0')}`, `${String(hour).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`);
    };

    // the register of sites, entered in January (the entertainment venue opened in April)
    const sites: { id: string; type: SiteType; inspector: string; from: string }[] = [];
    for (const [i, [type, name, address]] of registers[communityId]!.entries()) {
      const month = type === 'entertainment' ? '2026-04' : '2026-01';
      const site = await as(worker, at(month, 5 + i), 'POST', `/communities/${communityId}/sites`, { type, name, address });
      sites.push({ id: site.id, type, inspector: grids[i % grids.length]!, from: addMonths(month, month === '2026-01' ? 0 : 1) });
      summary.sites++;
    }

    // monthly inspections; each hazard followed up as it happened
    for (const site of sites) {
      for (let month = site.from; month <= lastMonth; month = addMonths(month, 1)) {
        const when = at(month, 18 + Math.floor(r() * 8));
        if (!done(when.getTime())) continue;
        const checklist = checklistOf(site.type);
        const x = r();
        const k = x < 0.06 ? 2 : x < 0.3 ? 1 : 0;
        const faulty = new Set<string>();
        while (faulty.size < k) faulty.add(pick(checklist).id);
        const results = checklist.map((c) => (faulty.has(c.id) ? { itemId: c.id, ok: false, note: pick(notes[c.id] ?? ['不符合要求']), ...(r() < 0.7 ? { photo: photo(site.inspector) } : {}) } : { itemId: c.id, ok: true }));
        const inspected = await as(site.inspector, when, 'POST', `/sites/${site.id}/inspections`, { results });
        summary.inspections++;
        for (const hazard of inspected.hazards as { id: string; itemId: string; deadline: string }[]) {
          summary.hazards++;
          const days = checklist.find((c) => c.id === hazard.itemId)!.deadlineDays;
          const y = r();
          const reinspect = (d: number) => new Date(when.getTime() + d * DAY + Math.floor(r() * 3) * 3_600_000);
          if (y < 0.78) {
            // rectified by the deadline
            const t = reinspect(1 + Math.floor(r() * days));
            if (!done(t.getTime())) continue;
            await as(site.inspector, t, 'POST', `/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', note: '复查已整改到位', photos: [photo(site.inspector)], version: 0 });
            summary.rectified++;
          } else if (y < 0.93) {
            // not yet on the deadline day: a week more, then rectified late
            const t1 = reinspect(days);
            if (!done(t1.getTime())) continue;
            await as(site.inspector, t1, 'POST', `/safety-cases/${hazard.id}/steps`, { action: 'reinspectNotYet', note: '整改材料未到位，责令限期完成', deadline: addDays(chinaDay(t1), 7), version: 0 });
            const t2 = reinspect(days + 2 + Math.floor(r() * 5));
            if (!done(t2.getTime())) continue;
            await as(site.inspector, t2, 'POST', `/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', note: '复查已整改', photos: [photo(site.inspector)], version: 1 });
            summary.rectified++;
          }
          // else: not rectified yet (open; overdue once its deadline has passed)
        }
      }
    }

    // street-front shops, registered in January; a couple opened later in the year
    const street = streets[communityId]!;
    const count = 22 + Math.floor(r() * 5);
    const shops: { id: string; late: boolean; registeredAt: number }[] = [];
    const kinds = [...shopKinds].sort(() => r() - 0.5);
    for (let i = 0; i < count + 2; i++) {
      const late = i >= count;
      const t = late ? at(i === count ? '2026-07' : '2026-09', 8 + Math.floor(r() * 15)) : at('2026-01', 6 + Math.floor(i / 3));
      if (!done(t.getTime())) continue;
      const name = `${r() < 0.5 ? pick(surnames) + '记' : pick(shopNames) + pick(shopNames)}${kinds[i % kinds.length]}`;
      const shop = await as(worker, t, 'POST', `/communities/${communityId}/shops`, { name, address: `${street} ${20 + i * 2} 号`, owner: `${pick(surnames)}${pick(['建国', '秀英', '桂芳', '德明', '红霞', '立新', '海燕', '卫东'])}` });
      shops.push({ id: shop.id, late, registeredAt: t.getTime() });
      summary.shops++;
    }
    // this year's round and last year's, by shares of the January register (shuffled), so the first half-year's
    // signing rate (this year's agreements over the shops due) is about 90% whatever the draws: this year's signed by
    // the grid workers in March to May (nine tenths), stragglers in the summer and autumn (a twentieth), the rest still
    // unsigned; last year's agreements of a tenth entered from the paper ones in late January (late agreements, apart
    // from the rate); the shops opened later sign within weeks
    const registered = shops.filter((s) => !s.late);
    const shuffled = (xs: typeof shops) => xs.map((s) => ({ s, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.s);
    for (const shop of shuffled(registered).slice(0, Math.round(registered.length / 10))) {
      await as(worker, at('2026-01', 26 + Math.floor(r() * 4)), 'POST', `/shops/${shop.id}/agreements`, { year: 2025, signedOn: `2025-12-${String(10 + Math.floor(r() * 15)).padStart(2, '0')}` });
      summary.agreements++;
    }
    const round = shuffled(registered);
    const spring = Math.round(registered.length * 0.9);
    const later = Math.round(registered.length * 0.95);
    for (const [i, shop] of [...round.slice(0, later), ...shops.filter((s) => s.late)].entries()) {
      const month = shop.late ? chinaMonth(new Date(shop.registeredAt + 10 * DAY)) : i < spring ? pick(['2026-03', '2026-04', '2026-05']) : pick(['2026-07', '2026-08', '2026-10']);
      const t = at(month, 3 + Math.floor(r() * 24));
      if (!done(t.getTime()) || t.getTime() < shop.registeredAt) continue;
      const by = grids[i % grids.length]!;
      await as(by, t, 'POST', `/shops/${shop.id}/agreements`, { year: 2026, signedOn: chinaDay(new Date(t.getTime() - Math.floor(r() * 3) * DAY)), ...(r() < 0.6 ? { photo: photo(by) } : {}) });
      summary.agreements++;
    }

    // illegal buildings found on patrol: passed on within days, the bureau's outcome weeks later
    const reportMonths = ['2026-02', '2026-04', '2026-05', '2026-08', lastMonth].filter((m, i, all) => all.indexOf(m) === i);
    for (const [i, month] of reportMonths.entries()) {
      const by = grids[i % grids.length]!;
      const t = at(month, 4 + Math.floor(r() * 20));
      if (!done(t.getTime())) continue;
      const c = await as(by, t, 'POST', `/communities/${communityId}/illegal-buildings`, {
        place: `${street} ${10 + Math.floor(r() * 200)} 号${pick(reportPlaces)}`,
        description: `${pick(reportWhat)}，约 ${10 + Math.floor(r() * 30)} 平方米，现场已劝阻`,
        photos: [photo(by), photo(by)],
      });
      summary.reports++;
      const passed = new Date(t.getTime() + (1 + Math.floor(r() * 3)) * DAY);
      if (!done(passed.getTime())) continue;
      await as(worker, passed, 'POST', `/safety-cases/${c.id}/steps`, { action: 'passOn', note: '已移交区城管执法局', version: 0 });
      const closed = new Date(passed.getTime() + (12 + Math.floor(r() * 30)) * DAY);
      if (!done(closed.getTime())) continue;
      const outcome = i === 2 ? 'notIllegal' : r() < 0.65 ? 'demolished' : 'corrected';
      await as(worker, closed, 'POST', `/safety-cases/${c.id}/steps`, { action: 'recordOutcome', outcome, note: outcome === 'notIllegal' ? '执法局核查：已办理规划许可' : '执法局反馈已处理完毕', version: 1 });
    }
  }));
  await deps.db.put({ ...marker, at: now.toISOString() });
  opts.log?.(`safety: ${summary.sites} sites, ${summary.inspections} inspections, ${summary.hazards} hazards (${summary.rectified} rectified), ${summary.shops} shops, ${summary.agreements} agreements, ${summary.reports} illegal-building reports`);
  return summary;
}
