import { harness, type Harness } from '../../../tests/support/harness';
import { keys } from '../../platform/keys';
import { EPOCH_CACHE_MS } from '../../platform/revocation';

/**
 * Taking access back (issue 11, item 4): a grant taken back stops working within a minute; logout ends a sign-in; a
 * used refresh token that comes back revokes its whole sign-in. Each step moves the clock on, as real requests would.
 */
let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const tick = () => h.clock.advance(1000);
const login = async (code: string) => (await h.api.as().post('/auth/wechat', { code })).body as { accessToken: string; refreshToken: string; me: { id: string } };
const me = (token: string) => h.api.as({ token } as never).get('/me');
const refresh = (refreshToken: string) => h.api.as().post('/auth/refresh', { refreshToken });

describe('a grant taken back', () => {
  it("stops the worker's token at once on the instance that took it back, and the refreshed token no longer carries it", async () => {
    // Prepare: an admin and a community worker of 和平社区, whose token carries the grant
    const admin = await h.person('街道管理员', [['admin', 'sd-t']]);
    const worker = await h.person('李网格', [['communityWorker', 'c-a']]);
    expect((await h.api.as(worker).get('/communities/c-a/binding-requests')).status).toBe(200);
    tick();
    // Act
    const revoked = await h.api.as(admin).post('/admin/grants/revoke', { userId: worker.id, role: 'communityWorker', unitId: 'c-a' });
    // Assess
    expect(revoked.status).toBe(200);
    const after = await h.api.as(worker).get('/communities/c-a/binding-requests');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_REVOKED');
  });

  it('stops working on another instance within a minute (what an instance read of the epoch is kept for a minute at most)', async () => {
    // Prepare: a signed-in worker whose epoch this instance has read
    const signIn = await login('dev:revoke-minute');
    expect((await me(signIn.accessToken)).status).toBe(200);
    tick();
    // Act: another instance takes access back (writes the epoch; this instance is not told)
    await h.deps.db.put({ ...keys.authEpoch(signIn.me.id), entity: 'authEpoch', userId: signIn.me.id, revokedBefore: h.clock.now().getTime() });
    // Assess: honoured a little longer from what this instance read, refused once that is a minute old
    expect((await me(signIn.accessToken)).status).toBe(200);
    h.clock.advance(EPOCH_CACHE_MS);
    const refused = await me(signIn.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_REVOKED');
    // a token issued after the revocation works
    const fresh = await refresh(signIn.refreshToken);
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.accessToken)).status).toBe(200);
  });
});

describe('logout', () => {
  it('ends this sign-in: its access token and refresh token stop, while another device trades its refresh token anew', async () => {
    // Prepare: the same person signed in on two phones
    const phone = await login('dev:logout-two-phones');
    tick();
    const tablet = await login('dev:logout-two-phones');
    tick();
    // Act
    const out = await h.api.as({ token: phone.accessToken } as never).post('/auth/logout', { refreshToken: phone.refreshToken });
    tick();
    // Assess
    expect(out.status).toBe(200);
    expect((await me(phone.accessToken)).body.code).toBe('TOKEN_REVOKED');
    expect((await refresh(phone.refreshToken)).status).toBe(401);
    expect((await me(tablet.accessToken)).body.code).toBe('TOKEN_REVOKED');
    const tabletAgain = await refresh(tablet.refreshToken);
    expect(tabletAgain.status).toBe(200);
    expect((await me(tabletAgain.body.accessToken)).status).toBe(200);
  });

  it('everywhere ends every sign-in of the caller and no one else’s', async () => {
    const phone = await login('dev:logout-everywhere');
    const tablet = await login('dev:logout-everywhere');
    const neighbour = await login('dev:logout-neighbour');
    tick();
    expect((await h.api.as({ token: phone.accessToken } as never).post('/auth/logout', { everywhere: true })).status).toBe(200);
    tick();
    expect((await refresh(phone.refreshToken)).status).toBe(401);
    expect((await refresh(tablet.refreshToken)).status).toBe(401);
    expect((await me(neighbour.accessToken)).status).toBe(200);
    expect((await refresh(neighbour.refreshToken)).status).toBe(200);
  });

  it("cannot end someone else's sign-in with their refresh token", async () => {
    const mine = await login('dev:logout-mine');
    const theirs = await login('dev:logout-theirs');
    tick();
    await h.api.as({ token: mine.accessToken } as never).post('/auth/logout', { refreshToken: theirs.refreshToken });
    tick();
    expect((await refresh(theirs.refreshToken)).status).toBe(200);
  });
});

describe('a used refresh token that comes back', () => {
  it('revokes its whole sign-in: the token traded for it and the access tokens issued until then stop too', async () => {
    // Prepare: a sign-in traded its first refresh token for a second (as the app does every 2 hours)
    const first = await login('dev:reuse-family');
    tick();
    const second = (await refresh(first.refreshToken)).body as { accessToken: string; refreshToken: string };
    expect((await me(second.accessToken)).status).toBe(200);
    tick();
    // Act: someone presents the first token again (a copy of it)
    const replay = await refresh(first.refreshToken);
    tick();
    // Assess
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect((await me(second.accessToken)).body.code).toBe('TOKEN_REVOKED');
    // signing in again (wx.login is silent in the mini-program) starts a new sign-in that works
    const again = await login('dev:reuse-family');
    expect((await refresh(again.refreshToken)).status).toBe(200);
  });

  it('two trades of one token at once make one new pair, and the loser revokes the sign-in', async () => {
    const first = await login('dev:reuse-race');
    tick();
    const [a, b] = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    tick();
    const winner = a.status === 200 ? a : b;
    expect((await refresh(winner.body.refreshToken)).status).toBe(401);
  });
});
