/**
 * Seed data for the work summary's last whole half-year (上半年 January–June for a seed in December): what the other
 * seeds put in the recent months, done here in the months the summary prints, so its councils, consultations,
 * volunteering, team hours, time bank and events lines have believable figures. (Say-it days come from the year of
 * past sessions in seed.ts; the five lists from seedFiveLists.)
 *
 * Everything goes through the real handlers (`call`, in-process) with the clock moved to when it happened, so every
 * figure is counted by the change itself, in its own transaction, as in production: council meetings with resolutions
 * later carried out, a consultation per community, volunteer activities (a patrol team's, an elder-to-elder one) with
 * check-in, check-out and confirmed hours, and cultural events with attendance at the door.
 * It runs after seedSignups (its volunteers and teams). A marker item is written last: when it is there, the run does
 * nothing, so a second run adds nothing.
 */
import type { Deps } from '../functions/platform/context';
import { chinaInstant, chinaMonth } from '../shared/platform/chinaTime';
import { lastHalfYear } from '../shared/workSummary/period';
import { hosts } from './seedData';
import { rng } from './seedRandom';

const DAY = 86_400_000;
const MIN = 60_000;
const marker = { pk: 'SEED#halfYear', sk: 'DONE' };

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface HalfYearSeedSummary {
  period: { from: string; to: string };
  councils: number;
  consultations: number;
  shifts: number;
  confirmedHours: number;
  events: number;
  checkedIn: number;
  skipped: number;
}

