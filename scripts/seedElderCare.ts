/**
 * Seed data for elder care (为老服务, issue 13): in each community a 长者食堂 and a day-care centre (和平's canteen run
 * by a partner unit whose contact is unit-sun), the sub-district's menu as it starts (the six services and a haircut),
 * and half a year of served services: every week lunches on three days for the community's elders and a bath day,
 * booked by the elders (some by their grid worker with consent), served with a photo, most rated. Then next week's
 * slots with some bookings, and a family link (resident-li is resident-wang's family). Birth years are given so 高龄
 * subsidies show. Everything goes through the real handlers (`call`, in-process) with the clock moved to when it
 * happened, so the figures are counted as in production. A marker item is written last: when it is there, nothing runs.
 */
import type { Deps } from '../functions/platform/context';
import { addDays, chinaDay, chinaInstant } from '../shared/platform/chinaTime';
import { rng } from './seedRandom';
import { SUBDISTRICT } from './seedData';

const DAY = 86_400_000;

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface ElderCareSeedSummary {
  providers: number;
  slots: number;
  bookings: number;
  served: number;
  rated: number;
  skipped: number;
}

const marker = { pk: 'SEED#elderCare', sk: 'DONE' };

/** each community's worker, its grid worker, its elders (the named residents first) */
const plan: Record<string, { worker: string; grid: string; elders: string[] }> = {
  'c-heping': { worker: 'worker-liu', grid: 'grid-chen', elders: ['resident-wang', 'r-heping-01', 'r-heping-02', 'r-heping-03', 'r-heping-04', 'r-heping-05'] },
  'c-jinlvzhou': { worker: 'worker-wu', grid: 'grid-lin', elders: ['resident-zhao', 'r-jinlvzhou-01', 'r-jinlvzhou-02', 'r-jinlvzhou-03'] },
  'c-yuanxin': { worker: 'worker-zheng', grid: 'grid-ma', elders: ['r-yuanxin-01', 'r-yuanxin-02', 'r-yuanxin-03', 'r-yuanxin-04'] },
};
const names: Record<string, string> = { 'c-heping': '和平', 'c-jinlvzhou': '金绿洲', 'c-yuanxin': '元信' };

