import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

describe('closing a matter', () => {
  it('lets an officer close a collected matter with a note, and tells the submitter', async () => {
    const id = await w.collected('建议增加宠物活动区域', 'communityBuilding');
    const noNote = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/close`, { note: '', version: 0 });
    expect(noNote.status).toBe(400);
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/close`, { note: '纳入明年社区规划统筹考虑', version: 0 });
    expect(res.body.state).toBe('closed');
    const inbox = await w.h.api.as(w.p.grid).get('/me/inbox');
    expect(inbox.body.items.map((i: { title: string }) => i.title)).toContain('您的事项已关闭');
  });

  it('refuses to close a claimed matter, and refuses a community worker', async () => {
    const id = await w.collected('小区监控探头坏了');
    const c = await w.claimed(id);
    expect((await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/close`, { note: '关闭', version: c.version })).body.code).toBe('CASE_WRONG_STATE');
    const other = await w.collected('小区快递柜不够用');
    expect((await w.h.api.as(w.p.worker).post(`/five-lists/matters/${other}/close`, { note: '关闭', version: 0 })).status).toBe(403);
  });
});