export async function seedHalfYear(opts: {
  deps: Deps;
  now: Date;
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  userIdOf: (openid: string) => string;
  log?: (line: string) => void;
}): Promise<HalfYearSeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const period = lastHalfYear(chinaMonth(now));
  const summary: HalfYearSeedSummary = { period, councils: 0, consultations: 0, shifts: 0, confirmedHours: 0, events: 0, checkedIn: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('half-year ledgers: already seeded');
    return summary;
  }
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown, want: number[] = [200, 201]): Promise<any> {
    const key = `seed-hy-${(++n).toString(36).padStart(4, '0')}-${openid.replace(/[^A-Za-z0-9_-]/g, '')}`.slice(0, 64);
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - MIN)), body, { 'idempotency-key': key });
    if (!want.includes(res.status)) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  /** a day of the period: `month` 1..6 of it, at hh:mm China time */
  const [year, firstMonth] = period.from.split('-').map(Number) as [number, number];
  const on = (month: number, day: number, hhmm: string) => chinaInstant(`${year}-${String(firstMonth + month - 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, hhmm);
  const r = rng(`halfYear#${period.from}`);
  const organizer = 'organizer-zhou';
  const heping = ['resident-wang', 'resident-li', ...Array.from({ length: 10 }, (_, i) => `r-heping-${String(i + 1).padStart(2, '0')}`)];
  const jinlvzhou = ['resident-zhao', ...Array.from({ length: 6 }, (_, i) => `r-jinlvzhou-${String(i + 1).padStart(2, '0')}`)];
  const yuanxin = Array.from({ length: 8 }, (_, i) => `r-yuanxin-${String(i + 1).padStart(2, '0')}`);

  // 1. councils: two meetings a community (March, June); most of March's resolutions carried out by June
  const topics = [
    ['小区消防通道占用', '组织志愿者每周巡查消防通道，物业张贴禁停标识', '已施划禁停线，巡查记录张贴在公告栏'],
    ['老年活动室开放时间', '活动室延长开放至晚上八点，由楼栋长轮值', '已延长开放，轮值表已公示'],
    ['电动车充电难', '在2号楼南侧建设集中充电棚', '充电棚已建成，设充电口24个'],
    ['楼道照明改造', '更换老旧楼道声控灯', ''],
    ['垃圾分类督导', '早晚高峰设桶边督导岗', '督导岗已设立，分类准确率明显提高'],
    ['小区绿化补种', '在中心花园补种月季和冬青', ''],
  ] as const;
  for (const [ci, communityId] of Object.keys(hosts).entries()) {
    const worker = hosts[communityId]!;
    for (const [i, month] of [3, 6].entries()) {
      const held = on(month, 10 + ci * 3, '19:00');
      const picks = [topics[(ci + i * 2) % 6]!, topics[(ci + i * 2 + 1) % 6]!, topics[(ci + i * 2 + 3) % 6]!];
      const council = await as(worker, new Date(held.getTime() + DAY), 'POST', `/communities/${communityId}/councils`, {
        title: `${year}年第${i + 1}次居民议事会`,
        heldOn: `${year}-${String(firstMonth + month - 1).padStart(2, '0')}-${String(10 + ci * 3).padStart(2, '0')}`,
        attendance: 18 + Math.floor(r() * 15),
        topics: picks.map((x) => x[0]),
        resolutions: picks.slice(0, 2 + (i === 0 ? 1 : 0)).map((x) => ({ topic: x[0], text: x[1] })),
        published: true,
      });
      summary.councils++;
      let version = council.version as number;
      for (const [j, x] of picks.slice(0, 2 + (i === 0 ? 1 : 0)).entries()) {
        const at = new Date(held.getTime() + (25 + j * 12) * DAY);
        if (!x[2] || at >= now || i === 1) continue;
        version = (await as(worker, at, 'POST', `/councils/${council.id}/resolutions/r${j}/implemented`, { implemented: true, note: x[2], photos: [], version })).version;
      }
    }
    // 2. a consultation a community, in April, voted on by some of its residents
    const residents = communityId === 'c-heping' ? heping : communityId === 'c-jinlvzhou' ? jinlvzhou : yuanxin;
    const opens = on(4, 6, '08:00');
    const made = await as(worker, new Date(opens.getTime() - DAY), 'POST', '/consultations', {
      unitId: communityId,
      title: ['小区公共收益使用方案征求意见', '社区长者食堂菜单调整征求意见', '口袋公园设计方案征求意见'][ci],
      description: '请居民在投票期内选择方案，结果将在社区公告栏公示。',
      options: [['增设充电桩', '更换健身器材', '补种绿化'], ['增加软食套餐', '增加面食', '维持现状'], ['以休闲座椅为主', '以儿童游乐为主', '以健身步道为主']][ci],
      opensAt: opens.toISOString(),
      closesAt: new Date(opens.getTime() + 14 * DAY).toISOString(),
    });
    summary.consultations++;
    for (const [k, openid] of residents.entries()) {
      if (r() < 0.4) continue;
      await as(openid, new Date(opens.getTime() + (k + 1) * 7 * 3600_000), 'PUT', `/consultations/${made.id}/vote`, { optionId: `o${Math.floor(r() * 3)}` });
    }
  }

  // 3. volunteer activities: shifts served, checked in and out, hours confirmed by the organizer the next day
  const teams = (await as(organizer, now, 'GET', '/units/c-jinlvzhou/volunteer-teams', undefined, [200])).items as { id: string; kind: string }[];
  const patrol = teams.find((t) => t.kind === 'patrol')?.id;
  const plans = [
    { unitId: 'c-heping', title: '春季楼道清洁日', description: '清理楼道杂物，检查消防设施', place: '和平里小区', shifts: [on(3, 14, '09:00'), on(4, 11, '09:00')], hours: 2, who: heping.slice(0, 6) },
    { unitId: 'c-heping', title: '银龄互助：陪高龄老人聊天读报', description: '低龄老人上门陪伴高龄独居老人，服务时长存入时间银行', place: '和平里小区3号楼', shifts: [on(2, 26, '09:30'), on(5, 20, '09:30')], hours: 1.5, who: ['resident-wang', 'r-heping-01', 'r-heping-02'], elderToElder: true },
    { unitId: 'c-jinlvzhou', title: '夜间平安巡防', description: '巡查消防通道和电动车充电', place: '金绿洲社区警务室集合', shifts: [on(4, 18, '19:00'), on(6, 13, '19:00')], hours: 2, who: jinlvzhou.slice(0, 5), teamId: patrol },
  ];
  for (const p of plans) {
    const postedAt = new Date(p.shifts[0]!.getTime() - 12 * DAY);
    const created = await as(organizer, postedAt, 'POST', '/activities', {
      unitId: p.unitId,
      title: p.title,
      description: p.description,
      elderToElder: !!p.elderToElder,
      teamId: p.teamId,
      cancelCutoffHours: 24,
      shifts: p.shifts.map((s) => ({ startsAt: s.toISOString(), endsAt: new Date(s.getTime() + p.hours * 3600_000).toISOString(), place: p.place, slots: p.who.length })),
    });
    await as(organizer, new Date(postedAt.getTime() + 10 * MIN), 'POST', `/activities/${created.activity.id}/publish`, undefined, [200]);
    for (const s of created.activity.shifts as { id: string; startsAt: string; endsAt: string }[]) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      for (const [i, openid] of p.who.entries()) await as(openid, new Date(start - 6 * DAY + i * 3600_000), 'POST', `/shifts/${s.id}/signup`);
      const came = p.who.filter(() => r() < 0.85);
      const arrive = new Date(start - 5 * MIN);
      const leave = new Date(end + 5 * MIN);
      const codeIn = (await as(organizer, arrive, 'GET', `/shifts/${s.id}/qr`, undefined, [200])).token as string;
      const codeOut = (await as(organizer, leave, 'GET', `/shifts/${s.id}/qr`, undefined, [200])).token as string;
      for (const openid of came) {
        await as(openid, arrive, 'POST', `/shifts/${s.id}/check-in`, { token: codeIn }, [200]);
        await as(openid, leave, 'POST', `/shifts/${s.id}/check-out`, { token: codeOut }, [200]);
      }
      const roster = await as(organizer, new Date(end + DAY), 'GET', `/shifts/${s.id}/roster`, undefined, [200]);
      for (const [i, x] of (roster.items as { userId: string; checkedInAt?: string; claimedMinutes?: number }[]).entries()) {
        if (!x.checkedInAt) continue;
        await as(organizer, new Date(end + DAY + i * MIN), 'POST', `/shifts/${s.id}/hours/${x.userId}`, { minutes: x.claimedMinutes ?? 0 }, [200]);
        summary.confirmedHours++;
      }
      summary.shifts++;
    }
  }

  // 4. cultural events with attendance at the door
  const events = [
    { unitId: 'sd-xx', title: '元宵节猜灯谜闹元宵', place: 'XX街道文化站广场', at: on(2, 12, '18:30'), who: [...heping.slice(0, 8), ...jinlvzhou.slice(0, 4), ...yuanxin.slice(0, 4)] },
    { unitId: 'c-heping', title: '三八妇女节插花沙龙', place: '和平社区党群服务中心', at: on(3, 7, '14:30'), who: heping.slice(2, 10) },
    { unitId: 'c-jinlvzhou', title: '端午节包粽子邻里会', place: '金绿洲社区邻里中心', at: on(6, 18, '09:30'), who: jinlvzhou },
  ];
  for (const e of events) {
    const created = await as(organizer, new Date(e.at.getTime() - 14 * DAY), 'POST', '/events', {
      unitId: e.unitId,
      title: e.title,
      description: '欢迎居民带家人一起参加',
      place: e.place,
      startsAt: e.at.toISOString(),
      endsAt: new Date(e.at.getTime() + 2 * 3600_000).toISOString(),
      capacity: 80,
      maxCompanions: 2,
      cancelCutoffHours: 2,
    });
    const eventId = created.event.id as string;
    summary.events++;
    const tickets: string[] = [];
    for (const [i, openid] of e.who.entries()) {
      const reg = await as(openid, new Date(e.at.getTime() - (10 - (i % 9)) * DAY), 'POST', `/events/${eventId}/registration`, { companions: Math.floor(r() * 3) });
      if (reg.ticket && r() < 0.9) tickets.push(reg.ticket as string);
    }
    for (const [i, ticket] of tickets.entries()) {
      await as(organizer, new Date(e.at.getTime() - 10 * MIN + i * 20_000), 'POST', `/events/${eventId}/check-in`, { ticket }, [200]);
      summary.checkedIn++;
    }
  }

  await deps.db.put({ ...marker, at: now.toISOString() });
  opts.log?.(
    `half-year ledgers ${period.from}..${period.to}: ${summary.councils} councils, ${summary.consultations} consultations, ${summary.shifts} shifts (${summary.confirmedHours} hours confirmed), ${summary.events} events (${summary.checkedIn} checked in at the door)`,
  );
  return summary;
}
