/**
 * Seed data for sign-ups (issue 6): volunteer teams, registered volunteers, a season of activities (past ones with
 * sign-ups, check-in and check-out and confirmed hours; coming ones with sign-ups and a waitlist), cultural events
 * (past ones with attendance at the door; coming ones, one full with a waitlist), and the time bank (elder-to-elder
 * hours, a worker's grant, a request helped and one open).
 *
 * Everything goes through the real handlers (`call`, in-process) with the clock moved to when it happened, as a
 * resident or an organizer would have done it; check-in codes come from the organizer's QR endpoint of that minute.
 * A marker item is written last: when it is there, the run does nothing (no API call), so a second run adds nothing.
 */
import type { Deps } from '../functions/platform/context';
import { withCheckDigit } from '../shared/platform/idNumber';
import { chinaDay, chinaInstant } from '../shared/platform/chinaTime';
import { currentVolunteerIdConsentVersion } from '../shared/signups/consent';

const DAY = 86_400_000;
const MIN = 60_000;

export interface SignupsSeedPerson {
  openid: string;
  userId: string;
  displayName: string;
  communityId?: string;
}

export interface SignupsSeedSummary {
  teams: number;
  volunteers: number;
  activities: { past: number; coming: number };
  shiftSignups: number;
  waitlisted: number;
  confirmedHours: number;
  events: { past: number; coming: number };
  registrations: number;
  checkedInAtDoor: number;
  helpRequests: number;
  written: number;
  skipped: number;
}

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

const marker = { pk: 'SEED#signups', sk: 'DONE' };

/** China-time wall clock `days` from today's date (of `now`) at hh:mm. */
function chinaAt(now: Date, days: number, hhmm: string): Date {
  return chinaInstant(chinaDay(now.getTime() + days * DAY), hhmm);
}
const iso = (d: Date) => d.toISOString();

