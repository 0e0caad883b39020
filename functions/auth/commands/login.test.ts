import { harness, type Harness } from '../../../tests/support/harness';
import { readConfig } from '../../platform/config';
import { wechatLogin } from './login';
import { makeCtx } from '../../platform/context';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

describe('logging in with WeChat', () => {
  it('makes one user per openid through code2Session on the stand-in, and answers tokens without the session_key', async () => {
    const first = await h.api.as().post('/auth/wechat', { code: 'dev:login-test-1' });
    const second = await h.api.as().post('/auth/wechat', { code: 'dev:login-test-1' });
    expect(first.status).toBe(200);
    expect(second.body.me.id).toBe(first.body.me.id);
    expect(JSON.stringify(first.body)).not.toMatch(/session_?key/i);
    const me = await h.api.as({ token: first.body.accessToken } as never).get('/me');
    expect(me.body.id).toBe(first.body.me.id);
  });

  it('refuses a code WeChat does not know', async () => {
    const res = await h.api.as().post('/auth/wechat', { code: 'not-a-real-code' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('WECHAT_LOGIN_FAILED');
  });

  it('refuses dev: codes in the cloud before asking WeChat', async () => {
    const cloud = { ...h.deps, config: { ...readConfig({ ...process.env, LINLI_ENV: 'cloud', TOKEN_SECRET: 'x'.repeat(40), WECHAT_SECRET: 'a-cloud-app-secret' }) } };
    await expect(wechatLogin(makeCtx(cloud, 'r1'), { code: 'dev:someone' })).rejects.toMatchObject({ code: 'WECHAT_LOGIN_FAILED' });
  });

  it('trades a refresh token once for new tokens', async () => {
    const login = await h.api.as().post('/auth/wechat', { code: 'dev:login-test-2' });
    const refreshed = await h.api.as().post('/auth/refresh', { refreshToken: login.body.refreshToken });
    const reused = await h.api.as().post('/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('refuses an expired or forged token', async () => {
    const login = await h.api.as().post('/auth/wechat', { code: 'dev:login-test-3' });
    const forged = `${login.body.accessToken.slice(0, -4)}AAAA`;
    expect((await h.api.as({ token: forged } as never).get('/me')).body.code).toBe('UNAUTHENTICATED');
    h.clock.advance(3 * 3600_000);
    const expired = await h.api.as({ token: login.body.accessToken } as never).get('/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });
});
