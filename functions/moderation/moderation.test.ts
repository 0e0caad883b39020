import { REVIEW_WORDS, RISKY_PHOTO_MARK, RISKY_WORDS } from '../../scripts/wechatStandIn';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../tests/support/harness';
import { modKeys } from '../platform/contentSecurity';
import { wechatClient } from '../platform/wechat';
import { asksOf, deliver, uploadPhoto } from '../../tests/support/mediaChecks';

/**
 * Content security and moderation, through the real handlers against DynamoDB Local and the WeChat stand-in (the
 * real client's requests): what residents write is checked before it is stored; neighbours report; workers decide.
 */
jest.setTimeout(60_000);

let h: Harness;
let wang: Person; // writes
let li: Person; // her neighbour
let zhao: Person; // another community
let worker: Person; // 和平社区's community worker
let otherWorker: Person; // 金绿洲社区's
let officer: Person;
let consultationId: string;

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  zhao = await h.person('赵敏', [['resident', 'c-b']]);
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
});

const submit = (p: Person, text: string, photos: string[] = []) => h.api.as(p).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text, photos });
const boardOf = async (p: Person) => ((await h.api.as(p).get('/communities/c-a/matters')).body.items as { id: string }[]).map((m) => m.id);
const queueOf = async (p: Person, unitId = 'c-a') => h.api.as(p).get(`/moderation/queue?unitId=${unitId}`);
const comment = (p: Person, text: string) => h.api.as(p).post(`/consultations/${consultationId}/comments`, { text });
const commentsSeenBy = async (p: Person) => (await h.api.as(p).get(`/consultations/${consultationId}/comments`)).body.items as { id: string; text: string; moderation?: { state: string; reason?: string } }[];

/** WeChat's verdicts on this person's photos, pushed to /wechat/push as WeChat pushes them. */
async function deliverMediaChecks(p: Person): Promise<number> {
  const asks = await asksOf(p);
  for (const { event } of asks) await deliver(h, event);
  return asks.length;
}

describe('text is checked before it is stored', () => {
  it('refuses a matter with a risky word, saying which field, and stores nothing', async () => {
    // Act
    const res = await submit(wang, `楼下有人开${RISKY_WORDS[0]}，请处理`);
    // Assess
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'text' } });
    expect(res.body.message).toContain('事项内容');
    const mine = await h.api.as(wang).get('/me/matters');
    expect(mine.body.items).toHaveLength(0);
  });

  it('holds a doubtful matter back from neighbours until a worker passes it', async () => {
    // Act
    const res = await submit(wang, `垃圾站旁边贴了${REVIEW_WORDS[0]}的小广告`);
    // Assess: stored, the author sees it marked; the neighbour neither in the board nor by its id
    expect(res.status).toBe(201);
    expect(res.body.moderation).toEqual({ state: 'review' });
    const id = res.body.id as string;
    expect(await boardOf(wang)).toContain(id);
    expect(await boardOf(li)).not.toContain(id);
    expect((await h.api.as(li).get(`/matters/${id}`)).status).toBe(404);
    const queue = await queueOf(worker);
    expect(queue.body.items[0]).toMatchObject({ kind: 'matter', ref: id, causes: ['review'], state: 'open', authorName: '王秀兰' });
    // Act: the worker passes it
    const passed = await h.api.as(worker).post(`/moderation/matter/${id}/restore`, {});
    // Assess
    expect(passed.body).toEqual({ kind: 'matter', ref: id, state: 'passed' });
    expect(await boardOf(li)).toContain(id);
    expect((await h.api.as(li).get(`/matters/${id}`)).body.matter.moderation).toBeUndefined();
    expect(((await queueOf(worker)).body.items as { ref: string }[]).map((i) => i.ref)).not.toContain(id);
  });

  it('stores a matter as pending review when WeChat cannot be reached: not refused, not lost', async () => {
    // Prepare: WeChat down (nothing listens there)
    const real = h.deps.wechat;
    h.deps.wechat = wechatClient({ ...h.deps.config.wechat, apiBase: 'http://127.0.0.1:9', timeoutMs: 300 });
    try {
      // Act
      const res = await submit(wang, '小区东门的护栏松动了');
      // Assess
      expect(res.status).toBe(201);
      expect(res.body.moderation).toEqual({ state: 'review' });
      expect(await boardOf(li)).not.toContain(res.body.id);
      const queue = await queueOf(worker);
      expect(queue.body.items.find((i: { ref: string }) => i.ref === res.body.id)).toMatchObject({ causes: ['unchecked'] });
    } finally {
      h.deps.wechat = real;
    }
  });

  it('refuses a risky comment and holds a doubtful one for the workers', async () => {
    const risky = await comment(li, `出售${RISKY_WORDS[1]}`);
    expect(risky.status).toBe(422);
    expect(risky.body.message).toContain('评论');
    const doubtful = await comment(li, `大家看${REVIEW_WORDS[1]}`);
    expect(doubtful.status).toBe(201);
    expect((await commentsSeenBy(wang)).map((c) => c.id)).not.toContain(doubtful.body.id);
    expect((await commentsSeenBy(li)).find((c) => c.id === doubtful.body.id)?.moderation).toEqual({ state: 'review' });
  });
});

