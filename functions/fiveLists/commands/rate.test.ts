import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;
let plain: string;
let reopenable: string;
let anonymous: string;
let late: string;

beforeAll(async () => {
  w = await fiveListsWorld();
  [plain, reopenable, anonymous, late] = (await w.fromSession([
    { text: '单元门禁坏了陌生人随意进出' },
    { text: '楼下商铺油烟扰民很严重' },
    { text: '邻居在楼道堆放杂物有火灾隐患', anonymous: true },
    { text: '小区里的路灯晚上不亮' },
  ])) as [string, string, string, string];
  for (const id of [plain, reopenable, anonymous, late]) await w.resolved(id);
});

const rating = { level: 'satisfied', stars: 5, comment: '处理及时' };

describe('rating a resolved matter', () => {
  it('counts a rating given twice (or many times at once) once', async () => {
    // Act
    const results = await Promise.all(Array.from({ length: 10 }, () => w.h.api.as(w.p.li).post(`/five-lists/matters/${plain}/ratings`, rating)));
    const later = await w.h.api.as(w.p.li).post(`/five-lists/matters/${plain}/ratings`, { ...rating, level: 'partly' });
    // Assess
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('ALREADY_RATED');
    expect(later.body.code).toBe('ALREADY_RATED');
    const d = await w.detail(plain, w.p.li);
    expect(d.matter).toMatchObject({ state: 'rated', ratingCount: 1 });
    expect(d.ratings).toEqual([expect.objectContaining({ level: 'satisfied', stars: 5, mine: true })]);
    expect(d.actions).not.toContain('rate');
  });

  it('lets the submitter and a seconder rate at the same moment, both counted', async () => {
    const [a, b] = await Promise.all([
      w.h.api.as(w.p.wang).post(`/five-lists/matters/${anonymous}/ratings`, { level: 'satisfied', stars: 4 }),
      w.h.api.as(w.p.li).post(`/five-lists/matters/${anonymous}/ratings`, { level: 'partly', stars: 3 }),
    ]);
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect((await w.detail(anonymous)).matter.ratingCount).toBe(2);
  });

  it('reopens the matter when the submitter is not satisfied, back to the unit, only once', async () => {
    // Act
    const first = await w.h.api.as(w.p.wang).post(`/five-lists/matters/${reopenable}/ratings`, { level: 'notSatisfied', stars: 1, comment: '油烟还是很大' });
    // Assess
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ reopened: true, matter: { state: 'reopened', reopenCount: 1, round: 1 } });
    const inbox = await w.h.api.as(w.p.water).get('/me/inbox');
    expect(inbox.body.items.map((i: { title: string }) => i.title)).toContain('事项被重新打开');
    // the unit claims it again and resolves it again; the submitter is still not satisfied
    const again = await w.h.api.as(w.p.water).post(`/five-lists/matters/${reopenable}/claim`, { version: first.body.matter.version });
    expect(again.status).toBe(200);
    const resolved = await w.h.api.as(w.p.water).post(`/five-lists/matters/${reopenable}/resolve`, {
      note: '已加装油烟净化器',
      photos: [`uploads/${w.p.water.id}/filter.jpg`],
      version: again.body.version,
    });
    const second = await w.h.api.as(w.p.wang).post(`/five-lists/matters/${reopenable}/ratings`, { level: 'notSatisfied', stars: 2 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ reopened: false, matter: { state: 'rated', reopenCount: 1, ratingCount: 1 } });
    expect(resolved.status).toBe(200);
  });

  it('does not reopen on a seconder\'s "not satisfied"', async () => {
    const res = await w.h.api.as(w.p.li).post(`/five-lists/matters/${late}/ratings`, { level: 'notSatisfied', stars: 1 });
    expect(res.body).toMatchObject({ reopened: false, matter: { state: 'rated' } });
  });

  it('refuses a resident of the community who neither raised nor seconded it', async () => {
    const res = await w.h.api.as(w.p.chen).post(`/five-lists/matters/${plain}/ratings`, rating);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_A_RATER');
  });

  it("keeps a resident of another community from reading an anonymous submitter's identity or rating", async () => {
    expect((await w.h.api.as(w.p.zhao).get(`/five-lists/matters/${anonymous}`)).status).toBe(404);
    expect((await w.h.api.as(w.p.zhao).post(`/five-lists/matters/${anonymous}/ratings`, rating)).status).toBe(404);
    const board = await w.h.api.as(w.p.zhao).get('/communities/c-a/five-lists');
    expect(board.status).toBe(404);
    // a neighbour sees the matter but not who raised it, nor who rated it
    const byNeighbour = await w.detail(anonymous, w.p.chen);
    expect(byNeighbour.matter.submitterName).toBe('匿名居民');
    expect(byNeighbour.matter.submitterId).toBeUndefined();
    expect(byNeighbour.timeline.filter((t: { action: string }) => t.action === 'rate').map((t: { byName: string }) => t.byName)).toEqual(['居民', '居民']);
    const listed = await w.h.api.as(w.p.chen).get('/communities/c-a/five-lists');
    expect(listed.body.items.find((m: { id: string }) => m.id === anonymous).submitterName).toBe('匿名居民');
    // the unit does not see it either; the community's staff do
    expect((await w.detail(anonymous, w.p.water)).matter.submitterName).toBe('匿名居民');
    expect((await w.detail(anonymous, w.p.grid)).matter.submitterName).toBe('王秀兰');
  });

  it('refuses a rating after the window has closed', async () => {
    const other = await fiveListsWorld();
    const [id] = await other.fromSession([{ text: '健身器材螺丝松动了' }]);
    await other.resolved(id!);
    other.h.clock.advance(8 * 86_400_000);
    const res = await other.h.api.as(other.p.wang).post(`/five-lists/matters/${id}/ratings`, rating);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RATING_WINDOW_CLOSED');
  });
});
