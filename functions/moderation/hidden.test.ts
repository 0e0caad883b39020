import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../tests/support/harness';

/**
 * 已隐藏: the hidden list a worker reaches after an item has left the queue, through the real handlers against DynamoDB
 * Local and the WeChat stand-in: newest hide first, each with who hid it, when and why; only the community's
 * moderators; a restore takes the item out; paged by cursor.
 */
jest.setTimeout(60_000);

let h: Harness;
let wang: Person;
let li: Person;
let worker: Person; // 和平社区 (c-a)
let otherWorker: Person; // 金绿洲社区 (c-b)
let officer: Person; // the sub-district's
let consultationId: string;
let matterId: string;
let commentRef: string;

type Listed = { kind: string; ref: string; excerpt: string; authorName: string; hiddenAt: string; hiddenBy: string; reason: string; communityId?: string; subdistrictId: string };
const hiddenOf = (p: Person, query = 'unitId=c-a') => h.api.as(p).get(`/moderation/hidden?${query}`);
const refsIn = (res: { body: { items?: Listed[] } }) => (res.body.items ?? []).map((i) => i.ref);

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  otherWorker = await h.person('金社工', [['communityWorker', 'c-b']]);
  officer = await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]);
  const c = await h.api.as(worker).post('/consultations', {
    unitId: 'c-a',
    title: '小区停车位改造方案征求意见',
    description: '拟将中心绿地部分改造为停车位。',
    options: ['改造', '不改造'],
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2026-12-20T00:00:00.000Z',
  });
  expect(c.status).toBe(201);
  consultationId = c.body.id;
  const m = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '三号楼门口的路灯坏了一个星期，晚上老人出门看不清台阶，希望尽快修好。', photos: [] });
  expect(m.status).toBe(201);
  matterId = m.body.id;
  const k = await h.api.as(li).post(`/consultations/${consultationId}/comments`, { text: '楼下那家人天天乱停车，素质太差' });
  expect(k.status).toBe(201);
  commentRef = `${consultationId}.${k.body.id}`;

  // the matter hidden first, the comment a minute later
  expect((await h.api.as(worker).post(`/moderation/matter/${matterId}/hide`, { reason: '含有他人门牌号' })).status).toBe(200);
  h.clock.advance(60_000);
  expect((await h.api.as(worker).post(`/moderation/comment/${commentRef}/hide`, { reason: '针对邻居的人身攻击' })).status).toBe(200);
});

describe('the hidden list (已隐藏)', () => {
  it('lists what the workers hid, newest hide first, with who hid it, when and why', async () => {
    // Act
    const res = await hiddenOf(worker);
    // Assess
    expect(res.status).toBe(200);
    expect(refsIn(res)).toEqual([commentRef, matterId]);
    const [comment, matter] = res.body.items as Listed[];
    expect(comment).toMatchObject({ kind: 'comment', authorName: '李建国', hiddenBy: '刘芳', reason: '针对邻居的人身攻击', communityId: 'c-a', subdistrictId: 'sd-t' });
    expect(matter).toMatchObject({ kind: 'matter', authorName: '王秀兰', hiddenBy: '刘芳', reason: '含有他人门牌号', hiddenAt: '2026-12-01T02:00:00.000Z' });
    expect(comment!.hiddenAt > matter!.hiddenAt).toBe(true);
    expect(matter!.excerpt.startsWith('三号楼门口的路灯坏了')).toBe(true);
  });

  it("shows the sub-district's officer the same items for the community and for the whole sub-district", async () => {
    // Act
    const community = await hiddenOf(officer);
    const subdistrict = await hiddenOf(officer, 'unitId=sd-t');
    // Assess
    expect(refsIn(community)).toEqual([commentRef, matterId]);
    expect(refsIn(subdistrict)).toEqual([commentRef, matterId]);
  });

  it("refuses another community's worker, a resident, and the sub-district list to a community worker", async () => {
    // Act
    const other = await hiddenOf(otherWorker);
    const resident = await hiddenOf(wang);
    const upward = await hiddenOf(worker, 'unitId=sd-t');
    const ownCommunity = await hiddenOf(otherWorker, 'unitId=c-b');
    // Assess
    for (const res of [other, resident, upward]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(res.body.message).toBeTruthy();
    }
    expect(ownCommunity.status).toBe(200);
    expect(ownCommunity.body.items).toEqual([]);
  });

  it('answers a bad query with a 400 and a code, never a 500', async () => {
    // Act
    const bad = await Promise.all(['', 'unitId=', 'unitId=c-a&limit=0', 'unitId=c-a&limit=51', 'unitId=c-a&limit=x', 'unitId=c-a&extra=1', `unitId=${'x'.repeat(300)}`].map((q) => hiddenOf(worker, q)));
    const unknownUnit = await hiddenOf(worker, 'unitId=nowhere');
    // Assess
    for (const res of bad) {
      expect(res.status).toBe(400);
      expect(typeof res.body.code).toBe('string');
    }
    expect(unknownUnit.status).toBe(404);
  });

  it('pages by cursor without repeating or losing an item', async () => {
    // Act
    const first = await hiddenOf(worker, 'unitId=c-a&limit=1');
    const second = await hiddenOf(worker, `unitId=c-a&limit=1&cursor=${encodeURIComponent(first.body.cursor)}`);
    // Assess
    expect(refsIn(first)).toEqual([commentRef]);
    expect(first.body.cursor).toEqual(expect.any(String));
    expect(refsIn(second)).toEqual([matterId]);
  });

  it('takes a restored item out of the list, and its neighbour sees it again', async () => {
    // Act
    const restored = await h.api.as(worker).post(`/moderation/matter/${matterId}/restore`, { note: '门牌号已由作者删去' });
    // Assess
    expect(restored.body).toEqual({ kind: 'matter', ref: matterId, state: 'passed' });
    expect(refsIn(await hiddenOf(worker))).toEqual([commentRef]);
    expect(refsIn(await hiddenOf(officer, 'unitId=sd-t'))).toEqual([commentRef]);
    expect((await h.api.as(li).get(`/matters/${matterId}`)).status).toBe(200);
  });
});