describe('photos are shown once WeChat passes them', () => {
  it('shows a photo only to its author until the push says pass, and a risky one to nobody', async () => {
    // Prepare
    const clean = await uploadPhoto(h, wang, 'a broken lamp');
    const bad = await uploadPhoto(h, wang, `x ${RISKY_PHOTO_MARK} x`);
    const res = await submit(wang, '3号楼前的路灯坏了两个星期', [clean, bad]);
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    // Assess: before the verdicts
    expect(res.body.photos).toHaveLength(2);
    expect(res.body.moderation).toEqual({ state: 'review', photosHeld: 2 });
    expect((await h.api.as(li).get(`/matters/${id}`)).body.matter.photos).toHaveLength(0);
    // Act: WeChat's pushes arrive
    expect(await deliverMediaChecks(wang)).toBeGreaterThanOrEqual(2);
    // Assess
    const seen = (await h.api.as(li).get(`/matters/${id}`)).body.matter;
    expect(seen.photos.map((p: { key: string }) => p.key)).toEqual([clean]);
    const own = (await h.api.as(wang).get(`/matters/${id}`)).body.matter;
    expect(own.photos.map((p: { key: string }) => p.key)).toEqual([clean]);
    expect(own.moderation).toEqual({ state: 'review', photosHeld: 1 });
    // a second delivery of the same verdicts changes nothing
    await deliverMediaChecks(wang);
    expect((await h.api.as(li).get(`/matters/${id}`)).body.matter.photos).toHaveLength(1);
  });
});

