import { startWechatStandIn, type WechatStandIn } from '../../scripts/wechatStandIn';

const APPID = 'wxtest123';
const SECRET = 'test-secret';

let standIn: WechatStandIn;

beforeAll(async () => {
  standIn = await startWechatStandIn({ port: 0, appid: APPID, secret: SECRET, templateIds: ['tmpl-a', 'tmpl-b'] });
});

afterAll(async () => {
  await standIn?.close();
});

beforeEach(async () => {
  await fetch(`${standIn.url}/__standin/messages`, { method: 'DELETE' });
});

async function get(path: string, query: Record<string, string>) {
  const res = await fetch(`${standIn.url}${path}?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

async function post(path: string, body: unknown, query: Record<string, string> = {}) {
  const qs = Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
  const res = await fetch(`${standIn.url}${path}${qs}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const code2Session = (js_code: string, over: Record<string, string> = {}) =>
  get('/sns/jscode2session', { appid: APPID, secret: SECRET, js_code, grant_type: 'authorization_code', ...over });

async function token(): Promise<string> {
  const r = await get('/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: SECRET });
  expect(r.expires_in).toBe(7200);
  expect(typeof r.access_token).toBe('string');
  return r.access_token;
}

describe('code2Session (GET /sns/jscode2session)', () => {
  it('turns a minted code into its openid with a session_key, once', async () => {
    const minted = await post('/__standin/code', { openid: 'resident-wang' });
    expect(minted.status).toBe(200);
    const code = minted.body.code as string;
    expect(code).toMatch(/^[0-9a-f]{32}$/);

    const first = await code2Session(code);
    expect(first.openid).toBe('resident-wang');
    expect(typeof first.session_key).toBe('string');
    expect(Buffer.from(first.session_key, 'base64')).toHaveLength(16);
    expect(first.errcode).toBeUndefined();

    const again = await code2Session(code);
    expect(again.errcode).toBe(40163);
    expect(again.openid).toBeUndefined();
  });

  it('accepts dev:<openid> codes, repeatedly', async () => {
    expect((await code2Session('dev:grid-chen')).openid).toBe('grid-chen');
    expect((await code2Session('dev:grid-chen')).openid).toBe('grid-chen');
  });

  it('answers 40029 to a code it never minted', async () => {
    const r = await code2Session('0716AVll20uHk94SLDml27etM946AVlq');
    expect(r).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect((await code2Session('dev:')).errcode).toBe(40029);
    expect((await code2Session('dev:bad openid!')).errcode).toBe(40029);
  });

  it('checks appid and secret', async () => {
    const code = standIn.mintCode('resident-li');
    expect((await code2Session(code, { appid: 'wxother' })).errcode).toBe(40013);
    expect((await code2Session(code, { secret: 'wrong' })).errcode).toBe(40125);
    // the failed calls did not use the code up
    expect((await code2Session(code)).openid).toBe('resident-li');
  });

  it('gives distinct codes per mint and rejects a bad mint request', async () => {
    const a = await post('/__standin/code', { openid: 'x' });
    const b = await post('/__standin/code', { openid: 'x' });
    expect(a.body.code).not.toBe(b.body.code);
    expect((await post('/__standin/code', {})).status).toBe(400);
  });
});

describe('access token (GET /cgi-bin/token)', () => {
  it('issues a token for the right appid and secret', async () => {
    const a = await token();
    const b = await token();
    expect(a).not.toBe(b);
  });

  it('answers 40013 for a wrong appid, 40125 for a wrong secret, 40002 for a wrong grant_type', async () => {
    expect((await get('/cgi-bin/token', { grant_type: 'client_credential', appid: 'wxnope', secret: SECRET })).errcode).toBe(40013);
    expect((await get('/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: 'nope' })).errcode).toBe(40125);
    expect((await get('/cgi-bin/token', { grant_type: 'password', appid: APPID, secret: SECRET })).errcode).toBe(40002);
  });
});

describe('subscribe messages (POST /cgi-bin/message/subscribe/send)', () => {
  const message = (touser: string, template_id = 'tmpl-a') => ({
    touser,
    template_id,
    page: 'pages/index/index',
    data: { thing1: { value: '说事日' }, time2: { value: '2026-06-05 09:00' } },
  });

  it('records what it was sent, filterable by touser, and forgets on DELETE', async () => {
    const t = await token();
    expect((await post('/cgi-bin/message/subscribe/send', message('resident-wang'), { access_token: t })).body).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await post('/cgi-bin/message/subscribe/send', message('resident-li', 'tmpl-b'), { access_token: t })).body.errcode).toBe(0);

    const all = await get('/__standin/messages', {});
    expect(all.items).toHaveLength(2);
    const wang = await get('/__standin/messages', { touser: 'resident-wang' });
    expect(wang.items).toHaveLength(1);
    expect(wang.items[0]).toMatchObject({ touser: 'resident-wang', template_id: 'tmpl-a', page: 'pages/index/index', data: { thing1: { value: '说事日' } } });
    expect(standIn.messages('resident-li')).toHaveLength(1);

    await fetch(`${standIn.url}/__standin/messages`, { method: 'DELETE' });
    expect((await get('/__standin/messages', {})).items).toHaveLength(0);
  });

  it('rejects a missing or unknown access token', async () => {
    expect((await post('/cgi-bin/message/subscribe/send', message('a'))).body.errcode).toBe(41001);
    expect((await post('/cgi-bin/message/subscribe/send', message('a'), { access_token: 'forged' })).body.errcode).toBe(40001);
    expect(standIn.messages()).toHaveLength(0);
  });

  it('expires tokens', async () => {
    const short = await startWechatStandIn({ port: 0, appid: APPID, secret: SECRET, tokenTtlSeconds: 0 });
    try {
      const r = await fetch(`${short.url}/cgi-bin/token?${new URLSearchParams({ grant_type: 'client_credential', appid: APPID, secret: SECRET })}`);
      const { access_token } = (await r.json()) as { access_token: string };
      await new Promise((res) => setTimeout(res, 5));
      const s = await fetch(`${short.url}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(access_token)}`, {
        method: 'POST',
        body: JSON.stringify(message('a')),
      });
      expect(((await s.json()) as { errcode: number }).errcode).toBe(42001);
    } finally {
      await short.close();
    }
  });

  it('validates the body and the template id', async () => {
    const t = await token();
    const send = (body: unknown) => post('/cgi-bin/message/subscribe/send', body, { access_token: t });
    expect((await send({ template_id: 'tmpl-a', data: {} })).body.errcode).toBe(47003);
    expect((await send({ touser: 'a', template_id: 'tmpl-a', data: { thing1: '说事日' } })).body.errcode).toBe(47003);
    expect((await send({ touser: 'a', template_id: 'tmpl-a' })).body.errcode).toBe(47003);
    expect((await send('not json')).body.errcode).toBe(47001);
    expect((await send(message('a', 'tmpl-unknown'))).body.errcode).toBe(40037);
    expect(standIn.messages()).toHaveLength(0);
  });

  it('fails the next N sends when told to, then succeeds, so retries can be seen', async () => {
    const t = await token();
    expect((await post('/__standin/fail', { count: 2 })).body).toMatchObject({ ok: true, pending: 2 });
    const results: number[] = [];
    for (let i = 0; i < 3; i++) results.push((await post('/cgi-bin/message/subscribe/send', message('resident-zhao'), { access_token: t })).body.errcode);
    expect(results).toEqual([-1, -1, 0]);
    expect(standIn.messages('resident-zhao')).toHaveLength(1);
    const attempts = await get('/__standin/attempts', {});
    expect(attempts.items.map((a: { errcode: number }) => a.errcode)).toEqual([-1, -1, 0]);

    await post('/__standin/fail', { count: 1, errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect((await post('/cgi-bin/message/subscribe/send', message('resident-zhao'), { access_token: t })).body).toEqual({
      errcode: 43101,
      errmsg: 'user refuse to accept the msg',
    });
  });
});

describe('phone number (POST /wxa/business/getuserphonenumber)', () => {
  it('answers a phone number for a code, the same for the same code', async () => {
    const t = await token();
    const a = await post('/wxa/business/getuserphonenumber', { code: 'abc' }, { access_token: t });
    expect(a.body.errcode).toBe(0);
    expect(a.body.phone_info.purePhoneNumber).toMatch(/^1\d{10}$/);
    expect(a.body.phone_info.countryCode).toBe('86');
    const b = await post('/wxa/business/getuserphonenumber', { code: 'abc' }, { access_token: t });
    expect(b.body.phone_info.phoneNumber).toBe(a.body.phone_info.phoneNumber);
    const chosen = await post('/wxa/business/getuserphonenumber', { code: 'phone:13912345678' }, { access_token: t });
    expect(chosen.body.phone_info.purePhoneNumber).toBe('13912345678');
  });

  it('needs a token and a code', async () => {
    expect((await post('/wxa/business/getuserphonenumber', { code: 'abc' }, { access_token: 'forged' })).body.errcode).toBe(40001);
    const t = await token();
    expect((await post('/wxa/business/getuserphonenumber', {}, { access_token: t })).body.errcode).toBe(47001);
  });
});

it('answers 404 with an errcode for paths WeChat does not have', async () => {
  const r = await fetch(`${standIn.url}/cgi-bin/nothing`);
  expect(r.status).toBe(404);
});
