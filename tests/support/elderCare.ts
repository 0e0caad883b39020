import { grantItem } from '../../functions/org/store';
import { keys } from '../../functions/platform/keys';
import { escalateEmergencies } from '../../functions/elderCare/jobs';
import type { Unit } from '../../shared/org/schemas';
import type { Harness, Person } from './harness';

/** The elder-care tests' partner unit: the company that runs 和平长者食堂 (its contacts act for the provider). */
export const canteenUnit: Unit = { id: 'p-canteen', kind: 'partnerUnit', name: '和平长者食堂运营公司', parentId: 'sd-t', path: ['sd-t', 'p-canteen'] };

function ok<T = any>(res: { status: number; body: T }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let keySeq = 0;
export const idem = () => ({ 'idempotency-key': `ec-key-${++keySeq}-${Math.random().toString(36).slice(2, 10)}` });

/** The people and steps the elder-care tests share. */
export function elderCareWorld(h: Harness) {
  async function resident(name: string, opts: { communityId?: string; gridId?: string; birthYear?: number; openid?: string } = {}): Promise<Person> {
    const communityId = opts.communityId ?? 'c-a';
    const p = await h.person(name, [['resident', communityId]], { openid: opts.openid });
    await h.deps.db.put(grantItem(p.id, 'resident', h.units.find((u) => u.id === communityId)!, { displayName: name, gridId: opts.gridId ?? 'g-a1' }));
    if (opts.birthYear) ok(await h.api.as(p).put('/me/elder-care/profile', { birthYear: opts.birthYear }), 'profile');
    return p;
  }

  /** An approved 低保 application of the resident and its registry household, as relief writes them. */
  async function dibao(p: Person, communityId = 'c-a') {
    const appId = `app${p.id}`;
    await h.deps.db.put({ ...keys.reliefApplication(appId), ...keys.reliefByOwner(p.id, '2026-01-01T00:00:00.000Z', appId), entity: 'reliefApplication', id: appId, type: 'dibao', status: 'approved', ownerId: p.id, communityId, householdId: `hh${p.id}` });
    await h.deps.db.put({ ...keys.registryEntry(communityId, `hh${p.id}`), entity: 'registryEntry', householdId: `hh${p.id}`, communityId, tags: ['dibao'], benefit_dibao: { since: '2026-01-01' } });
  }

  async function provider(worker: Person, body: Record<string, unknown> = {}) {
    return ok(
      await h.api.as(worker).post(
        '/elder-care/providers',
        { communityId: 'c-a', name: '和平长者食堂', kind: 'elderCanteen', partnerUnitId: canteenUnit.id, servicePoints: [{ id: 'sp1', name: '和平长者食堂', address: '和平路12号' }], services: ['meal', 'bath', 'cleaning'], ...body },
        idem(),
      ),
      'provider',
    );
  }

  async function slots(by: Person, body: Record<string, unknown>) {
    return ok(await h.api.as(by).post('/elder-care/slots', { serviceId: 'meal', servicePointId: 'sp1', startTime: '11:30', minutes: 60, capacity: 20, cutoffTime: '09:00', ...body }, idem()), 'slots').items as { id: string; startsAt: string; cutoffAt: string }[];
  }

  const book = (p: Person, body: Record<string, unknown>, headers: Record<string, string> = idem()) => h.api.as(p).post('/elder-care/bookings', body, headers);
  const escalate = () => escalateEmergencies(h.deps);

  async function inboxOf(userId: string): Promise<{ template: string; title: string; link?: string }[]> {
    const { items } = await h.deps.db.query<{ template: string; title: string; link?: string }>({ pk: keys.inboxItem(userId, '').pk, prefix: 'INBOX#' });
    return items;
  }

  return { resident, dibao, provider, slots, book, escalate, inboxOf, ok };
}