describe('reports and the workers’ decisions', () => {
  it('takes one report per neighbour, hides the comment on the worker’s word, and tells its author why', async () => {
    // Prepare
    const c = await comment(wang, '楼上那家人素质太差了');
    expect(c.status).toBe(201);
    const ref = `${consultationId}.${c.body.id}`;
    // Act: li reports, twice (a minute later: the queue is newest first)
    h.clock.advance(60_000);
    const first = await h.api.as(li).post(`/moderation/comment/${ref}/report`, { reason: 'abuse' });
    const again = await h.api.as(li).post(`/moderation/comment/${ref}/report`, { reason: 'other' });
    // Assess
    expect(first.status).toBe(201);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REPORTED');
    expect((await h.api.as(wang).post(`/moderation/comment/${ref}/report`, { reason: 'abuse' })).body.code).toBe('REPORT_OWN_CONTENT');
    const queued = (await queueOf(worker)).body.items[0];
    expect(queued).toMatchObject({ kind: 'comment', ref, causes: ['reported'], reportCount: 1, reasons: { abuse: 1 } });
    // the worker's workbench counts what waits
    const bench = await h.api.as(worker).get('/me/workbench?role=communityWorker&unitId=c-a');
    const waiting = ((await h.api.as(worker).get('/moderation/queue?unitId=c-a&limit=50')).body.items as unknown[]).length;
    expect(bench.body.tasks.find((t: { key: string }) => t.key === 'moderation')).toMatchObject({ count: waiting, link: '/packages/moderation/queue/index?unitId=c-a' });
    // officers see the whole sub-district
    expect(((await queueOf(officer, 'sd-t')).body.items as { ref: string }[]).map((i) => i.ref)).toContain(ref);
    // Act: the worker hides it
    const hidden = await h.api.as(worker).post(`/moderation/comment/${ref}/hide`, { reason: '含有人身攻击' });
    // Assess
    expect(hidden.body).toEqual({ kind: 'comment', ref, state: 'hidden' });
    expect((await commentsSeenBy(li)).map((x) => x.id)).not.toContain(c.body.id);
    expect((await commentsSeenBy(wang)).find((x) => x.id === c.body.id)?.moderation).toEqual({ state: 'hidden', reason: '含有人身攻击' });
    const inbox = await h.api.as(wang).get('/me/inbox');
    expect(inbox.body.items[0]).toMatchObject({ title: '您发布的评论已被隐藏' });
    expect(inbox.body.items[0].body).toContain('含有人身攻击');
    const trail = await h.deps.db.query({ pk: modKeys.item('comment', ref).pk, prefix: 'AUDIT#' });
    expect(trail.items).toEqual([expect.objectContaining({ action: 'hide', by: worker.id, reason: '含有人身攻击' })]);
    expect(((await queueOf(worker)).body.items as { ref: string }[]).map((i) => i.ref)).not.toContain(ref);
    // a neighbour can no longer report what they cannot see
    expect((await h.api.as(li).post(`/moderation/comment/${ref}/report`, { reason: 'abuse' })).status).toBe(404);
  });

  it('lets a worker restore a hidden matter for everyone', async () => {
    const m = await submit(wang, '希望增设快递柜');
    const id = m.body.id as string;
    await h.api.as(li).post(`/moderation/matter/${id}/report`, { reason: 'ads' });
    await h.api.as(worker).post(`/moderation/matter/${id}/hide`, { reason: '疑似广告' });
    expect(await boardOf(li)).not.toContain(id);
    expect((await h.api.as(wang).get(`/matters/${id}`)).body.matter.moderation).toEqual({ state: 'hidden', reason: '疑似广告' });
    // Act (a minute on: the inbox is newest first)
    h.clock.advance(60_000);
    await h.api.as(worker).post(`/moderation/matter/${id}/restore`, { note: '核实为正常诉求' });
    // Assess
    expect(await boardOf(li)).toContain(id);
    expect((await h.api.as(wang).get('/me/inbox')).body.items[0]).toMatchObject({ title: '您发布的事项已恢复显示' });
  });

  it('keeps the queue and decisions to the community’s workers and the sub-district’s officers', async () => {
    const m = await submit(wang, '小区健身器材需要维修');
    const id = m.body.id as string;
    expect((await queueOf(li)).status).toBe(403);
    expect((await queueOf(otherWorker)).status).toBe(403);
    expect((await queueOf(worker, 'sd-t')).status).toBe(403);
    expect((await h.api.as(li).post(`/moderation/matter/${id}/hide`, { reason: '我不喜欢' })).status).toBe(403);
    expect((await h.api.as(otherWorker).post(`/moderation/matter/${id}/hide`, { reason: '不相关' })).status).toBe(404);
    expect((await h.api.as(zhao).post(`/moderation/matter/${id}/report`, { reason: 'abuse' })).status).toBe(404);
    expect(await boardOf(li)).toContain(id);
  });

  it('answers bad input with a 4xx and a code, never a 500, and writes nothing', async () => {
    const before = await h.snapshot();
    const bad: [string, unknown][] = [
      ['/moderation/matter/x/report', { reason: 'because' }],
      ['/moderation/matter/x/report', {}],
      ['/moderation/post/x/report', { reason: 'abuse' }],
      ['/moderation/comment/a.b.c/report', { reason: 'abuse' }],
      ['/moderation/matter/nope/report', { reason: 'abuse', extra: 1 }],
      ['/moderation/matter/nope/hide', { reason: 'x'.repeat(300) }],
      ['/moderation/matter/nope/hide', { reason: '' }],
      ['/moderation/matter/nope/restore', { note: 7 }],
      ['/moderation/matter/nope/hide', { reason: '无此事项' }],
    ];
    for (const [path, body] of bad) {
      const res = await h.api.as(worker).post(path, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.body.code).toBe('string');
    }
    expect((await h.api.as(worker).get('/moderation/queue?unitId=c-a&limit=0')).status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
  });
});
