import { wechatPushRequest } from '../../scripts/wechatStandIn';
import { harness, type Harness, type Person } from '../../tests/support/harness';
import { keys } from '../platform/keys';
import { openPush, pushSignature, sealPush } from '../platform/wechatPush';

/**
 * WeChat's message push, signed and sealed by the stand-in's code (what WeChat sends), received by the handler: the
 * subscribe events that mean "no grant" set our count to zero; nothing unsigned, forged or foreign changes anything.
 */
let h: Harness;
let wang: Person;
const appId = () => h.deps.config.wechat.appId;
const secrets = () => ({ ...h.deps.config.wechat.push!, appId: appId() });

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
});

const grant = async (p: Person) => (await h.deps.db.get<{ count: number }>(keys.subscribeGrant(p.id, 'matterOutcome')))?.count;
const event = (p: Person, name: string, list: unknown) => ({ ToUserName: 'gh_linli', FromUserName: p.openid, CreateTime: String(Math.floor(Date.now() / 1000)), MsgType: 'event', Event: name, List: list });
async function push(body: Record<string, unknown>, mode: 'safe' | 'plain' = 'safe') {
  const call = wechatPushRequest(body as never, secrets(), mode, h.clock.now().getTime());
  return h.api.call('POST', `/wechat/push?${call.query}`, { rawBody: call.body });
}
async function granted(p: Person, n: number) {
  for (let i = 0; i < n; i++) await h.api.as(p).post('/me/subscriptions', { results: { [h.deps.config.templates.matterOutcome!]: 'accept' } });
}

