import { unitRatingsOf } from '../../shared/fiveLists/figures';
import { countersOf } from '../../tests/support/figures';
import { fiveListsWorld } from '../../tests/support/fiveLists';
import { consultationsRecount, councilsRecount, fiveListsRecount } from './figures';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

/** Counters as the summary prints them: a figure taken back to 0 is no figure. */
const nonZero = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).filter(([, n]) => n !== 0));

describe("the work summary's five-list figures", () => {
  it('counts resolutions and ratings once, and takes a round back out when the submitter reopens it', async () => {
    // Prepare: two matters resolved by the water company in December
    const [kept, reopened] = (await w.fromSession([{ text: '单元门禁坏了陌生人随意进出' }, { text: '楼下商铺油烟扰民很严重' }])) as [string, string];
    await w.resolved(kept);
    await w.resolved(reopened);
    const resolvedOnly = nonZero(await countersOf(w.h.deps.db, 'fiveLists', 'c-a', '2026-12'));
    // Act
    const rated = await w.h.api.as(w.p.li).post(`/five-lists/matters/${kept}/ratings`, { level: 'partly', stars: 3 });
    const ratedAgain = await w.h.api.as(w.p.li).post(`/five-lists/matters/${kept}/ratings`, { level: 'partly', stars: 3 });
    const backer = await w.h.api.as(w.p.li).post(`/five-lists/matters/${reopened}/ratings`, { level: 'satisfied', stars: 5 });
    const beforeReopen = nonZero(await countersOf(w.h.deps.db, 'fiveLists', 'c-a', '2026-12'));
    const reopen = await w.h.api.as(w.p.wang).post(`/five-lists/matters/${reopened}/ratings`, { level: 'notSatisfied', stars: 1, comment: '油烟还是很大' });
    // Assess
    expect(resolvedOnly).toMatchObject({ resolved: 2, resolvedOnTime: 2 });
    expect([rated.status, ratedAgain.body.code, backer.status, reopen.status]).toEqual([201, 'ALREADY_RATED', 201, 201]);
    expect(reopen.body.reopened).toBe(true);
    expect(beforeReopen).toMatchObject({ resolved: 2, ratings: 2, satisfied: 1, partly: 1, stars: 8 });
    const after = nonZero(await countersOf(w.h.deps.db, 'fiveLists', 'c-a', '2026-12'));
    expect(after).toMatchObject({ resolved: 1, resolvedOnTime: 1, ratings: 1, partly: 1, stars: 3 });
    expect(after.satisfied).toBeUndefined();
    expect(unitRatingsOf(after)).toEqual([{ unitId: 'p-water', ratings: 1, averageStars: 3, satisfiedRate: 0 }]);
    expect(await fiveListsRecount.recount(w.h.deps.db, 'c-a', '2026-12', '2026-12')).toEqual(after);
    expect(nonZero(await countersOf(w.h.deps.db, 'fiveLists', 'sd-t', '2026-12', '2026-12', 'subdistrict'))).toEqual(after);
  });

  it('counts a council meeting once in the month it was held, and an implemented resolution while it is so', async () => {
    // Prepare
    const meeting = {
      title: '第十二次居民议事会',
      heldOn: '2026-11-28',
      attendance: 26,
      topics: ['加装电梯', '停车难', '垃圾分类'],
      resolutions: [
        { topic: '加装电梯', text: '3号楼启动加装电梯意见征集' },
        { topic: '停车难', text: '夜间开放学校操场停车' },
      ],
    };
    const key = { 'idempotency-key': 'council-2026-11-28' };
    // Act
    const created = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting, key);
    const retried = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting, key);
    const counted = await countersOf(w.h.deps.db, 'councils', 'c-a', '2026-11');
    const done = await w.h.api.as(w.p.worker).post(`/councils/${created.body.id}/resolutions/r1/implemented`, { implemented: true, note: '已与学校签订协议', version: 0 });
    const withDone = await countersOf(w.h.deps.db, 'councils', 'c-a', '2026-11');
    const undone = await w.h.api.as(w.p.worker).post(`/councils/${created.body.id}/resolutions/r1/implemented`, { implemented: false, note: '学校收回场地', version: done.body.version });
    const stale = await w.h.api.as(w.p.worker).post(`/councils/${created.body.id}/resolutions/r1/implemented`, { implemented: true, note: '重复提交', version: done.body.version });
    // Assess
    expect([created.status, retried.status, retried.body.id]).toEqual([201, 201, created.body.id]);
    expect(nonZero(counted)).toEqual({ councilsHeld: 1, attendance: 26, topics: 3, resolutions: 2 });
    expect(withDone.implemented).toBe(1);
    expect([undone.status, stale.body.code]).toEqual([200, 'STALE_VERSION']);
    const after = await countersOf(w.h.deps.db, 'councils', 'c-a', '2026-11');
    expect(nonZero(after)).toEqual({ councilsHeld: 1, attendance: 26, topics: 3, resolutions: 2 });
    expect(await councilsRecount.recount(w.h.deps.db, 'c-a', '2026-11', '2026-11')).toEqual(nonZero(after));
  });

  it('counts a consultation once, in the month its vote opens', async () => {
    // Prepare
    const body = {
      unitId: 'c-a',
      title: '小区停车位改造方案征求意见',
      description: '拟将中心绿地部分改造为停车位，请居民投票选择方案。',
      options: ['改造30个车位', '改造15个车位并保留绿地', '不改造'],
      opensAt: '2027-01-04T00:00:00.000Z',
      closesAt: '2027-01-11T00:00:00.000Z',
    };
    const key = { 'idempotency-key': 'consult-parking-2027' };
    // Act
    const created = await w.h.api.as(w.p.worker).post('/consultations', body, key);
    const retried = await w.h.api.as(w.p.worker).post('/consultations', body, key);
    // Assess
    expect([created.status, retried.body.id]).toEqual([201, created.body.id]);
    const counted = await countersOf(w.h.deps.db, 'consultations', 'c-a', '2027-01');
    expect(counted).toEqual({ consultationsHeld: 1, options: 3 });
    expect(await countersOf(w.h.deps.db, 'consultations', 'c-a', '2026-12')).toEqual({});
    expect(await consultationsRecount.recount(w.h.deps.db, 'c-a', '2027-01', '2027-01')).toEqual(counted);
  });
});
