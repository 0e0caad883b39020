/**
 * Seed data for the case engine (issue 12 item 1): a believable year to date of each community's casework, all through
 * the real handlers (`call`, in-process) with the clock moved to when it happened, so the counters are those the
 * commands keep:
 * - mediation (人民调解): one or two disputes a month a community (more in the first half-year), raised by the
 *   community worker who mediates them, with sessions, an outcome (mostly an agreement) and a follow-up two weeks later;
 * - city cases found on patrol by the grid workers or reported by residents, handled by the community worker, most in
 *   time, a few left open (the backlog the officer follows up in the autumn);
 * - 12345 hotline tickets imported from the city system's export every ten days (CSV), handled, replied to and rated.
 * A marker item is written last: when it is there, the run does nothing.
 */
import { handleAny } from '../functions/app';
import { drainWork } from '../functions/cases/jobs';
import { fixedClock } from '../functions/platform/clock';
import type { Deps } from '../functions/platform/context';
import { cityCaseKind } from '../shared/cases/kinds/cityCase';
import { mediationKind } from '../shared/cases/kinds/mediation';
import { addMonths, chinaDateTime, chinaInstant, lastDayOfMonth } from '../shared/platform/chinaTime';
import { rng } from './seedRandom';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface CasesSeedSummary {
  mediations: number;
  agreements: number;
  cityCases: number;
  hotline: number;
  handled: number;
  open: number;
  skipped: number;
}

const marker = { pk: 'SEED#cases', sk: 'DONE' };
const workers: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };
const gridWorkers: Record<string, [string, string][]> = {
  'c-heping': [['grid-chen', 'g-heping-1'], ['grid-he', 'g-heping-2']],
  'c-jinlvzhou': [['grid-lin', 'g-jinlvzhou-1'], ['grid-guo', 'g-jinlvzhou-2']],
  'c-yuanxin': [['grid-ma', 'g-yuanxin-1'], ['grid-luo', 'g-yuanxin-2']],
};
const streets: Record<string, string[]> = {
  'c-heping': ['和平路', '和平里小区', '铁路宿舍', '幸福路'],
  'c-jinlvzhou': ['金绿洲花园', '绿洲东路', '滨河步道', '金洲市场'],
  'c-yuanxin': ['元信家园', '元信路', '学府街', '元信农贸市场'],
};
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐'.split('');
const given = ['建国', '秀英', '志强', '丽娟', '海燕', '卫东', '玉兰', '国庆', '春梅', '小军', '德明', '红霞', '立新', '桂芳'];
const disputes: Record<string, string[]> = {
  neighbours: ['楼上漏水引发邻里纠纷', '楼道堆物引发邻里矛盾', '装修噪音扰邻', '宠物扰民纠纷'],
  family: ['赡养老人费用分担纠纷', '夫妻感情纠纷', '房产继承家庭纠纷'],
  property: ['物业费收缴纠纷', '车位占用纠纷', '电梯维修费分摊纠纷'],
  labour: ['装修工人工资拖欠', '保洁员工资争议'],
  damages: ['电动车碰撞赔偿纠纷', '高空坠物损坏车辆'],
  housing: ['违章搭建影响采光', '房屋租赁押金纠纷'],
  debt: ['邻里借款未还纠纷'],
  other: ['广场舞噪音纠纷'],
};
const cityTitles: Record<string, string> = Object.fromEntries(cityCaseKind.categories.map((c) => [c.code, c.zh]));