export async function seedElderCare(opts: { deps: Deps; now: Date; call: Call; tokenFor: (openid: string, at: Date) => string; userIdOf: (openid: string) => string; log?: (line: string) => void }): Promise<ElderCareSeedSummary> {
  const { deps, now, call, tokenFor, userIdOf } = opts;
  const summary: ElderCareSeedSummary = { providers: 0, slots: 0, bookings: 0, served: 0, rated: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('elder care: already seeded');
    return summary;
  }
  const r = rng('elderCare');
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown, allow: number[] = []): Promise<any> {
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - 60_000)), body, { 'idempotency-key': `seed-ec-${(++n).toString(36).padStart(5, '0')}` });
    if (res.status >= 300 && !allow.includes(res.status)) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const start = new Date(now.getTime() - 26 * 7 * DAY);
  // the sub-district's menu, stored as it starts (officers change prices and subsidies as data)
  const menu = await as('officer-huang', start, 'GET', `/subdistricts/${SUBDISTRICT}/elder-care/menu`);
  await as('officer-huang', start, 'PUT', `/subdistricts/${SUBDISTRICT}/elder-care/menu`, { seniorAge: menu.seniorAge, items: menu.items, version: menu.version });
  // birth years (only the year is kept): most of them 80 or older
  for (const c of Object.values(plan)) {
    for (const [i, e] of c.elders.entries()) await as(e, start, 'PUT', '/me/elder-care/profile', { birthYear: i % 3 === 2 ? 1950 : 1936 + Math.floor(r() * 8) });
  }
  // resident-li is resident-wang's son: wang made a code, li asked, wang agreed
  const code = (await as('resident-wang', start, 'POST', '/me/elder-care/family-code')).code;
  await as('resident-li', start, 'POST', '/elder-care/family-links', { code, relation: '儿子' });
  await as('resident-wang', start, 'POST', `/me/elder-care/family/${userIdOf('resident-li')}/confirm`);

  const providers: Record<string, { canteen: string; dayCare: string }> = {};
  for (const [communityId, c] of Object.entries(plan)) {
    const canteen = await as(c.worker, start, 'POST', '/elder-care/providers', {
      communityId,
      name: `${names[communityId]}长者食堂`,
      kind: 'elderCanteen',
      ...(communityId === 'c-heping' ? { partnerUnitId: 'p-water' } : {}),
      phone: '021-6400' + String(1000 + summary.providers),
      servicePoints: [{ id: 'canteen', name: `${names[communityId]}长者食堂`, address: `${names[communityId]}社区服务中心一楼` }],
      services: ['meal', 'haircut'],
    });
    const dayCare = await as(c.worker, start, 'POST', '/elder-care/providers', {
      communityId,
      name: `${names[communityId]}日间照料中心`,
      kind: 'dayCare',
      servicePoints: [{ id: 'daycare', name: `${names[communityId]}日间照料中心`, address: `${names[communityId]}社区服务中心二楼` }],
      services: ['bath', 'cleaning', 'mobility', 'medical'],
    });
    providers[communityId] = { canteen: canteen.id, dayCare: dayCare.id };
    summary.providers += 2;
  }

  // half a year, week by week: slots opened the Sunday before, booked then, served on the day
  const firstMonday = addDays(chinaDay(start), (8 - chinaInstant(chinaDay(start)).getUTCDay()) % 7 || 7);
  for (let week = 0; week < 26; week++) {
    const monday = addDays(firstMonday, week * 7);
    if (chinaInstant(monday).getTime() + 7 * DAY > now.getTime()) break;
    const opened = chinaInstant(addDays(monday, -1), '10:00');
    for (const [communityId, c] of Object.entries(plan)) {
      const p = providers[communityId]!;
      const lunches = await as(c.worker, opened, 'POST', '/elder-care/slots', { providerId: p.canteen, serviceId: 'meal', servicePointId: 'canteen', days: [monday, addDays(monday, 2), addDays(monday, 4)], startTime: '11:30', minutes: 60, capacity: 30, cutoffTime: '09:00' });
      const baths = await as(c.worker, opened, 'POST', '/elder-care/slots', { providerId: p.dayCare, serviceId: week % 2 ? 'bath' : 'cleaning', servicePointId: week % 2 ? 'daycare' : undefined, days: [addDays(monday, 3)], startTime: '14:00', minutes: 90, capacity: 3 });
      summary.slots += lunches.items.length + baths.items.length;
      const booked: { id: string; at: Date; by: string; meal: boolean }[] = [];
      for (const [i, e] of c.elders.entries()) {
        if (r() < 0.2) continue;
        // one elder in four has the community worker order for them, with consent given on the phone
        const proxy = i % 4 === 3;
        const order = await as(proxy ? c.worker : e, opened, 'POST', '/elder-care/meal-orders', {
          slotIds: lunches.items.map((s: { id: string }) => s.id),
          mode: i % 2 ? 'home' : 'servicePoint',
          ...(proxy ? { elderId: userIdOf(e), consent: { method: 'phone', note: '电话确认' } } : {}),
        });
        for (const it of order.items) if (it.booking) booked.push({ id: it.booking.id, at: new Date(it.booking.startsAt), by: e, meal: true });
        if (i < 3) {
          const b = await as(e, opened, 'POST', '/elder-care/bookings', { slotId: baths.items[0].id, mode: week % 2 ? 'servicePoint' : 'home' }, [409, 422]);
          if (b?.id) booked.push({ id: b.id, at: new Date(b.startsAt), by: e, meal: false });
        }
      }
      summary.bookings += booked.length;
      for (const b of booked) {
        const at = new Date(b.at.getTime() + 30 * 60_000);
        // 和平's canteen is run by 市自来水公司's staff canteen team: its contact serves half of the lunches
        const server = b.meal && communityId === 'c-heping' && r() < 0.5 ? 'unit-sun' : c.worker;
        const served = await as(server, at, 'POST', `/elder-care/bookings/${b.id}/serve`, { photoKey: `uploads/${userIdOf(server)}/seed-ec-${(++n).toString(36)}.jpg` }, [404, 409]);
        if (served?.status !== 'served') continue;
        summary.served++;
        if (r() < 0.7) {
          await as(b.by, new Date(at.getTime() + 3 * 3600_000), 'POST', `/elder-care/bookings/${b.id}/rating`, { stars: r() < 0.8 ? 5 : 4 });
          summary.rated++;
        }
      }
    }
  }

  // next week: open slots, some booked, so 我的预约 and the provider's day have something ahead
  const nextMonday = addDays(chinaDay(now), (8 - chinaInstant(chinaDay(now)).getUTCDay()) % 7 || 7);
  for (const [communityId, c] of Object.entries(plan)) {
    const p = providers[communityId]!;
    const lunches = await as(c.worker, now, 'POST', '/elder-care/slots', { providerId: p.canteen, serviceId: 'meal', servicePointId: 'canteen', days: [0, 1, 2, 3, 4].map((d) => addDays(nextMonday, d)), startTime: '11:30', minutes: 60, capacity: 30, cutoffTime: '09:00' });
    await as(c.worker, now, 'POST', '/elder-care/slots', { providerId: p.dayCare, serviceId: 'bath', servicePointId: 'daycare', days: [addDays(nextMonday, 1), addDays(nextMonday, 3)], startTime: '14:00', minutes: 90, capacity: 3 });
    await as(c.worker, now, 'POST', '/elder-care/slots', { providerId: p.canteen, serviceId: 'haircut', servicePointId: 'canteen', days: [addDays(nextMonday, 2)], startTime: '09:30', minutes: 120, capacity: 6 });
    summary.slots += 8;
    for (const e of c.elders.slice(1, 3)) await as(e, now, 'POST', '/elder-care/meal-orders', { slotIds: lunches.items.slice(0, 3).map((s: { id: string }) => s.id), mode: 'servicePoint' });
  }
  await deps.db.put({ ...marker, at: now.toISOString() });
  opts.log?.(`elder care: ${summary.providers} providers, ${summary.slots} slots, ${summary.bookings} bookings, ${summary.served} served, ${summary.rated} rated`);
  return summary;
}