describe('the message-push protocol', () => {
  it('opens what it seals, for its own appid only', () => {
    const sealed = sealPush('{"a":"说事"}', secrets());
    expect(openPush(sealed, secrets())).toBe('{"a":"说事"}');
    expect(openPush(sealed, { ...secrets(), appId: 'wx-someone-else' })).toBeUndefined();
    expect(openPush(`${sealed.slice(0, -8)}AAAAAAA=`, secrets())).toBeUndefined();
    expect(openPush('not base64 at all', secrets())).toBeUndefined();
  });

  it("answers the console's URL check with the echo, only when signed with the Token", async () => {
    const ts = String(Math.floor(h.clock.now().getTime() / 1000));
    const q = new URLSearchParams({ signature: pushSignature(secrets().token, ts, '42'), timestamp: ts, nonce: '42', echostr: '7150617234' });
    const ok = await h.api.call('GET', `/wechat/push?${q}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.body).toBe('7150617234');
    q.set('nonce', '43');
    const forged = await h.api.call('GET', `/wechat/push?${q}`);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('WECHAT_PUSH_SIGNATURE');
  });
});

describe('subscribe-message events', () => {
  it('drops the grants of a template the user turned off in the settings (safe mode), and a retry changes nothing', async () => {
    await granted(wang, 3);
    expect(await grant(wang)).toBe(3);
    const off = event(wang, 'subscribe_msg_change_event', { TemplateId: h.deps.config.templates.matterOutcome, SubscribeStatusString: 'reject' });
    const first = await push(off);
    expect(first).toMatchObject({ status: 200, body: 'success' });
    expect(await grant(wang)).toBe(0);
    expect((await push(off)).body).toBe('success');
    expect(await grant(wang)).toBe(0);
  });

  it('drops the grants when WeChat says a send was refused (43101), in plain mode, the list as an array', async () => {
    const li = await h.person('李建国', [['resident', 'c-a']]);
    await granted(li, 2);
    const refused = event(li, 'subscribe_msg_sent_event', [
      { TemplateId: h.deps.config.templates.matterOutcome, MsgID: '1864323726461255680', ErrorCode: '43101', ErrorStatus: 'user refuse to accept the msg' },
      { TemplateId: 'not-one-of-ours', ErrorCode: '43101' },
    ]);
    // a plain body is refused while an EncodingAESKey is set (safe mode), taken in plain mode (the console without one)
    expect((await push(refused, 'plain')).status).toBe(401);
    expect(await grant(li)).toBe(2);
    const push0 = h.deps.config.wechat.push!;
    h.deps.config.wechat.push = { token: push0.token };
    try {
      expect((await push(refused, 'plain')).body).toBe('success');
    } finally {
      h.deps.config.wechat.push = push0;
    }
    expect(await grant(li)).toBe(0);
  });

  it('keeps the grants on a successful send, on a popup answer (the app reports those) and for an unknown user', async () => {
    const zhao = await h.person('赵敏', [['resident', 'c-a']]);
    await granted(zhao, 2);
    const id = h.deps.config.templates.matterOutcome;
    await push({ ...event(zhao, 'subscribe_msg_sent_event', undefined), SubscribeMsgSentEvent: { List: { TemplateId: id, ErrorCode: 0, ErrorStatus: 'success' } } });
    await push(event(zhao, 'subscribe_msg_popup_event', [{ TemplateId: id, SubscribeStatusString: 'accept', PopupScene: '0' }]));
    expect((await push(event({ ...zhao, openid: 'o-nobody' }, 'subscribe_msg_change_event', { TemplateId: id, SubscribeStatusString: 'reject' }))).body).toBe('success');
    expect(await grant(zhao)).toBe(2);
  });

  it('refuses a forged or tampered push and changes nothing', async () => {
    const zhou = await h.person('周建', [['resident', 'c-a']]);
    await granted(zhou, 1);
    const off = event(zhou, 'subscribe_msg_change_event', { TemplateId: h.deps.config.templates.matterOutcome, SubscribeStatusString: 'reject' });
    const wrongToken = wechatPushRequest(off as never, { ...secrets(), token: 'someoneElsesToken' }, 'safe', h.clock.now().getTime());
    expect((await h.api.call('POST', `/wechat/push?${wrongToken.query}`, { rawBody: wrongToken.body })).status).toBe(401);
    // (in plain mode the signature covers only the URL's timestamp and nonce: safe mode is the one for production)
    const sealed = wechatPushRequest(off as never, secrets(), 'safe', h.clock.now().getTime());
    const body = JSON.parse(sealed.body) as { Encrypt: string };
    const flipped = JSON.stringify({ ...body, Encrypt: `${body.Encrypt.slice(0, 10)}${body.Encrypt[10] === 'A' ? 'B' : 'A'}${body.Encrypt.slice(11)}` });
    const refused = await h.api.call('POST', `/wechat/push?${sealed.query}`, { rawBody: flipped });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('WECHAT_PUSH_SIGNATURE');
    expect(await grant(zhou)).toBe(1);
  });

  it('refuses a rightly signed push replayed ten minutes later, or dated ahead, and changes nothing', async () => {
    const sun = await h.person('孙丽', [['resident', 'c-a']]);
    await granted(sun, 2);
    const off = event(sun, 'subscribe_msg_change_event', { TemplateId: h.deps.config.templates.matterOutcome, SubscribeStatusString: 'reject' });
    for (const skewMs of [-10 * 60_000, 10 * 60_000]) {
      const replay = wechatPushRequest(off as never, secrets(), 'safe', h.clock.now().getTime() + skewMs);
      const refused = await h.api.call('POST', `/wechat/push?${replay.query}`, { rawBody: replay.body });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('WECHAT_PUSH_STALE');
    }
    expect(await grant(sun)).toBe(2);
    const onTime = wechatPushRequest(off as never, secrets(), 'safe', h.clock.now().getTime() - 60_000);
    expect((await h.api.call('POST', `/wechat/push?${onTime.query}`, { rawBody: onTime.body })).body).toBe('success');
    expect(await grant(sun)).toBe(0);
  });

  it('answers a malformed event with a 400 and a code, never a 500', async () => {
    const bad = await push({ ToUserName: 'gh_linli', FromUserName: wang.openid, CreateTime: 'yesterday', MsgType: 'event' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    const noQuery = await h.api.call('POST', '/wechat/push', { body: { ToUserName: 'gh_linli' } });
    expect(noQuery.status).toBe(400);
  });
});