export async function seedCases(opts: {
  deps: Deps;
  now: Date;
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  log?: (line: string) => void;
}): Promise<CasesSeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const summary: CasesSeedSummary = { mediations: 0, agreements: 0, cityCases: 0, hotline: 0, handled: 0, open: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('cases: already seeded');
    return summary;
  }
  const rand = rng('cases');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown): Promise<any> {
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - 60_000)), body, { 'idempotency-key': `seed-case-${(++n).toString(36).padStart(5, '0')}` });
    if (res.status >= 300) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  // the seed's `call` sends no query string: lists with one go through the same handler here
  async function list(openid: string, at: Date, path: string): Promise<any> {
    const [rawPath, rawQuery = ''] = path.split('?');
    const res = await handleAny(
      {
        rawPath: rawPath!,
        rawQueryString: rawQuery,
        queryStringParameters: Object.fromEntries(new URLSearchParams(rawQuery)),
        headers: { authorization: `Bearer ${tokenFor(openid, new Date(at.getTime() - 60_000))}` },
        requestContext: { requestId: `seed-cases-list-${++n}`, http: { method: 'GET' } },
      },
      { ...deps, clock: fixedClock(at) },
    );
    if (res.statusCode >= 300) throw new Error(`seed: GET ${path} as ${openid} answered ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body!);
  }
  const past = (t: number) => t < now.getTime() - HOUR;
  const act = (openid: string, at: number, c: { id: string; version: number }, body: Record<string, unknown>) => as(openid, new Date(at), 'POST', `/cases/${c.id}/actions`, { ...body, version: c.version });
  const day = (t: number) => chinaDateTime(t).slice(0, 10);
  const hm = (h: number, m: string) => `${String(h).padStart(2, '0')}:${m}`;
  const person = () => `${pick(surnames)}${pick(given)}`;
  const phone = () => `13${between(0, 9)}${String(between(0, 99_999_999)).padStart(8, '0')}`;
  const firstMonth = '2026-01';
  const months: string[] = [];
  for (let m = firstMonth; chinaInstant(`${m}-01`).getTime() < now.getTime(); m = addMonths(m, 1)) months.push(m);

  for (const [communityId, worker] of Object.entries(workers)) {
    for (const month of months) {
      const firstHalf = month <= '2026-06';
      const lastDay = Number(lastDayOfMonth(month).slice(8));

      // mediation: raised by the community worker, who mediates it
      for (let i = between(firstHalf ? 2 : 1, firstHalf ? 4 : 2); i > 0; i--) {
        const t0 = chinaInstant(`${month}-${String(between(1, lastDay - 2)).padStart(2, '0')}`, hm(between(9, 16), pick(['00', '30']))).getTime();
        if (!past(t0)) continue;
        const category = pick(mediationKind.categories).code;
        let c = await as(worker, new Date(t0), 'POST', '/cases', {
          kind: 'mediation',
          communityId,
          category,
          title: pick(disputes[category] ?? ['邻里纠纷']),
          parties: [
            { role: 'applicant', name: person(), phone: phone() },
            { role: 'respondent', name: person(), phone: phone() },
          ],
          consent: true,
          place: { text: `${pick(streets[communityId]!)}${between(1, 30)}号` },
        });
        summary.mediations++;
        let t = t0 + between(1, 3) * DAY;
        for (let s = between(1, 3); s > 0 && past(t); s--) {
          c = await act(worker, t, c, { action: 'recordSession', on: day(t), note: pick(['双方到场陈述诉求，释法明理', '实地查看，听取邻居意见', '背对背调解，缩小分歧', '邀请律师参与，讲解相关法律']) });
          t += between(2, 6) * DAY;
        }
        if (c.state !== 'mediating' || !past(t)) continue;
        const agreed = rand() < 0.94;
        c = await act(worker, t, c, { action: 'conclude', outcome: agreed ? 'agreement' : 'noAgreement', note: agreed ? '双方自愿达成调解协议，当场履行' : '双方分歧较大，引导通过诉讼解决', followUpOn: day(t + 14 * DAY) });
        if (agreed) summary.agreements++;
        const back = t + between(12, 20) * DAY;
        if (agreed && past(back)) await act(worker, back, c, { action: 'followUp', on: day(back), note: '回访：协议已履行，双方关系缓和' });
      }

      // city cases: found on patrol by the grid workers, or reported by residents to the community
      for (let i = between(2, firstHalf ? 4 : 3); i > 0; i--) {
        const t0 = chinaInstant(`${month}-${String(between(1, lastDay)).padStart(2, '0')}`, hm(between(8, 17), pick(['05', '20', '40']))).getTime();
        if (!past(t0)) continue;
        const [grid, gridId] = pick(gridWorkers[communityId]!);
        const category = pick(cityCaseKind.categories).code;
        const byResident = rand() < 0.25;
        let c = await as(byResident ? worker : grid, new Date(t0), 'POST', '/cases', {
          kind: 'cityCase',
          communityId,
          gridId,
          category,
          title: `${pick(streets[communityId]!)}${cityTitles[category]}`,
          place: { text: `${pick(streets[communityId]!)}${between(1, 60)}号附近` },
          source: byResident ? 'resident' : 'patrol',
        });
        summary.cityCases++;
        const tHandle = t0 + (rand() < 0.9 ? between(3, 96) : between(130, 300)) * HOUR;
        // a few are left open: the backlog the officer follows up
        if (rand() < 0.06 || !past(tHandle)) {
          summary.open++;
          continue;
        }
        c = await act(worker, tHandle, c, { action: 'handle', outcome: pick(['resolved', 'resolved', 'resolved', 'referred']), note: pick(['已联系环卫清运', '已通知市政维修，现场修复', '已劝离并宣传相关规定', '已转城管执法中队处理']) });
        summary.handled++;
      }

      // hotline tickets: the city system's export every ten days, imported by the community worker
      for (const [from, to] of [[1, 10], [11, 20], [21, lastDay]] as const) {
        const importAt = chinaInstant(`${month}-${String(to).padStart(2, '0')}`, '18:00').getTime();
        if (!past(importAt)) continue;
        const tickets = between(0, 2);
        if (tickets === 0) continue;
        const rows = [['工单编号', '来源', '问题类别', '诉求内容', '地点', '受理时间', '办理时限']];
        for (let k = 0; k < tickets; k++) {
          const received = chinaInstant(`${month}-${String(between(from, to)).padStart(2, '0')}`, hm(between(8, 17), pick(['10', '25', '50']))).getTime();
          const category = pick(cityCaseKind.categories).code;
          const no = `${month.replace('-', '')}${communityId.slice(2, 4).toUpperCase()}${String(++n).padStart(5, '0')}`;
          rows.push([no, '12345', cityTitles[category]!, `市民反映${pick(streets[communityId]!)}${cityTitles[category]}`, `${pick(streets[communityId]!)}${between(1, 60)}号`, chinaDateTime(received), chinaDateTime(received + 15 * DAY)]);
        }
        const imp = await as(worker, new Date(importAt), 'POST', '/cases/imports', { format: 'csv', communityId, fileName: `12345-${month}-${to}.csv`, content: rows.map((r) => r.join(',')).join('\n') });
        for (let k = 0; k < 5 && (await drainWork(deps)).chunks > 0; k++);
        summary.hotline += imp.toWrite;
        const open = await list(worker, new Date(importAt + 60_000), `/communities/${communityId}/cases?kind=cityCase&only=open&limit=100&from=${month}&to=${month}`);
        for (const c0 of open.items.filter((x: { source: string; ticketNo?: string }) => x.source === 'hotline' && rows.some((r) => r[0] === x.ticketNo))) {
          let c = c0;
          const tHandle = importAt + between(2, 48) * HOUR;
          if (rand() < 0.04 || !past(tHandle + 2 * DAY)) {
            summary.open++;
            continue;
          }
          c = await act(worker, tHandle, c, { action: 'handle', outcome: pick(['resolved', 'resolved', 'explained', 'referred']), note: pick(['已现场处置', '已协调物业整改', '已向来电人解释相关政策', '已转区城管局处理']) });
          c = await act(worker, tHandle + 2 * HOUR, c, { action: 'reply', reply: '您反映的问题已处置完毕，感谢您对社区工作的支持' });
          const r = rand();
          await act(worker, tHandle + DAY, c, { action: 'rate', satisfaction: r < 0.86 ? 'satisfied' : r < 0.96 ? 'partly' : 'notSatisfied' });
          summary.handled++;
        }
      }
    }
  }

  // 积案督办: the officer follows up the cases still open after 30 days
  const followAt = now.getTime() - 2 * DAY;
  const backlog = await list('officer-huang', new Date(followAt), '/subdistricts/sd-xx/cases/backlog?kind=cityCase&limit=100');
  for (const c of backlog.items.filter((x: { backlog: boolean }) => x.backlog)) {
    await act('officer-huang', followAt + 60_000, c, { action: 'followUpBacklog', note: '积案督办：请社区本周内处置并反馈' });
  }

  await deps.db.put({ ...marker, at: now.toISOString(), ...summary });
  opts.log?.(
    `cases: ${summary.mediations} mediations (${summary.agreements} agreements), ${summary.cityCases} city cases, ${summary.hotline} hotline tickets imported; ${summary.handled} handled, ${summary.open} left open`,
  );
  return summary;
}
