import fc from 'fast-check';
import { keys } from '../../platform/keys';
import { harness, type Harness, type Person } from '../../../tests/support/harness';

/**
 * Staff list a grid's or a community's bound residents to pick whom they act for. Residents bind through the API here,
 * so the index is the one the binding's transaction writes.
 */
jest.setTimeout(60_000);

let h: Harness;
let worker: Person;
let officer: Person;
let grid1: Person;
let grid2: Person;
let workerB: Person;
let resident: Person;
const ids: Record<string, string> = {};

type Me = { id: string; token: string };
async function login(openid: string, name: string): Promise<Me> {
  const res = await h.api.as().post('/auth/wechat', { code: `dev:${openid}` });
  const me = { id: res.body.me.id as string, token: res.body.accessToken as string };
  await h.api.as(me as never).put('/me/profile', { displayName: name });
  return me;
}
/** asks to bind, and the community worker confirms, with a grid or none */
async function boundVia(openid: string, name: string, opts: { gridId?: string; note?: string; communityId?: string } = {}) {
  const me = await login(openid, name);
  const communityId = opts.communityId ?? 'c-a';
  await h.api.as(me as never).post('/me/binding', { communityId, gridId: opts.gridId, note: opts.note });
  const confirmer = communityId === 'c-a' ? worker : workerB;
  const res = await h.api.as(confirmer).post(`/communities/${communityId}/binding-requests/${me.id}`, { decision: 'confirm', gridId: opts.gridId });
  if (res.status !== 200) throw new Error(`confirm: ${res.status} ${JSON.stringify(res.body)}`);
  ids[name] = me.id;
  return me;
}

beforeAll(async () => {
  h = await harness({ extraUnits: [{ id: 'g-a2', kind: 'grid', name: '和平二网格', parentId: 'c-a', path: ['sd-t', 'c-a', 'g-a2'] }] });
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  workerB = await h.person('孙丽', [['communityWorker', 'c-b']]);
  officer = await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]);
  grid1 = await h.person('张网格', [['gridWorker', 'g-a1']]);
  grid2 = await h.person('钱网格', [['gridWorker', 'g-a2']]);
  const wang = await boundVia('res-wang', '王秀兰', { gridId: 'g-a1', note: '3号楼2单元501' });
  await boundVia('res-wangm', '王明', { gridId: 'g-a1' });
  await boundVia('res-li', '李建国'); // no grid
  const byCode = await login('res-chen', '陈阿姨');
  await h.api.as(byCode as never).post('/me/binding', { inviteCode: 'HEPING2026' }); // no grid
  ids['陈阿姨'] = byCode.id;
  await boundVia('res-qian', '钱大爷', { gridId: 'g-a2' });
  await boundVia('res-zhao', '赵敏', { communityId: 'c-b' });
  resident = { ...wang, openid: 'res-wang', displayName: '王秀兰', grants: [] } as unknown as Person;
  // a volunteer's phone number: the list shows it masked
  await h.deps.db.put({ ...keys.volunteer(wang.id), entity: 'volunteer', userId: wang.id, phone: '13812345678' });
});

const names = (body: { items: { user: { displayName: string } }[] }) => body.items.map((r) => r.user.displayName);

