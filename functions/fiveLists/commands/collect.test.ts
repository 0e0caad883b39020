import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;
let fromSession: string;

beforeAll(async () => {
  w = await fiveListsWorld();
  [fromSession] = (await w.fromSession([{ text: '3号楼前的路灯坏了两个星期，晚上出行不安全' }])) as [string];
});

describe('collecting a matter', () => {
  it('puts a matter into collected in the same write as the say-it day outcome, with its first history entry', async () => {
    // Act
    const d = await w.detail(fromSession);
    // Assess
    expect(d.matter).toMatchObject({ id: fromSession, state: 'collected', source: 'sayItDay', submitterName: '王秀兰', secondCount: 1, version: 0 });
    expect(d.matter.deadlineAt).toBe('2026-12-07T01:00:00.000Z'); // two days to dispatch
    expect(d.timeline).toEqual([expect.objectContaining({ action: 'collect', to: 'collected', byName: '刘芳', note: '需街道协调' })]);
    const board = await w.h.api.as(w.p.li).get('/communities/c-a/five-lists');
    expect(board.body.items.map((m: { id: string }) => m.id)).toContain(fromSession);
  });

  it('takes a matter out again when the host corrects the outcome while nobody has acted on it', async () => {
    const other = await fiveListsWorld();
    const [id] = await other.fromSession([{ text: '垃圾分类点的桶不够用了' }]);
    const res = await other.h.api.as(other.p.worker).post(`/matters/${id}/outcome`, { kind: 'solvedOnSpot', note: '物业当场加桶' });
    expect(res.status).toBe(200);
    expect((await other.h.api.as(other.p.officer).get(`/five-lists/matters/${id}`)).status).toBe(404);
  });

  it('lets a grid worker take in a matter from a walk round with photos and a location', async () => {
    // Act
    const res = await w.h.api.as(w.p.grid).post('/five-lists/matters', {
      communityId: 'c-a',
      gridId: 'g-a1',
      source: 'walkRound',
      category: 'environment',
      text: '绿化带里堆放了大量建筑垃圾',
      photos: [`uploads/${w.p.grid.id}/walk1.jpg`],
      location: { latitude: 31.2, longitude: 121.4, address: '和平路12号' },
    });
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'collected', source: 'walkRound', submitterName: '张网格', gridId: 'g-a1' });
    expect(res.body.photos[0].key).toBe(`uploads/${w.p.grid.id}/walk1.jpg`);
    expect(res.body.location.address).toBe('和平路12号');
  });

  it('creates one matter when a hotline intake is retried with its Idempotency-Key', async () => {
    const body = { communityId: 'c-a', source: 'hotline', category: 'safety', text: '热线来电：地下车库积水严重', reporterName: '周先生' };
    const headers = { 'idempotency-key': 'hotline-call-0001' };
    const all = await Promise.all([1, 2, 3].map(() => w.h.api.as(w.p.worker).post('/five-lists/matters', body, headers)));
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
  });

  it('refuses a resident (403) and a grid worker of another community (404)', async () => {
    const body = { communityId: 'c-a', source: 'walkRound', category: 'other', text: '居民自己不能直接收单' };
    expect((await w.h.api.as(w.p.wang).post('/five-lists/matters', body)).status).toBe(403);
    const gridB = await w.h.person('钱网格', [['gridWorker', 'g-a1']]);
    expect((await w.h.api.as(gridB).post('/five-lists/matters', { ...body, communityId: 'c-b' })).status).toBe(404);
  });
});