export async function seedSignups(opts: {
  deps: Deps;
  now: Date;
  people: SignupsSeedPerson[];
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  log?: (line: string) => void;
}): Promise<SignupsSeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const summary: SignupsSeedSummary = {
    teams: 0,
    volunteers: 0,
    activities: { past: 0, coming: 0 },
    shiftSignups: 0,
    waitlisted: 0,
    confirmedHours: 0,
    events: { past: 0, coming: 0 },
    registrations: 0,
    checkedInAtDoor: 0,
    helpRequests: 0,
    written: 0,
    skipped: 0,
  };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('sign-ups: already seeded');
    return summary;
  }
  const byOpenid = new Map(opts.people.map((p) => [p.openid, p]));
  const person = (openid: string) => {
    const p = byOpenid.get(openid);
    if (!p) throw new Error(`seed: no person ${openid}`);
    return p;
  };
  let n = 0;
  /** one request at a moment, as someone; anything but the wanted status stops the seed */
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown, want: number | number[] = [200, 201]): Promise<any> {
    const key = `seed-su-${(++n).toString(36).padStart(4, '0')}-${openid.replace(/[^A-Za-z0-9_-]/g, '')}`.slice(0, 64);
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - MIN)), body, { 'idempotency-key': key });
    if (!(Array.isArray(want) ? want : [want]).includes(res.status)) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const organizer = 'organizer-zhou';
  const since = new Date(now.getTime() - 120 * DAY);

  // 1. volunteers, through the WeChat phone-number flow (the stand-in answers `phone:<number>`)
  const heping = ['resident-wang', 'resident-li', ...Array.from({ length: 10 }, (_, i) => `r-heping-${String(i + 1).padStart(2, '0')}`)];
  const jinlvzhou = ['resident-zhao', ...Array.from({ length: 6 }, (_, i) => `r-jinlvzhou-${String(i + 1).padStart(2, '0')}`)];
  const births: Record<string, string> = { 'resident-wang': '1958-03-02', 'resident-li': '1949-06-01', 'resident-zhao': '1985-09-12', 'r-heping-01': '1962-11-20', 'r-heping-02': '1960-04-08' };
  const skills = [['陪伴聊天', '助餐送餐'], ['家电维修'], ['理发'], ['外语翻译'], ['治安巡逻'], ['文艺表演'], ['医疗护理']];
  const slots = ['weekdayDaytime', 'weekdayEvening', 'weekendDaytime', 'weekendEvening'];
  // those with a birth date also give their ID number (made up, matching the birth date and, for 王秀兰 and 赵敏, an even
  // sequence for a woman), so their certificates print it masked; the others show 未登记, as a volunteer who gave none
  const women = new Set(['resident-wang', 'resident-zhao']);
  const idNumberOf = (openid: string, birth: string, i: number) => {
    const first17 = `330106${birth.replace(/-/g, '')}${String(700 + i * 2 + (women.has(openid) ? 2 : 1)).padStart(3, '0')}`;
    return withCheckDigit(first17);
  };
  await Promise.all(
    [...heping, ...jinlvzhou].map(async (openid, i) => {
      const p = person(openid);
      const birthDate = births[openid];
      await as(openid, since, 'PUT', '/me/volunteer', {
        realName: p.displayName,
        phoneCode: `phone:139${String(10_000_000 + i * 7919).slice(-8)}`,
        skills: skills[i % skills.length],
        availability: [slots[i % 4], slots[(i + 2) % 4]],
        birthDate,
        ...(birthDate ? { idNumber: idNumberOf(openid, birthDate, i), idNumberConsent: currentVolunteerIdConsentVersion } : {}),
      });
      summary.volunteers++;
    }),
  );

  // 2. teams: 民情志愿者 of 和平社区, the sub-district's 外籍志愿服务队, 金绿洲's 巡防队
  const teamPlans = [
    { unitId: 'c-heping', name: '和平社区民情志愿者', kind: 'residentVoices', leader: 'resident-li', members: heping.slice(2, 8) },
    { unitId: 'sd-xx', name: 'XX街道外籍志愿服务队', kind: 'foreignVolunteers', leader: 'r-heping-04', members: ['r-heping-09', 'r-jinlvzhou-02'] },
    { unitId: 'c-jinlvzhou', name: '金绿洲社区平安巡防队', kind: 'patrol', leader: 'resident-zhao', members: jinlvzhou.slice(1) },
  ];
  const teams: Record<string, string> = {};
  for (const t of teamPlans) {
    const d = await as(organizer, since, 'POST', '/volunteer-teams', { unitId: t.unitId, name: t.name, kind: t.kind, leaderIds: [person(t.leader).userId] }, 201);
    teams[t.kind] = d.team.id;
    for (const m of t.members) await as(organizer, since, 'POST', `/volunteer-teams/${d.team.id}/members`, { userId: person(m).userId, role: 'member' }, 200);
    summary.teams++;
  }

  // 3. activities: a season behind us (served, checked in and out, hours confirmed) and the coming weeks
  interface ActivityPlan {
    unitId: string;
    title: string;
    description: string;
    place: string;
    days: number[];
    time: [string, string];
    slots: number;
    who: string[];
    elderToElder?: boolean;
    team?: string;
    requirements?: string;
    /** past: one of them is adjusted by the organizer, with a reason */
    adjust?: string;
  }
  const past: ActivityPlan[] = [
    { unitId: 'c-heping', title: '垃圾分类桶边督导', description: '早晚投放高峰在垃圾投放点引导居民分类投放', place: '和平里小区垃圾投放点', days: [-84, -77], time: ['07:00', '09:00'], slots: 6, who: heping.slice(0, 6), requirements: '穿志愿者马甲' },
    { unitId: 'c-heping', title: '银龄互助：陪高龄老人聊天读报', description: '低龄老人上门陪伴高龄独居老人，服务时长存入时间银行', place: '和平里小区3号楼', days: [-60, -46], time: ['09:30', '11:00'], slots: 4, who: ['resident-wang', 'r-heping-01', 'r-heping-02'], elderToElder: true },
    { unitId: 'c-jinlvzhou', title: '周末夜间平安巡防', description: '巡防队沿滨河苑、金绿洲花园巡查消防通道和电动车充电', place: '金绿洲社区警务室集合', days: [-40], time: ['19:00', '21:00'], slots: 6, who: jinlvzhou.slice(0, 5), team: 'patrol', adjust: '提前结束巡逻，按实际时长记录' },
    { unitId: 'sd-xx', title: '国际邻里日外语咨询', description: '为外籍居民提供办事咨询和翻译', place: 'XX街道党群服务中心大厅', days: [-25], time: ['14:00', '17:00'], slots: 4, who: ['r-heping-04', 'r-heping-09', 'resident-zhao'] },
  ];
  const coming: ActivityPlan[] = [
    { unitId: 'c-heping', title: '冬季楼道清洁日', description: '清理楼道杂物，张贴消防安全提示', place: '和平路北院', days: [6, 13], time: ['09:00', '11:30'], slots: 5, who: heping.slice(0, 4) },
    { unitId: 'c-heping', title: '银龄互助：助餐送餐', description: '为行动不便的高龄老人从长者食堂送午餐', place: '和平社区长者食堂', days: [9], time: ['11:00', '12:30'], slots: 3, who: ['resident-wang', 'r-heping-01', 'r-heping-02', 'r-heping-05', 'r-heping-06'], elderToElder: true },
    { unitId: 'c-jinlvzhou', title: '消防安全入户宣传', description: '入户讲解电动车充电安全、检查燃气报警器', place: '滨河苑', days: [11], time: ['14:00', '16:30'], slots: 8, who: jinlvzhou.slice(0, 3) },
  ];

  async function postActivity(plan: ActivityPlan, postedAt: Date) {
    const shifts = plan.days.map((d) => ({
      startsAt: iso(chinaAt(now, d, plan.time[0])),
      endsAt: iso(chinaAt(now, d, plan.time[1])),
      place: plan.place,
      slots: plan.slots,
      requirements: plan.requirements,
    }));
    const created = await as(organizer, postedAt, 'POST', '/activities', {
      unitId: plan.unitId,
      title: plan.title,
      description: plan.description,
      elderToElder: !!plan.elderToElder,
      teamId: plan.team ? teams[plan.team] : undefined,
      cancelCutoffHours: 24,
      shifts,
    }, 201);
    const id = created.activity.id as string;
    await as(organizer, new Date(postedAt.getTime() + 10 * MIN), 'POST', `/activities/${id}/publish`, undefined, 200);
    return created.activity.shifts as { id: string; startsAt: string; endsAt: string }[];
  }

  for (const plan of past) {
    const shifts = await postActivity(plan, chinaAt(now, plan.days[0]! - 10, '10:00'));
    for (const s of shifts) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      const signedUp: string[] = [];
      for (const [i, openid] of plan.who.entries()) {
        const r = await as(openid, new Date(start - (7 * DAY - i * 3 * 3600_000)), 'POST', `/shifts/${s.id}/signup`, undefined, 201);
        summary.shiftSignups++;
        if (r.status === 'confirmed') signedUp.push(openid);
      }
      // on the day: the organizer's code of that minute, scanned on arrival and on leaving (one did not come)
      const came = signedUp.slice(0, Math.max(1, signedUp.length - (signedUp.length > 3 ? 1 : 0)));
      const arrive = new Date(start - 5 * MIN);
      const leave = new Date(end + 5 * MIN);
      const codeIn = (await as(organizer, arrive, 'GET', `/shifts/${s.id}/qr`, undefined, 200)).token as string;
      const codeOut = (await as(organizer, leave, 'GET', `/shifts/${s.id}/qr`, undefined, 200)).token as string;
      for (const openid of came) {
        await as(openid, arrive, 'POST', `/shifts/${s.id}/check-in`, { token: codeIn }, 200);
        await as(openid, leave, 'POST', `/shifts/${s.id}/check-out`, { token: codeOut }, 200);
      }
      // the organizer confirms the next day; one shift's first volunteer is adjusted, with the reason
      const roster = await as(organizer, new Date(end + DAY), 'GET', `/shifts/${s.id}/roster`, undefined, 200);
      for (const [i, r] of (roster.items as { userId: string; checkedInAt?: string; claimedMinutes?: number }[]).entries()) {
        if (!r.checkedInAt) continue;
        const adjusted = plan.adjust && i === 0;
        await as(organizer, new Date(end + DAY + i * MIN), 'POST', `/shifts/${s.id}/hours/${r.userId}`, adjusted ? { minutes: Math.max(15, (r.claimedMinutes ?? 60) - 30), reason: plan.adjust } : { minutes: r.claimedMinutes ?? 0 }, 200);
        summary.confirmedHours++;
      }
    }
    summary.activities.past++;
  }

  for (const plan of coming) {
    const shifts = await postActivity(plan, new Date(now.getTime() - 3 * DAY));
    for (const s of shifts) {
      for (const [i, openid] of plan.who.entries()) {
        const r = await as(openid, new Date(now.getTime() - 2 * DAY + i * 3600_000), 'POST', `/shifts/${s.id}/signup`, undefined, 201);
        summary.shiftSignups++;
        if (r.status === 'waitlisted') summary.waitlisted++;
      }
    }
    summary.activities.coming++;
  }

  // 4. cultural events: two behind us with attendance at the door, three coming (one full, with a waitlist)
  interface EventPlan {
    unitId: string;
    title: string;
    description: string;
    place: string;
    day: number;
    time: [string, string];
    capacity: number;
    maxCompanions: number;
    who: [string, number][];
    minAge?: number;
  }
  const residentsAll = [...heping, ...jinlvzhou];
  const events: EventPlan[] = [
    { unitId: 'sd-xx', title: '重阳节敬老文艺汇演', description: '社区合唱团、戏曲社、舞蹈队为老人们献上节目', place: 'XX街道文化站剧场', day: -52, time: ['14:30', '16:30'], capacity: 40, maxCompanions: 2, who: residentsAll.slice(0, 14).map((o, i) => [o, i % 3]) },
    { unitId: 'c-heping', title: '老年智能手机课：学会视频通话', description: '志愿者一对一教老人用手机视频、扫码、挂号', place: '和平社区党群服务中心二楼', day: -18, time: ['09:30', '11:00'], capacity: 12, maxCompanions: 0, who: heping.slice(0, 10).map((o) => [o, 0]), minAge: 55 },
    { unitId: 'c-heping', title: '冬至包饺子邻里宴', description: '自带围裙，社区准备面和馅，包好一起吃', place: '和平社区长者食堂', day: 20, time: ['10:00', '13:00'], capacity: 6, maxCompanions: 1, who: [['resident-wang', 1], ['resident-li', 1], ['r-heping-03', 0], ['r-heping-05', 1], ['r-heping-07', 0], ['r-heping-08', 0], ['r-heping-10', 1]] },
    { unitId: 'sd-xx', title: '迎新年社区文艺汇演', description: '居民合唱、戏曲、舞蹈，欢迎全家参加', place: 'XX街道文化站剧场', day: 28, time: ['19:00', '21:00'], capacity: 120, maxCompanions: 3, who: residentsAll.slice(3, 12).map((o, i) => [o, i % 4]) },
    { unitId: 'c-jinlvzhou', title: '亲子读书会：冬天的故事', description: '社区图书角亲子共读，适合 4–10 岁孩子和家长', place: '金绿洲社区邻里中心图书角', day: 8, time: ['15:00', '16:30'], capacity: 20, maxCompanions: 2, who: jinlvzhou.slice(0, 4).map((o) => [o, 1]) },
  ];
  for (const e of events) {
    const startsAt = chinaAt(now, e.day, e.time[0]);
    const postedAt = new Date(Math.min(startsAt.getTime() - 14 * DAY, now.getTime() - 2 * DAY));
    const created = await as(organizer, postedAt, 'POST', '/events', {
      unitId: e.unitId,
      title: e.title,
      description: e.description,
      place: e.place,
      startsAt: iso(startsAt),
      endsAt: iso(chinaAt(now, e.day, e.time[1])),
      capacity: e.capacity,
      maxCompanions: e.maxCompanions,
      cancelCutoffHours: 2,
      minAge: e.minAge,
    }, 201);
    const id = created.event.id as string;
    const tickets: string[] = [];
    for (const [i, [openid, companions]] of e.who.entries()) {
      const at = new Date(postedAt.getTime() + DAY + i * 2 * 3600_000);
      const r = await as(openid, at, 'POST', `/events/${id}/registration`, { companions: Math.min(companions, e.maxCompanions), birthDate: e.minAge ? births[openid] ?? '1960-01-01' : undefined }, 201);
      summary.registrations++;
      if (r.status === 'waitlisted') summary.waitlisted++;
      if (r.ticket) tickets.push(r.ticket);
    }
    if (e.capacity === 6) {
      // the full one: someone gives back a place, and the first waitlisted is promoted (and told)
      await as('r-heping-03', new Date(now.getTime() - 6 * 3600_000), 'POST', `/events/${id}/registration/cancel`, undefined, 200);
    }
    if (e.day < 0) {
      // at the door: most came
      for (const [i, ticket] of tickets.entries()) {
        if (i % 5 === 4) continue;
        await as(organizer, new Date(startsAt.getTime() - 20 * MIN + i * MIN), 'POST', `/events/${id}/check-in`, { ticket }, 200);
        summary.checkedInAtDoor++;
      }
      summary.events.past++;
    } else summary.events.coming++;
  }

  // 5. the time bank: a worker credits an older resident, who asks for help; a younger elder takes it and it is done
  await as('worker-liu', new Date(now.getTime() - 30 * DAY), 'POST', `/time-bank/accounts/${person('resident-li').userId}/grants`, { minutes: 240, reason: '社区为高龄老人开户赠送时长' }, 200);
  const helped = await as('resident-li', new Date(now.getTime() - 12 * DAY), 'POST', '/time-bank/requests', {
    communityId: 'c-heping',
    birthDate: births['resident-li'],
    service: 'mobility',
    description: '周三上午陪同去社区卫生服务中心复查血压',
    at: iso(chinaAt(now, -9, '09:00')),
    minutes: 90,
  }, 201);
  await as('r-heping-01', new Date(now.getTime() - 11 * DAY), 'POST', `/time-bank/requests/${helped.id}/take`, undefined, 200);
  await as('resident-li', chinaAt(now, -9, '12:00'), 'POST', `/time-bank/requests/${helped.id}/complete`, { minutes: 90 }, 200);
  await as('resident-li', new Date(now.getTime() - DAY), 'POST', '/time-bank/requests', {
    communityId: 'c-heping',
    birthDate: births['resident-li'],
    service: 'cleaning',
    description: '年底想请人帮忙擦窗户、整理阳台',
    at: iso(chinaAt(now, 5, '14:00')),
    minutes: 120,
  }, 201);
  summary.helpRequests = 2;

  // the run is complete: a second run does nothing
  await deps.db.put({ ...marker, entity: 'seedMarker', at: now.toISOString() });
  summary.written = 1; // the marker; everything else went through the API
  opts.log?.(
    `sign-ups: ${summary.volunteers} volunteers, ${summary.teams} teams, activities ${summary.activities.past} past / ${summary.activities.coming} coming, ${summary.shiftSignups} shift sign-ups, ${summary.confirmedHours} hours confirmed, events ${summary.events.past} past / ${summary.events.coming} coming, ${summary.registrations} registrations (${summary.waitlisted} waitlisted overall), ${summary.checkedInAtDoor} in at the door`,
  );
  return summary;
}
