import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;
let id: string;

beforeAll(async () => {
  w = await fiveListsWorld();
  const res = await w.h.api.as(w.p.worker).post('/consultations', {
    unitId: 'c-a',
    title: '小区停车位改造方案征求意见',
    description: '拟将中心绿地部分改造为停车位，请居民投票选择方案。',
    options: ['改造30个车位', '改造15个车位并保留绿地', '不改造'],
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2026-12-08T00:00:00.000Z',
  });
  expect(res.status).toBe(201);
  id = res.body.id;
});

describe('public consultations', () => {
  it('takes one vote per resident however often they tap, and lets them change it until it closes', async () => {
    // Act
    const taps = await Promise.all(Array.from({ length: 8 }, () => w.h.api.as(w.p.wang).put(`/consultations/${id}/vote`, { optionId: 'o0' })));
    await w.h.api.as(w.p.li).put(`/consultations/${id}/vote`, { optionId: 'o0' });
    const changed = await w.h.api.as(w.p.li).put(`/consultations/${id}/vote`, { optionId: 'o1' });
    // Assess
    expect(taps.filter((t) => t.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(changed.body).toMatchObject({ myVote: 'o1', phase: 'open' });
    expect(changed.body.result).toBeUndefined(); // no counts before the close
    w.h.clock.set('2026-12-08T00:00:01.000Z');
    const closed = await w.h.api.as(w.p.chen).get(`/consultations/${id}`);
    expect(closed.body).toMatchObject({ phase: 'closed', result: { counts: { o0: 1, o1: 1, o2: 0 }, total: 2 } });
    const late = await w.h.api.as(w.p.chen).put(`/consultations/${id}/vote`, { optionId: 'o2' });
    expect(late.body.code).toBe('CONSULTATION_NOT_OPEN');
    w.h.clock.set('2026-12-02T00:00:00.000Z');
  });

  it('refuses a resident of another community, an unknown option, and staff voting', async () => {
    expect((await w.h.api.as(w.p.zhao).put(`/consultations/${id}/vote`, { optionId: 'o0' })).status).toBe(404);
    expect((await w.h.api.as(w.p.chen).put(`/consultations/${id}/vote`, { optionId: 'o7' })).body.code).toBe('INVALID_OPTION');
    expect((await w.h.api.as(w.p.worker).put(`/consultations/${id}/vote`, { optionId: 'o0' })).status).toBe(403);
  });

  it('takes comments from residents and lists them newest first', async () => {
    const c = await w.h.api.as(w.p.chen).post(`/consultations/${id}/comments`, { text: '希望保留儿童游乐区' });
    expect(c.status).toBe(201);
    const list = await w.h.api.as(w.p.wang).get(`/consultations/${id}/comments`);
    expect(list.body.items[0]).toMatchObject({ text: '希望保留儿童游乐区', authorName: '陈静', mine: false });
    const listed = await w.h.api.as(w.p.wang).get('/units/c-a/consultations');
    expect(listed.body.items[0]).toMatchObject({ id, commentCount: 1 });
  });

  it('shows 130 consultations of a community over two pages, none lost or repeated, newest first', async () => {
    // Prepare: 130 consultations of 金绿洲社区, one a minute apart
    const made: string[] = [];
    for (let i = 0; i < 130; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          w.h.api.as(w.p.officer).post('/consultations', {
            unitId: 'c-b',
            title: `第${i + k + 1}号民生事项征求意见`,
            description: '请居民投票选择方案。',
            options: ['同意', '不同意'],
            opensAt: '2026-12-01T00:00:00.000Z',
            closesAt: '2026-12-08T00:00:00.000Z',
          }),
        ),
      );
      for (const r of batch) {
        expect(r.status).toBe(201);
        made.push(r.body.id);
      }
      w.h.clock.advance(60_000);
    }
    // Act
    const first = await w.h.api.as(w.p.zhao).get('/units/c-b/consultations?limit=100');
    const second = await w.h.api.as(w.p.zhao).get(`/units/c-b/consultations?limit=100&cursor=${encodeURIComponent(first.body.cursor)}`);
    // Assess
    const seen = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(first.body.items).toHaveLength(100);
    expect(second.body.cursor).toBeUndefined();
    expect(new Set(seen).size).toBe(130);
    expect([...seen].sort()).toEqual([...made].sort());
    expect(first.body.items[0].title).toMatch(/^第1[23]\d号/);
  });

  it('refuses a window that closes before it opens, and a resident publishing one', async () => {
    const body = { unitId: 'c-a', title: '测试', description: '说明', options: ['是', '否'], opensAt: '2026-12-10T00:00:00.000Z', closesAt: '2026-12-09T00:00:00.000Z' };
    expect((await w.h.api.as(w.p.worker).post('/consultations', body)).body.code).toBe('INVALID_WINDOW');
    expect((await w.h.api.as(w.p.wang).post('/consultations', { ...body, closesAt: '2026-12-20T00:00:00.000Z' })).status).toBe(403);
  });
});
