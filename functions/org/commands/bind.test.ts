import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { keys } from '../../platform/keys';
import { grantItem } from '../store';

let h: Harness;
let liu: Person;
let admin: Person;

beforeAll(async () => {
  h = await harness();
  liu = await h.person('刘芳', [['communityWorker', 'c-a']]);
  admin = await h.person('管理员', [['admin', 'sd-t']]);
});

async function login(openid: string) {
  const res = await h.api.as().post('/auth/wechat', { code: `dev:${openid}` });
  return { id: res.body.me.id as string, token: res.body.accessToken as string, refreshToken: res.body.refreshToken as string };
}

describe('binding to a community', () => {
  it('binds at once with the invite code, once only, and the next token carries the grant', async () => {
    const me = await login('bind-1');
    const res = await h.api.as(me as never).post('/me/binding', { inviteCode: 'HEPING2026' });
    expect(res.body).toEqual({ status: 'bound', communityId: 'c-a' });
    const again = await h.api.as(me as never).post('/me/binding', { inviteCode: 'JINLVZ2026' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_BOUND');
    const refreshed = await h.api.as().post('/auth/refresh', { refreshToken: me.refreshToken });
    expect(refreshed.body.me.communityId).toBe('c-a');
    expect(refreshed.body.me.grants).toEqual([expect.objectContaining({ role: 'resident', unitId: 'c-a', unitName: '和平社区' })]);
  });

  it('refuses a wrong invite code', async () => {
    const me = await login('bind-2');
    const res = await h.api.as(me as never).post('/me/binding', { inviteCode: 'ZZZZZZZZZZ' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_INVITE_CODE');
  });

  it("binds on a community worker's confirmation", async () => {
    const me = await login('bind-3');
    const asked = await h.api.as(me as never).post('/me/binding', { communityId: 'c-a', note: '3号楼2单元' });
    expect(asked.body.status).toBe('pending');
    const list = await h.api.as(liu).get('/communities/c-a/binding-requests');
    expect(list.body.items.map((r: { user: { id: string } }) => r.user.id)).toContain(me.id);
    const decided = await h.api.as(liu).post(`/communities/c-a/binding-requests/${me.id}`, { decision: 'confirm' });
    expect(decided.status).toBe(200);
    const whoami = await h.api.as().post('/auth/refresh', { refreshToken: me.refreshToken });
    expect(whoami.body.me.communityId).toBe('c-a');
  });

  it("hides community A's binding requests from a resident", async () => {
    const resident = await h.person('居民', [['resident', 'c-a']]);
    const res = await h.api.as(resident).get('/communities/c-a/binding-requests');
    expect(res.status).toBe(404);
  });
});

describe('administering units and grants', () => {
  it('lets an admin add a grid and grant a role on it', async () => {
    const created = await h.api.as(admin).post('/admin/units', { kind: 'grid', name: '和平二网格', parentId: 'c-a' });
    expect(created.status).toBe(201);
    const worker = await login('grid-new');
    const granted = await h.api.as(admin).post('/admin/grants', { userId: worker.id, role: 'gridWorker', unitId: created.body.id });
    expect(granted.status).toBe(200);
    const grants = await h.api.as(admin).get(`/admin/units/${created.body.id}/grants`);
    expect(grants.body.items).toEqual([expect.objectContaining({ role: 'gridWorker', user: expect.objectContaining({ id: worker.id }) })]);
  });

  it('refuses a role on the wrong kind of unit', async () => {
    const worker = await login('grid-new-2');
    const res = await h.api.as(admin).post('/admin/grants', { userId: worker.id, role: 'gridWorker', unitId: 'c-a' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('GRANT_UNIT_MISMATCH');
  });

  it('grants the joint committee on the sub-district only, and the member then reads the review queue', async () => {
    // Prepare
    const member = await login('committee-new');
    // Act
    const onCommunity = await h.api.as(admin).post('/admin/grants', { userId: member.id, role: 'jointCommittee', unitId: 'c-a' });
    const onSubdistrict = await h.api.as(admin).post('/admin/grants', { userId: member.id, role: 'jointCommittee', unitId: 'sd-t' });
    const again = await login('committee-new');
    const queue = await h.api.as({ token: again.token } as never).get('/subdistricts/sd-t/five-lists?state=dispatched');
    // Assess
    expect(onCommunity.status).toBe(422);
    expect(onCommunity.body.code).toBe('GRANT_UNIT_MISMATCH');
    expect(onSubdistrict.status).toBe(200);
    expect(queue.status).toBe(200);
  });

  it('refuses the admin endpoints to a community worker', async () => {
    const res = await h.api.as(liu).get('/admin/units');
    expect(res.status).toBe(403);
  });
});

describe('long lists come whole, a page at a time', () => {
  /** Every page of a list, following its cursor: the keys of its items, in order, and the number of pages. */
  async function allPages(who: Person, path: string, keyOf: (i: any) => string) {
    const got: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const res = await h.api.as(who).get(`${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      got.push(...res.body.items.map(keyOf));
      cursor = res.body.cursor;
      pages++;
    } while (cursor);
    return { got, pages };
  }

  it('lists 130 residents waiting for confirmation over two pages, none lost or repeated', async () => {
    // Prepare: 130 requests to community B
    const worker = await h.person('吴社工', [['communityWorker', 'c-b']]);
    const ids = Array.from({ length: 130 }, (_, i) => `u-waiting-${String(i).padStart(3, '0')}`);
    await Promise.all(
      ids.map((userId) =>
        h.deps.db.put({ ...keys.bindingRequest('c-b', userId), entity: 'bindingRequest', userId, communityId: 'c-b', requestedAt: '2026-11-30T02:00:00.000Z' }),
      ),
    );
    // Act
    const { got, pages } = await allPages(worker, '/communities/c-b/binding-requests', (r) => r.user.id);
    // Assess
    expect(got).toEqual(ids);
    expect(pages).toBe(2);
  });

  it('lists 130 role holders of a unit over two pages, none lost or repeated', async () => {
    // Prepare: 130 contacts of a partner unit
    const unit = h.units.find((u) => u.id === 'p-water')!;
    const ids = Array.from({ length: 130 }, (_, i) => `u-holder-${String(i).padStart(3, '0')}`);
    await Promise.all(ids.map((userId) => h.deps.db.put({ ...grantItem(userId, 'unitContact', unit), entity: 'grant', userId, role: 'unitContact', unitId: unit.id })));
    // Act
    const { got, pages } = await allPages(admin, '/admin/units/p-water/grants', (g) => `${g.user.id}|${g.role}`);
    // Assess
    expect(got.filter((k) => k.startsWith('u-holder-'))).toEqual(ids.map((id) => `${id}|unitContact`));
    expect(new Set(got).size).toBe(got.length);
    expect(pages).toBe(2);
  });
});
