/**
 * Bench of elder care's booking burst (issue 13): 200 elders tap 预约 for one lunch of 20 places at the same moment.
 * Its own sub-district, community, provider and elders (written straight to the table, as a binding would write them),
 * so it runs with or without the seed. All 200 are sent at once and served 16 handlers at a time, as Lambda instances
 * serve them (each one request at a time; the rest wait their turn), measured per request. Not 200 handlers in one
 * process: that measures the SDK's socket pool of one process (50 sockets, 200 × 5 reads queued behind it, every
 * handler past its 10 s), which no Lambda instance meets. What must hold: no answer of 500 or above, exactly 20
 * confirmed, the counter never over its capacity, 20 waitlisted (the engine's limit), everyone else PLACE_FULL.
 */
import { grantItem } from '../functions/org/store';
import { keys } from '../functions/platform/keys';
import { signAccessToken } from '../functions/platform/tokens';
import { addDays, chinaDay } from '../shared/platform/chinaTime';
import type { Unit } from '../shared/org/schemas';
import type { BenchTools } from './benchRelief';

const SD = 'sd-bench-ec';
const C = 'c-bench-ec';
const ELDERS = 200;
const PLACES = 20;

export async function elderCareBench<Row>(t: BenchTools<Row>): Promise<{ ok: boolean }> {
  const { deps, print, must, concurrent, table } = t;
  const sd: Unit = { id: SD, kind: 'subdistrict', name: '压测街道', path: [SD] };
  const community: Unit = { id: C, kind: 'community', name: '压测社区', parentId: SD, path: [SD, C] };
  for (const u of [sd, community]) await deps.db.put({ ...keys.unit(u.id), entity: 'unit', ...u });
  const token = (userId: string, name: string, grants: { role: string; unitId: string; unitPath: string[] }[]) =>
    signAccessToken({ userId, displayName: name, grants: grants as never }, deps.config.tokenSecret, new Date(), 3600);
  const worker = token('u-bench-ec-worker', '压测社工', [{ role: 'communityWorker', unitId: C, unitPath: [SD, C] }]);
  const elders: string[] = [];
  for (let i = 0; i < ELDERS; i += 40) {
    const batch = Array.from({ length: Math.min(40, ELDERS - i) }, (_, k) => `u-bench-elder-${i + k}`);
    await deps.db.transact(
      batch.flatMap((id) => [
        { put: { ...keys.user(id), entity: 'user', id, displayName: id, communityId: C } },
        { put: grantItem(id, 'resident', community, { displayName: id, gridId: undefined }) },
      ]),
    );
    elders.push(...batch.map((id) => token(id, id, [{ role: 'resident', unitId: C, unitPath: [SD, C] }])));
  }
  const key = () => ({ 'idempotency-key': `bench-ec-${Math.random().toString(36).slice(2, 12)}` });
  const provider = await must({ method: 'POST', path: '/elder-care/providers', token: worker, body: { communityId: C, name: '压测长者食堂', kind: 'elderCanteen', servicePoints: [{ id: 'sp1', name: '食堂', address: '一楼' }], services: ['meal'] }, headers: key() }, 201);
  const days = [addDays(chinaDay(new Date()), 2), addDays(chinaDay(new Date()), 3)];
  const slots = (await must({ method: 'POST', path: '/elder-care/slots', token: worker, body: { providerId: provider.id, serviceId: 'meal', servicePointId: 'sp1', days, startTime: '11:30', minutes: 60, capacity: PLACES, cutoffTime: '09:00' }, headers: key() }, 201)).items as { id: string }[];

  let ok = true;
  for (const [i, c] of [16].entries()) {
    const slotId = slots[i]!.id;
    print(`\n## Elder care: ${ELDERS} elders book one lunch of ${PLACES} places at once (all at once, in-process, served ${c} handlers at a time)\n`);
    const statuses: Record<string, number> = {};
    const row = await concurrent(`POST /elder-care/bookings (${c} at a time)`, ELDERS, c, (n) => ({ method: 'POST', path: '/elder-care/bookings', token: elders[n], body: { slotId }, headers: key() }), 201);
    table([row], true);
    for (const [s, k] of (row as unknown as { errors: Map<number, number> }).errors) statuses[String(s)] = k;
    const list = await must({ method: 'GET', path: `/communities/${C}/elder-care/slots?kind=meal`, token: worker }, 200);
    const slot = (list.items as { id: string; taken: number; free: number; waiting: number; capacity: number }[]).find((s) => s.id === slotId)!;
    const fives = Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((a, [, k]) => a + k, 0);
    const good = fives === 0 && slot.taken === PLACES && slot.free === 0 && slot.taken <= slot.capacity;
    ok &&= good;
    print(
      `\n${ELDERS} bookings for ${PLACES} places: the counter says taken ${slot.taken}, free ${slot.free}, waiting ${slot.waiting}; answers other than 201: ${Object.entries(statuses).map(([s, k]) => `${s}×${k}`).join(', ') || 'none'}; responses ≥ 500: ${fives}. ${good ? 'OK' : 'FAILED'}`,
    );
  }
  return { ok };
}
