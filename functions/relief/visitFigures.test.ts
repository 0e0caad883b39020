import { countersOf } from '../../tests/support/figures';
import { idNumber, ok, reliefWorld, type ReliefWorld } from '../../tests/support/relief';
import { visitsRecount } from './visitFigures';

jest.setTimeout(90_000);

let w: ReliefWorld;
let household: string;
const MONTH = '2026-12';

beforeAll(async () => {
  w = await reliefWorld();
  w.h.clock.set('2026-12-10T01:00:00.000Z');
  household = ok(
    await w.h.api.as(w.p.grid).post('/communities/c-a/relief/registry', { gridId: 'g-a1', headName: '吴阿婆', headIdNumber: idNumber('1939-04-02', '716'), tags: ['elderlyAlone'] }),
    'add',
  ).householdId;
});

describe("the work summary's must-visit and pairing figures", () => {
  it('counts a must-visit once when its first log closes it, on time or not, and a pairing and its visits once each', async () => {
    // Prepare: two must-visits, one logged in time, one after its deadline
    const record = async (note: string) =>
      ok(await w.h.api.as(w.p.grid).post('/communities/c-a/relief/must-visits', { householdId: household, kind: 'seriousIllness', note, occurredOn: '2026-12-09' }), 'record');
    const soon = await record('住院治疗，需要探望');
    const late = await record('出院回家，需要回访');
    const member = await w.h.person('党员老徐', [['resident', 'c-a']]);
    const before = await countersOf(w.h.deps.db, 'visits', 'c-a', MONTH);
    // Act
    ok(await w.h.api.as(w.p.grid).post(`/relief/must-visits/${soon.id}/logs`, { found: '送去慰问金', photos: [] }, { 'Idempotency-Key': 'fig-log-soon' }), 'log');
    const retried = await w.h.api.as(w.p.grid).post(`/relief/must-visits/${soon.id}/logs`, { found: '送去慰问金', photos: [] }, { 'Idempotency-Key': 'fig-log-soon' });
    ok(await w.h.api.as(w.p.grid).post(`/relief/must-visits/${soon.id}/logs`, { found: '再次回访，情况稳定', photos: [] }), 'second log');
    w.h.clock.advance(10 * 86_400_000); // its 3 days are long past
    ok(await w.h.api.as(w.p.grid).post(`/relief/must-visits/${late.id}/logs`, { found: '已回访', photos: [] }), 'late log');
    w.h.clock.set('2026-12-10T01:00:00.000Z');
    ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/pairings', { householdId: household, userId: member.id, role: 'volunteer' }), 'pair');
    ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/pairings', { householdId: household, userId: member.id, role: 'partyMember' }), 'pair again');
    ok(await w.h.api.as(member).post(`/communities/c-a/relief/pairings/${household}/visits`, { found: '陪同聊天' }, { 'Idempotency-Key': 'fig-pair-visit' }), 'pair visit');
    ok(await w.h.api.as(member).post(`/communities/c-a/relief/pairings/${household}/visits`, { found: '陪同聊天' }, { 'Idempotency-Key': 'fig-pair-visit' }), 'pair visit retried');
    // Assess
    expect(before).toEqual({});
    expect(retried.status).toBeLessThan(300);
    const december = await countersOf(w.h.deps.db, 'visits', 'c-a', MONTH);
    expect(december).toEqual({ mustVisitsDone: 2, mustVisitsOnTime: 1, pairingsMade: 1, pairingVisits: 1 });
    expect(await countersOf(w.h.deps.db, 'visits', 'sd-t', MONTH, MONTH, 'subdistrict')).toEqual(december);
    expect(await visitsRecount.recount(w.h.deps.db, 'c-a', MONTH, MONTH)).toEqual(december);
    expect(await visitsRecount.recount(w.h.deps.db, 'c-a', '2026-11', '2026-11')).toEqual({});
    const pairings = ok(await w.h.api.as(w.p.worker).get(`/communities/c-a/relief/pairings/${household}`), 'pairings');
    expect(pairings.items).toEqual([expect.objectContaining({ role: 'partyMember' })]);
  });
});
