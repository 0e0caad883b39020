import { harness, NEXT_SESSION_A, NEXT_SESSION_B, type Harness, type Person } from '../../../tests/support/harness';

let h: Harness;
let wang: Person;
let li: Person;
let zhao: Person;

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  zhao = await h.person('赵敏', [['resident', 'c-b']]);
});

const matter = { category: 'environment', text: '3号楼前的路灯坏了两个星期，晚上出行不安全' };

describe('submitting a matter', () => {
  it('records a matter for the next session and counts it on the session', async () => {
    // Act
    const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, matter);
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sessionId: NEXT_SESSION_A, status: 'submitted', authorName: '王秀兰', secondCount: 0 });
    const agenda = await h.api.as(li).get(`/sessions/${NEXT_SESSION_A}`);
    expect(agenda.body.session.matterCount).toBeGreaterThanOrEqual(1);
    expect(agenda.body.matters.map((m: { id: string }) => m.id)).toContain(res.body.id);
  });

  it('creates one matter when the same request is retried with its Idempotency-Key', async () => {
    // Prepare
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const body = { ...matter, text: '小区东门的垃圾桶满了没人清理' };
    // Act
    const first = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, body, headers);
    const again = await Promise.all([1, 2, 3].map(() => h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, body, headers)));
    // Assess
    expect(first.status).toBe(201);
    for (const r of again) expect(r.body.id).toBe(first.body.id);
    const mine = await h.api.as(wang).get('/me/matters?limit=100');
    expect(mine.body.items.filter((m: { text: string }) => m.text === body.text)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different body', async () => {
    const headers = { 'idempotency-key': 'retry-key-0002' };
    await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { ...matter, text: '第一件事情的内容写在这里' }, headers);
    const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { ...matter, text: '第二件不同的事情内容' }, headers);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a resident of another community and serves them nothing', async () => {
    const res = await h.api.as(zhao).post(`/sessions/${NEXT_SESSION_A}/matters`, matter);
    expect(res.status).toBe(404);
    const read = await h.api.as(zhao).get(`/sessions/${NEXT_SESSION_A}`);
    expect(read.status).toBe(404);
  });

  it('refuses a matter after the cut-off, with a message in Chinese and English', async () => {
    const later = await harness();
    const resident = await later.person('孙丽', [['resident', 'c-b']]);
    later.clock.set('2026-12-04T23:30:00.000Z'); // 07:30 on the 5th in China: past the 07:00 cut-off
    const res = await later.api.as(resident).post(`/sessions/${NEXT_SESSION_B}/matters`, matter);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SESSION_CLOSED', message: '本次说事会已截止提交', messageEn: 'This session no longer takes matters' });
  });

  it('refuses photos that someone else uploaded', async () => {
    const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { ...matter, photos: [`uploads/${li.id}/abc.jpg`] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('UPLOAD_NOT_YOURS');
  });

  it('hides an anonymous author from neighbours but not from the author', async () => {
    const created = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { ...matter, text: '楼上邻居深夜噪音影响休息', anonymous: true });
    const byNeighbour = await h.api.as(li).get(`/matters/${created.body.id}`);
    expect(byNeighbour.body.matter.authorName).toBe('匿名居民');
    expect(byNeighbour.body.matter.authorId).toBeUndefined();
    const byAuthor = await h.api.as(wang).get(`/matters/${created.body.id}`);
    expect(byAuthor.body.matter.authorName).toBe('王秀兰');
  });

  it('lets the author edit and withdraw before the cut-off, over the version read', async () => {
    const created = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { ...matter, text: '健身器材有一个松动了' });
    const edited = await h.api.as(wang).patch(`/matters/${created.body.id}`, { text: '健身器材有两个松动了，老人孩子容易受伤', version: 0 });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(1);
    const stale = await h.api.as(wang).patch(`/matters/${created.body.id}`, { text: '旧版本上的修改不应生效', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const byOther = await h.api.as(li).post(`/matters/${created.body.id}/withdraw`);
    expect(byOther.status).toBe(403);
    const withdrawn = await h.api.as(wang).post(`/matters/${created.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('counts a withdrawn matter out of its session once, however often the withdraw is sent', async () => {
    // Prepare: a session of its own, four matters (one sent three times with its Idempotency-Key)
    const own = await harness();
    const [sun, zhou, host] = await Promise.all([
      own.person('孙丽', [['resident', 'c-b']]),
      own.person('周强', [['resident', 'c-b']]),
      own.person('钱社工', [['communityWorker', 'c-b']]),
    ]);
    const raise = (who: Person, text: string, headers?: Record<string, string>) => own.api.as(who).post(`/sessions/${NEXT_SESSION_B}/matters`, { ...matter, text }, headers);
    const [m1, m2] = [await raise(sun, '楼道里堆放的杂物挡住了消防通道'), await raise(sun, '小区里的电动车乱充电很危险')];
    await raise(zhou, '垃圾分类点晚上没有灯');
    const key = { 'idempotency-key': 'withdraw-count-0001' };
    await Promise.all([1, 2, 3].map(() => raise(zhou, '健身角的地垫破了好几块', key)));
    // Act: withdraw one twice in a row, and another three times at once
    const first = await own.api.as(sun).post(`/matters/${m1.body.id}/withdraw`);
    const repeat = await own.api.as(sun).post(`/matters/${m1.body.id}/withdraw`);
    const atOnce = await Promise.all([1, 2, 3].map(() => own.api.as(sun).post(`/matters/${m2.body.id}/withdraw`)));
    // Assess: the count is the matters not withdrawn, recounted from the records the host sees
    expect(first.status).toBe(200);
    expect(repeat.body.code).toBe('MATTER_NOT_EDITABLE');
    expect(atOnce.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const agenda = await own.api.as(host).get(`/sessions/${NEXT_SESSION_B}`);
    const statuses = agenda.body.matters.map((m: { status: string }) => m.status);
    expect(statuses).toHaveLength(4);
    expect(agenda.body.session.matterCount).toBe(statuses.filter((s: string) => s !== 'withdrawn').length);
    expect(agenda.body.session.matterCount).toBe(2);
  });
});