describe("a grid's and a community's residents", () => {
  it("shows the grid worker the grid's residents, then the community's bound to no grid, and nobody else", async () => {
    // Act
    const res = await h.api.as(grid1).get('/grids/g-a1/residents');
    // Assess
    expect(res.status).toBe(200);
    expect(names(res.body).slice(0, 2).sort()).toEqual(['王明', '王秀兰'].sort());
    expect(names(res.body).slice(2).sort()).toEqual(['李建国', '陈阿姨'].sort());
    expect(res.body.cursor).toBeUndefined();
    const wang = res.body.items.find((r: { user: { id: string } }) => r.user.id === ids['王秀兰']);
    expect(wang).toEqual({ user: { id: ids['王秀兰'], displayName: '王秀兰' }, maskedPhone: '138****5678', gridId: 'g-a1', note: '3号楼2单元501' });
  });

  it('shows the community worker and the officer every resident of the community', async () => {
    for (const who of [worker, officer]) {
      const res = await h.api.as(who).get('/communities/c-a/residents');
      expect(res.status).toBe(200);
      expect(names(res.body).sort()).toEqual(['王明', '王秀兰', '李建国', '陈阿姨', '钱大爷'].sort());
    }
    const grid = await h.api.as(worker).get('/grids/g-a2/residents');
    expect(names(grid.body)[0]).toBe('钱大爷');
  });

  it('answers 404 to a resident, a worker of another grid or community, and a grid worker asking for the whole community', async () => {
    const asks: [Person, string][] = [
      [resident, '/grids/g-a1/residents'],
      [resident, '/communities/c-a/residents'],
      [grid2, '/grids/g-a1/residents'],
      [workerB, '/grids/g-a1/residents'],
      [workerB, '/communities/c-a/residents'],
      [grid1, '/communities/c-a/residents'],
      [worker, '/grids/no-such-grid/residents'],
      [worker, '/grids/c-a/residents'],
    ];
    for (const [who, path] of asks) {
      const res = await h.api.as(who).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('pages through the grid and then the residents with no grid, each once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.api.as(grid1).get(`/grids/g-a1/residents?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...names(res.body));
      cursor = res.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.sort()).toEqual(['王明', '王秀兰', '李建国', '陈阿姨'].sort());
  });

  it('pages through the community', async () => {
    const first = await h.api.as(worker).get('/communities/c-a/residents?limit=3');
    expect(first.body.items).toHaveLength(3);
    const rest = await h.api.as(worker).get(`/communities/c-a/residents?limit=3&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect([...names(first.body), ...names(rest.body)].sort()).toEqual(['王明', '王秀兰', '李建国', '陈阿姨', '钱大爷'].sort());
  });

  it('finds residents by the start of their name', async () => {
    const grid = await h.api.as(grid1).get(`/grids/g-a1/residents?name=${encodeURIComponent('王')}`);
    expect(names(grid.body).sort()).toEqual(['王明', '王秀兰'].sort());
    const community = await h.api.as(worker).get(`/communities/c-a/residents?name=${encodeURIComponent('李建')}`);
    expect(names(community.body)).toEqual(['李建国']);
    const none = await h.api.as(grid1).get(`/grids/g-a1/residents?name=${encodeURIComponent('钱')}`);
    expect(none.body.items).toEqual([]);
  });

  it('refuses a bad page size or query with a code', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=x', 'sort=name', `name=${'长'.repeat(21)}`]) {
      const res = await h.api.as(worker).get(`/communities/c-a/residents?${q}`);
      expect({ q, status: res.status, code: typeof res.body.code }).toEqual({ q, status: 400, code: 'string' });
    }
  });

  // tests/api/fuzz.test.ts fuzzes bodies only, and these take none: their query strings are fuzzed here
  it('answers generated query strings with a page or a 4xx with a code, never a 500', async () => {
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String), fc.constant(''), fc.constant('%E4'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('limit', 'cursor', 'name', 'x'), value, { maxKeys: 3 }), fc.constantFrom('/grids/g-a1/residents', '/communities/c-a/residents'), async (q, path) => {
        const res = await h.api.as(worker).get(`${path}?${new URLSearchParams(q).toString()}`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(typeof res.body.code).toBe('string');
        else expect(Array.isArray(res.body.items)).toBe(true);
      }),
      { numRuns: 60, seed: 20261126 },
    );
  });

  it("refuses to confirm a binding into another community's grid", async () => {
    const me = await login('res-odd', '周奶奶');
    await h.api.as(me as never).post('/me/binding', { communityId: 'c-a' });
    const res = await h.api.as(worker).post(`/communities/c-a/binding-requests/${me.id}`, { decision: 'confirm', gridId: 'c-b' });
    expect(res.status).toBe(404);
  });
});
